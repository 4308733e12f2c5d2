import { describe, expect, it } from 'vitest';
import { openImport } from '../../src/main/core/ingest/readers';
import { HearkenError } from '../../src/shared/errors';

const m = 'test/fixtures/import/malformed';

/** Each broken file fails at open, before any row, with its own documented message. */
const cases: [string, RegExp][] = [
  ['binary.csv', /^binary\.csv is not a text file: it looks like binary data, not text\. Export the feedback as CSV/],
  ['spreadsheet.csv', /^spreadsheet\.csv is not a text file: it looks like a ZIP archive or an Excel\/Word file \(\.xlsx, \.docx\)/],
  ['empty.csv', /^empty\.csv is empty: there is nothing to import\./],
  ['blank.csv', /^blank\.csv is empty: there is nothing to import\./],
  ['header-only.csv', /^header-only\.csv has a header row but no rows below it: there is nothing to import\./],
  ['wrong-delimiter.csv', /^wrong-delimiter\.csv has only one column: no comma, semicolon, tab or pipe separates the header's columns\./],
  ['truncated-quote.csv', /^truncated-quote\.csv ends inside a quoted field that starts on line 2: the file looks truncated, or a quote \("\) is never closed\./],
  // The parser's own message quotes the text around the fault ("nope"); Hearken's says only what kind of fault.
  ['invalid.json', /^invalid\.json is not valid JSON \(an unexpected character at line 1, column 26\)\. Fix the file or export it again as a JSON array or NDJSON/],
  ['truncated.json', /^truncated\.json ends before its JSON array is closed with "\]": the file looks truncated\./],
  ['empty-array.json', /^empty-array\.json holds an empty JSON list: there is nothing to import\./],
  ['no-headers.eml', /^no-headers\.eml is not an e-mail: it does not start with header lines such as From:, Subject: and Date:\./],
];

describe('malformed files', () => {
  for (const [file, message] of cases) {
    it(`${file} fails at open with its message`, async () => {
      const error = await openImport(`${m}/${file}`).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(HearkenError);
      expect((error as HearkenError).code).toBe('VALIDATION');
      expect((error as HearkenError).message).toMatch(message);
      expect((error as HearkenError).message).not.toMatch(/nope/);
    });
  }

  it('a declared mbox that is not one, and an unknown path, fail clearly', async () => {
    await expect(openImport('test/fixtures/import/email/base64.eml', { format: 'mbox' })).rejects.toThrow(/is not an mbox file: an mbox starts with a "From " line/);
    await expect(openImport(`${m}/does-not-exist.csv`)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(openImport('test/fixtures/import/csv/survey.csv', { timeZone: 'Mars/Olympus' })).rejects.toThrow(/is not a time zone/);
  });
});
