/** The import report's sentence says what was skipped as not feedback, beside what landed. */
import { describe, expect, it } from 'vitest';
import { reportSentence } from '../../src/renderer/src/import/model/wording';

describe("the import report's sentence", () => {
  it('names skipped rows (bounces) apart from failed ones, and only when there are some', () => {
    expect(reportSentence({ state: 'done', counts: { read: 4, imported: 2, duplicates: 0, failed: 0, skipped: 2 } })).toBe(
      'Imported 2 items. 2 rows skipped: not customer feedback (such as bounced e-mail).',
    );
    expect(reportSentence({ state: 'done', counts: { read: 4, imported: 0, duplicates: 2, failed: 0, skipped: 2 } })).toBe(
      'Imported 0 items. 2 were already in your inbox. 2 rows skipped: not customer feedback (such as bounced e-mail).',
    );
    expect(reportSentence({ state: 'done', counts: { read: 3, imported: 2, duplicates: 0, failed: 1 } })).toBe('Imported 2 items. 1 row could not be read.');
  });
});
