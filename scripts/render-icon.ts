import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../test/e2e/support/browser';

/*
 * Renders the app icon build/icon.svg to build/icon.png (1024 × 1024, transparent corners) in
 * Chromium. electron-builder makes the Windows .ico, the macOS .icns and the Linux icon sizes from
 * that PNG. Run after changing the SVG, and commit both: `npx tsx scripts/render-icon.ts`.
 */

const SIZE = 1024;
const svgPath = resolve(__dirname, '../build/icon.svg');
const pngPath = resolve(__dirname, '../build/icon.png');

async function main(): Promise<void> {
  const svg = readFileSync(svgPath, 'utf8');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const png = await page.locator('svg').screenshot({ omitBackground: true, type: 'png' });
    writeFileSync(pngPath, png);
    console.log(`${pngPath}: ${png.length} bytes`);
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error('Het pictogram kon niet worden gemaakt', err);
  process.exitCode = 1;
});
