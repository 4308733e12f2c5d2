// Renders resources/icon.svg to resources/icon.png (512x512, transparent) with the same
// Chromium the browser tests use. Run after editing the SVG: npx tsx scripts/render-icon.mts
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const svgPath = fileURLToPath(new URL('../resources/icon.svg', import.meta.url));
const pngPath = fileURLToPath(new URL('../resources/icon.png', import.meta.url));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${readFileSync(svgPath, 'utf8')}</body></html>`);
  await page.locator('svg').screenshot({ path: pngPath, omitBackground: true });
} finally {
  await browser.close();
}
console.log(`wrote ${pngPath}`);
