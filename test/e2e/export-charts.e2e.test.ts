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
    expect(svg).not.toMatch(/<script|\son[a-z]+=|class="/i);
    // The chart's own drawing came along, with its colours written on the elements.
    expect(svg).toMatch(/<(path|rect|polygon|line)\b[^>]*style="[^"]*(fill|stroke):/);
    const width = Number(/<svg[^>]*\swidth="(\d+)"/.exec(svg)![1]);
    const height = Number(/<svg[^>]*\sheight="(\d+)"/.exec(svg)![1]);

    // Read back by a real SVG parser (Chromium's): the title band names network, instrument and
    // waves, then the chart's title; the chart itself sits below the band.
    const chartHeight = await page.locator('figure.dashboard-chart svg.recharts-surface').first().evaluate((el) => Number(el.getAttribute('height')));
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      const band = Array.from(root.children).find((el) => el.tagName === 'g')!;
      const chart = Array.from(root.children).find((el) => el.tagName === 'svg')!;
      return {
        parseError: doc.querySelector('parsererror') !== null,
        titles: Array.from(band.querySelectorAll('text')).map((el) => el.textContent),
        chartY: Number(chart.getAttribute('y')),
        chartHeight: Number(chart.getAttribute('height')),
      };
    }, svg);
    expect(parsed.parseError).toBe(false);
    expect(parsed.titles).toEqual([`${NETWORK} — Kansrijke samenwerking — T0, T1`, title]);
    expect(parsed.chartHeight).toBe(chartHeight);
    // Two lines of title (16 and 14 px at 1.3 line height, 4 px apart) between 12 px paddings.
    expect(parsed.chartY).toBe(12 + Math.ceil(16 * 1.3) + 4 + Math.ceil(14 * 1.3) + 4 + 12);

    const png = readFileSync(join(session.exportDir, files.find((f) => f.endsWith('.png'))!));
    expect(pngSize(png)).toEqual({ width: width * 3, height: height * 3 });
    // Taller than the chart and its padding by the title band (the legend adds to it, below the chart).
    expect(height).toBeGreaterThanOrEqual(parsed.chartY + chartHeight + 12);
    // Decoded by Chromium's PNG reader: the title is drawn into the picture (dark text in the band,
    // white in the padding above it), not only present in the SVG source.
    const ink = await page.evaluate(
      async ({ base64, bandTop, bandBottom }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.naturalWidth, image.naturalHeight);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(image, 0, 0);
        const dark = (top: number, bottom: number) => {
          const { data } = ctx.getImageData(0, top, canvas.width, bottom - top);
          let count = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 300) count++;
          return count;
        };
        return { padding: dark(0, bandTop), band: dark(bandTop, bandBottom) };
      },
      { base64: png.toString('base64'), bandTop: 3 * 8, bandBottom: 3 * (parsed.chartY - 12) },
    );
    expect(ink.padding).toBe(0);
    expect(ink.band).toBeGreaterThan(2000);
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
