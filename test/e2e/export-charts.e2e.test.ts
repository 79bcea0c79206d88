import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, type Session, useE2eSessions } from './support/harness';

/**
 * Charts for reports and the print view, in Chromium against the real services: a dashboard chart
 * saved as SVG and as PNG (3× its size), and the print view laid out for paper (Chromium's
 * page.pdf stands in for Electron's printToPDF, which the harness does not have).
 */

const KS = 'kansrijke-samenwerking';
const NETWORK = 'Palliatief Netwerk Twente';

const { newSession } = useE2eSessions();

async function printView(): Promise<Session> {
  const session = await newSession();
  const network = await session.call('createNetwork', { name: NETWORK });
  for (const [label, kind] of [['T0', 'T0'], ['T1', 'T1']] as const) {
    const wave = await session.call('createWave', { networkId: network.id, label, kind, plannedDate: '2026-03-01', instruments: [{ instrumentId: KS, version: 1 }] });
    for (let i = 1; i <= 6; i++) {
      const r = await session.call('startResponse', { waveId: wave.id, respondentCode: `P-00${i}`, organisationId: null, mode: 'form' });
      for (const c of ['amb', 'bel', 'per', 'org', 'pro']) {
        for (let k = 1; k <= 4; k++) await session.call('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: `ks_${c}_0${k}`, value: ((i + k + (kind === 'T1' ? 1 : 0)) % 5) + 1, text: null });
      }
      await session.call('completeResponse', { responseId: r.id });
    }
  }
  const { page } = session;
  await page.goto(session.harness.url);
  await page.getByRole('button', { name: new RegExp(NETWORK) }).first().click();
  await page.getByRole('button', { name: `Afdrukversie en PDF van de resultaten: ${NETWORK}` }).click();
  await page.getByTestId('print-view').waitFor();
  await page.getByTestId('chart-downloads').waitFor();
  return session;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('charts and the print view', () => {
  it('saves a dashboard chart as SVG and as PNG at three times its size', async () => {
    const session = await printView();
    const { page } = session;
    const list = page.getByTestId('chart-downloads');
    const first = list.getByRole('listitem').first();
    const title = ((await first.locator('span').first().textContent()) ?? '').trim();
    expect(title.length).toBeGreaterThan(3);

    await first.getByRole('button', { name: `Grafiek opslaan als SVG (schaalbaar): ${title}` }).click();
    await first.getByText(/Grafiek opgeslagen als .*\.svg/).waitFor();
    await first.getByRole('button', { name: `Grafiek opslaan als PNG (voor rapporten): ${title}` }).click();
    await first.getByText(/Grafiek opgeslagen als .*\.png/).waitFor();
    expect(session.problems).toEqual([]);

    const files = readdirSync(session.exportDir);
    const svgFile = files.find((f) => f.endsWith('.svg'))!;
    const svg = readFileSync(join(session.exportDir, svgFile), 'utf8');
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain(`>${title.replace(/&/g, '&amp;')}</text>`);
    expect(svg).not.toMatch(/<script|\son[a-z]+=|class="/i);
    // The chart's own drawing came along, with its colours written on the elements.
    expect(svg).toMatch(/<(path|rect|polygon|line)\b[^>]*style="[^"]*(fill|stroke):/);
    const width = Number(/<svg[^>]*\swidth="(\d+)"/.exec(svg)![1]);
    const height = Number(/<svg[^>]*\sheight="(\d+)"/.exec(svg)![1]);

    const png = readFileSync(join(session.exportDir, files.find((f) => f.endsWith('.png'))!));
    expect(pngSize(png)).toEqual({ width: width * 3, height: height * 3 });
  });

  it('lays the results out for paper: title page, charts and tables, nothing of the screen around it', async () => {
    const session = await printView();
    const { page } = session;
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() =>
      ['.app-header', '.chart-downloads', '.print-hide', '.dashboard-toc'].map((sel) => {
        const el = document.querySelector(sel);
        return el ? getComputedStyle(el).display : 'absent';
      }),
    );
    expect(hidden.every((d) => d === 'none' || d === 'absent')).toBe(true);
    expect(await page.getByTestId('print-view').getByText(`Resultaten van ${NETWORK}`).isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('says where PDF saving works when the window cannot print to PDF (the browser harness)', async () => {
    const session = await printView();
    await session.page.getByTestId('save-pdf').click();
    const error = session.page.getByTestId('pdf-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('alleen in de Netwerkspiegel-app');
  });
});
