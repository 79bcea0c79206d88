import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTNER_NETWORK_INSTRUMENT } from '../../shared/partner-network';
import { parseAllXml, pngSize, unzip, wordParagraphs, wordTables } from '../support/report-files';
import { partnerStudy } from '../support/partner-report-study';
import { textOf, useE2eSessions } from './support/harness';

/**
 * *Rapport maken* with the partner network chosen, end to end in Chromium: the network report
 * (Word) has the section "Samenwerking tussen de partners" with a map per wave drawn by the results
 * screen's own map component as a PNG at print size, and the metrics the results service gives.
 * LibreOffice turns the file into PDF and the pages into PNGs for a person to look at
 * (/tmp/netwerkspiegel-partner-report-pages).
 */

const PAGES = '/tmp/netwerkspiegel-partner-report-pages';
const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
const { newSession } = useE2eSessions();

describe('Rapport maken with the partner network', () => {
  it('puts the network map of every wave and the metrics of the service into the Word report', async () => {
    const session = await newSession();
    const { page, exportDir } = session;
    const { network } = await partnerStudy({ ok: session.call });
    const result = await session.call('getPartnerNetwork', { networkId: network.id, instrumentId: PARTNER_NETWORK_INSTRUMENT });

    await page.goto(session.harness.url);
    await page.getByRole('button', { name: `Netwerk ${network.name} openen` }).click();
    await page.getByRole('button', { name: `Rapport maken voor netwerk ${network.name}` }).click();
    await page.getByTestId('make-report-network').click();
    await page.getByTestId('report-result').waitFor({ timeout: 120_000 });
    expect(await textOf(page.getByTestId('report-result'))).toMatch(/^Klaar\. Het rapport staat in .*\.docx$/);

    const file = join(exportDir, readdirSync(exportDir).find((f) => f.endsWith('.docx'))!);
    const pkg = unzip(readFileSync(file));
    const xml = parseAllXml(pkg);
    const paragraphs = wordParagraphs(xml['word/document.xml']!);
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toContain('Samenwerking tussen de partners');
    expect(paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(expect.arrayContaining(['Meting T0', 'Meting T1']));
    // A map per wave: a PNG 2.5 times the map as drawn on the 760 px stage, in the proportions of the 960 × 620 map.
    const maps = Object.keys(pkg).filter((n) => n.startsWith('word/media/'));
    expect(maps).toHaveLength(result.waves.length);
    for (const name of maps) {
      const { width, height } = pngSize(pkg[name]!);
      expect(width / 2.5, name).toBeGreaterThanOrEqual(600);
      expect(width / 2.5, name).toBeLessThanOrEqual(824);
      expect(height / width, name).toBeGreaterThan(0.55);
      expect(height / width, name).toBeLessThan(0.72);
    }
    // The metrics of the last wave are the service's: shown and left-out ties counted as it counts them.
    const last = result.waves.at(-1)!;
    const metrics = wordTables(xml['word/document.xml']!).find((rows) => rows[0]?.[0] === 'Maat' && rows[0]?.[1] === last.waveLabel)!;
    expect(metrics.find((r) => r[0] === 'Getoonde verbindingen')?.[1]).toBe(String(last.ties.length));
    expect(metrics.find((r) => r[0]!.startsWith('Weggelaten verbindingen'))?.[1]).toBe(String(last.tiesSuppressed));

    // The presentation: the latest map on its slide, as a picture.
    await page.getByTestId('make-report-presentation').click();
    await page.getByTestId('report-result').filter({ hasText: '.pptx' }).waitFor({ timeout: 120_000 });
    const slides = join(exportDir, readdirSync(exportDir).find((f) => f.endsWith('.pptx'))!);
    const pptx = unzip(readFileSync(slides));
    expect(Object.keys(pptx).filter((n) => /^ppt\/media\/.*\.png$/.test(n))).toHaveLength(1);

    if (hasSoffice) {
      rmSync(PAGES, { recursive: true, force: true });
      mkdirSync(PAGES, { recursive: true });
      for (const [source, name] of [[file, 'page'], [slides, 'slide']] as const) {
        const run = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(PAGES, 'profile')}`, '--convert-to', 'pdf', '--outdir', PAGES, source], { encoding: 'utf8', timeout: 120_000 });
        expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
        const pdf = join(PAGES, `${basename(source).replace(/\.(docx|pptx)$/, '')}.pdf`);
        expect(spawnSync('pdftoppm', ['-png', '-r', '60', pdf, join(PAGES, name)]).status).toBe(0);
      }
    }
    expect(session.problems).toEqual([]);
  }, 300_000);
});
