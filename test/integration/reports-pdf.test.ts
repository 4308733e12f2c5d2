import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumPrinter, findChromium } from '../../src/main/core/reports/pdf';
import { HearkenError } from '../../src/shared/errors';
import { renderReportHtml } from '../../src/shared/reports/html';
import { reportTables } from '../../src/shared/reports/tables';
import { sampleReport } from '../support/report-fixture';

const CHROMIUM = process.env.HEARKEN_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);

/** Pages of a PDF, counted from its page objects (Chromium writes one "/Type /Page" per page). */
function pageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

describe('findChromium', () => {
  it('takes an explicit path only when it exists', () => {
    expect(findChromium('/no/such/browser')).toBeNull();
    if (haveChromium) expect(findChromium(CHROMIUM)).toBe(CHROMIUM);
  });

  it.runIf(haveChromium)('finds the local Chromium without being told', () => {
    const saved = process.env.HEARKEN_CHROMIUM;
    try {
      delete process.env.HEARKEN_CHROMIUM;
      expect(findChromium()).not.toBeNull();
      process.env.HEARKEN_CHROMIUM = CHROMIUM;
      expect(findChromium()).toBe(CHROMIUM);
    } finally {
      if (saved === undefined) delete process.env.HEARKEN_CHROMIUM;
      else process.env.HEARKEN_CHROMIUM = saved;
    }
  });
});

describe('chromiumPrinter', () => {
  const printer = haveChromium ? chromiumPrinter(CHROMIUM) : null;
  afterAll(async () => {
    await printer?.close();
  });

  it.runIf(haveChromium)('prints the sample report to an A4 PDF of several pages', async () => {
    const report = sampleReport();
    const html = renderReportHtml(report, { basis: 'business', tables: reportTables(report, 'business') });
    const pdf = await printer!(html);
    const text = Buffer.from(pdf).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
    // A4 is 595 x 842 points (Chromium writes 595.91998 x 842.88).
    expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+|\/MediaBox\s*\[\s*0 0 595\.\d+ 842\.\d+/);
    // A second page prints on the same browser.
    expect(pageCount(await printer!(html))).toBe(pageCount(pdf));
  });

  it('says what to do when the browser is missing', async () => {
    const missing = chromiumPrinter('/no/such/browser');
    try {
      const error = await missing('<!doctype html><title>x</title>').then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(HearkenError);
      expect((error as HearkenError).code).toBe('PRINT_UNAVAILABLE');
      expect((error as HearkenError).message).toBe(
        'No browser was found at /no/such/browser, so the PDF cannot be printed. Write the report with --format html and print it from a browser, or install Chromium or Google Chrome (or name one with --chromium PATH).',
      );
    } finally {
      await missing.close();
    }
  });
});
