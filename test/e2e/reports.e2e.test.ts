import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Element as XmlElement } from '@xmldom/xmldom';
import { seedReportNetwork, type ReportNetwork } from '../../bench/report-network';
import type { MethodName } from '../../shared/contract';
import type { Dashboard } from '../../shared/results';
import { all, drawingText, parseAllXml, partText, pngSize, slideNames, unzip, wordParagraphs, wordTables, type Package } from '../support/report-files';
import { textOf, type Session, useE2eSessions } from './support/harness';

/**
 * *Rapport maken*, end to end: a network of three partner organisations (6, 5 and 2 respondents per
 * wave; the minimum group size is 5) with T0, T1 and T2 and two instruments, built through the real
 * API. Through the screen in Chromium: the network report (Word), the presentation (PowerPoint) and
 * the reports per partner (Word, one folder). The files the harness wrote are read back as zip and
 * XML (fflate, @xmldom/xmldom), and every number is compared with the results service's own
 * Dashboard, formatted here independently (two decimals and a decimal comma, as a Dutch reader
 * expects); every chart is a PNG at three times the screen's size. LibreOffice converts the Word
 * and PowerPoint files to PDF, and the pages are rendered to PNG for a person to look at
 * (/tmp/netwerkspiegel-report-pages).
 */

const NETWORK = 'Netwerk Palliatieve Zorg Rivierenland';
const KS = 'kansrijke-samenwerking';
const IPS = 'interprofessioneel-samenwerken';
const ORGANISATIONS = [
  { name: 'Thuiszorg Oost', respondents: 6 },
  { name: 'Hospice De Linde', sector: 'zorg' as const, respondents: 5 },
  { name: 'Huisartsen Centrum', sector: 'huisartsenzorg' as const, respondents: 2 },
];
const PAGES = '/tmp/netwerkspiegel-report-pages';
const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

const { newSession } = useE2eSessions();

/** A number as the report should print it: fixed decimals and a decimal comma. */
const dutch = (v: number, decimals: number) => v.toFixed(decimals).replace('.', ',');

/** The means and SDs a dashboard shows (scales and items, every wave, not suppressed), as printed with two decimals. */
function shownValues(d: Dashboard): Set<string> {
  const out = new Set<string>();
  const add = (stats: { mean: number | null; sd: number | null; suppressed: boolean }) => {
    if (stats.suppressed) return;
    if (stats.mean !== null) out.add(dutch(stats.mean, 2));
    if (stats.sd !== null) out.add(dutch(stats.sd, 2));
  };
  for (const s of d.scales) for (const w of s.perWave) add(w.stats);
  for (const it of d.items) for (const w of it.perWave) add(w.stats);
  for (const g of [d.organisations, d.spreadFallback, d.breakdown]) for (const group of g?.groups ?? []) for (const s of group.perScale) for (const w of s.perWave) add(w.stats);
  // A change of (about) nothing is printed without a sign.
  for (const c of d.comparisons) for (const r of c.rows) if (r.allRespondents.meanDiff !== null && Math.abs(r.allRespondents.meanDiff) < 0.005) out.add('0,00');
  return out;
}

/** Every cell of every table of a Word document, each with its row (to say where a wrong number stands). */
const tableCells = (doc: Package) => wordTables(parseAllXml(doc)['word/document.xml']!).flat(2);
const numbersNotIn = (doc: Package, expected: ReadonlySet<string>) =>
  wordTables(parseAllXml(doc)['word/document.xml']!).flatMap((table) =>
    table.flatMap((row) => row.filter((c) => TWO_DECIMALS.test(c) && !expected.has(c)).map((c) => `${c} in: ${table[0]!.join(' | ')} / ${row.join(' | ')}`)),
  );
/** A mean or SD as a report prints it: digits, a decimal comma, two decimals (a signed difference has a sign and is left out). */
const TWO_DECIMALS = /^\d+,\d\d$/;

const tablesOf = (doc: Package) => wordTables(parseAllXml(doc)['word/document.xml']!);
const header = (table: string[][]) => table[0]!.join(' | ');
const shown = (stats: { mean: number | null; suppressed: boolean }): stats is { mean: number; suppressed: false } => !stats.suppressed && stats.mean !== null;

/**
 * The condition tables of a dashboard as the results screen words them, worked out here from the
 * service's numbers: per condition a row per wave (n, mean, SD, 95% interval), the overview of every
 * condition per wave, the rapportcijfer (one decimal) and the response per wave.
 */
function expectConditionTables(doc: Package, d: Dashboard) {
  const tables = tablesOf(doc);
  const label = (waveId: string) => d.waves.find((w) => w.waveId === waveId)!.label;
  // A value not shown (too few answers) is a sentence, never a number.
  const cell = (stats: { mean: number | null; suppressed: boolean }, text: string | undefined, value: (v: number) => string) => (shown(stats) ? value(stats.mean) : /\d,\d/.test(text ?? '') ? 'a number' : text);
  const perCondition = tables.filter((t) => header(t) === 'Meting | n | Gemiddelde | SD | 95%-BI').map((t) => t.slice(1));
  for (const s of d.scales) {
    const found = perCondition.find((rows) => rows.length === s.perWave.length && rows.every((r, k) => r[0] === label(s.perWave[k]!.waveId) && r[1] === String(s.perWave[k]!.stats.n)));
    expect(found, `${d.instrumentId} ${s.label.nl}: a table of n per wave`).toBeDefined();
    // Rows of the same n could belong to another condition: the means decide which table is this condition's.
    const expected = s.perWave.map((w) => (shown(w.stats) ? [label(w.waveId), String(w.stats.n), dutch(w.stats.mean, 2), dutch(w.stats.sd!, 2), `[${dutch(w.stats.ciLow!, 2)}; ${dutch(w.stats.ciHigh!, 2)}]`] : null));
    const match = perCondition.some((rows) => rows.length === expected.length && rows.every((r, k) => (expected[k] === null ? !/\d,\d/.test(r.slice(2).join(' ')) : JSON.stringify(r) === JSON.stringify(expected[k]))));
    expect(match, `${d.instrumentId} ${s.label.nl}: n, mean, SD and interval per wave`).toBe(true);
  }
  const overview = tables.find((t) => header(t) === ['Conditie of schaal', ...d.waves.map((w) => w.label)].join(' | ') && t[1]?.[0] === d.scales[0]?.label.nl);
  expect(overview, `overview of ${d.instrumentId}`).toBeDefined();
  for (const s of d.scales) {
    const row = overview!.find((r) => r[0] === s.label.nl);
    expect(row?.slice(1), s.label.nl).toEqual(s.perWave.map((w, k) => cell(w.stats, row?.[k + 1], (v) => dutch(v, 2))));
  }
  const grade = d.items.find((it) => it.type === 'number' && it.range?.min === 1 && it.range.max === 10);
  if (grade) {
    const table = tables.find((t) => header(t) === 'Meting | n | Gemiddelde | Mediaan');
    expect(table, 'rapportcijfer').toBeDefined();
    expect(table!.slice(1).map((r) => r.slice(0, 3)), 'rapportcijfer').toEqual(grade.perWave.map((w, k) => [label(w.waveId), String(w.stats.n), cell(w.stats, table![k + 1]?.[2], (v) => dutch(v, 1))]));
  }
  const response = tables.find((t) => header(t) === 'Meting | Uitgenodigd | Begonnen | Ingeleverd | Respons');
  expect(response?.slice(1).map((r) => r.slice(0, 4))).toEqual(d.counts.map((c) => [label(c.waveId), c.invited === null ? 'onbekend' : String(c.invited), String(c.started), String(c.complete)]));
}

/** The pictures a Word document shows: every `a:blip` resolved through the document's relationships to its part, with its width on the page in inches. */
function wordPictures(pkg: Package): { target: string; bytes: Uint8Array | undefined; inches: number }[] {
  const xml = parseAllXml(pkg);
  const rels = new Map(all(xml['word/_rels/document.xml.rels']!, 'Relationship').map((r) => [r.getAttribute('Id')!, r.getAttribute('Target')!]));
  return all(xml['word/document.xml']!, 'a:blip').map((blip) => {
    const target = `word/${rels.get(blip.getAttribute('r:embed') ?? '') ?? '?'}`;
    let drawing: XmlElement | null = blip;
    while (drawing && drawing.nodeName !== 'wp:inline' && drawing.nodeName !== 'wp:anchor') drawing = drawing.parentNode as XmlElement | null;
    const extent = drawing ? all(drawing, 'wp:extent')[0] : undefined;
    // English Metric Units: 914,400 to the inch.
    return { target, bytes: pkg[target], inches: Number(extent?.getAttribute('cx') ?? 0) / 914_400 };
  });
}

/** A picture as the chart stage makes it: a PNG 2.5 times a chart's width on screen (720–800 px plus 2 × 12 px margin). */
function expectPrintPng(target: string, bytes: Uint8Array | undefined): number {
  expect(bytes, target).toBeDefined();
  expect(Buffer.from(bytes!.subarray(0, 8)).toString('hex'), target).toBe('89504e470d0a1a0a');
  const { width } = pngSize(bytes!);
  expect(width / 2.5, `${target}: ${width} px`).toBeGreaterThanOrEqual(300);
  expect(width / 2.5, `${target}: ${width} px`).toBeLessThanOrEqual(824);
  return width;
}

/** LibreOffice headless converts `file` to PDF (exit code 0) and the pages become PNGs at 50 dpi under PAGES. */
function convertAndRender(file: string, name: string): number {
  const out = mkdtempSync(join(tmpdir(), 'netwerkspiegel-lo-'));
  try {
    const profile = `file://${join(out, 'profile')}`;
    const run = spawnSync('soffice', ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', out, file], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const pdf = join(out, `${basename(file).replace(/\.(docx|pptx)$/, '')}.pdf`);
    mkdirSync(PAGES, { recursive: true });
    const render = spawnSync('pdftoppm', ['-r', '50', '-png', pdf, join(PAGES, name)], { encoding: 'utf8' });
    expect(render.status, render.stderr).toBe(0);
    return readdirSync(PAGES).filter((f) => f.startsWith(`${name}-`)).length;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function openReportScreen(session: Session) {
  const { page } = session;
  await page.goto(session.harness.url);
  await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
  await page.getByRole('button', { name: `Rapport maken voor netwerk ${NETWORK}` }).click();
  await page.getByTestId('make-report-network').waitFor();
}

/** Clicks one kind of report and waits for its result; the files the harness wrote, newest last. */
async function make(session: Session, kind: 'network' | 'partners' | 'presentation'): Promise<string> {
  const { page } = session;
  await page.getByTestId(`make-report-${kind}`).click();
  await page.getByTestId('report-result').waitFor({ timeout: 120_000 });
  return textOf(page.getByTestId('report-result'));
}

const call = (session: Session) => (name: string, input: unknown) => session.call(name as MethodName, input as never) as never;

describe('Rapport maken', () => {
  it('makes the network report, the presentation and a report per partner whose numbers and charts are the results service’s', async () => {
    const session = await newSession();
    const { page, exportDir } = session;
    const study: ReportNetwork = await seedReportNetwork(call(session), { name: NETWORK, organisations: ORGANISATIONS, instrumentIds: [KS, IPS, 'achtergrond'], seed: 7 });
    const [t0, t1, t2] = study.waveIds as [string, string, string];
    const dashboard = (instrumentId: string, organisationId?: string) =>
      session.call('getDashboard', { networkId: study.networkId, waveIds: study.waveIds, instrumentId, breakdown: 'none', ...(organisationId ? { organisationId } : {}) });
    const ks = await dashboard(KS);
    const ips = await dashboard(IPS);
    const byRole = (instrumentId: string) => session.call('getDashboard', { networkId: study.networkId, waveIds: study.waveIds, instrumentId, breakdown: 'role' });
    const networkValues = new Set([...shownValues(ks), ...shownValues(ips), ...shownValues(await byRole(KS)), ...shownValues(await byRole(IPS)), ...shownValues(await dashboard('achtergrond'))]);

    await openReportScreen(session);
    // Defaults: every wave with results, every instrument they use, the breakdown by role group, no open answers.
    expect(await page.getByRole('group', { name: 'Metingen' }).getByRole('checkbox', { checked: true }).count()).toBe(3);
    expect(await page.getByRole('checkbox', { name: 'Rolgroep' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Open antwoorden opnemen' }).isChecked()).toBe(false);
    await page.screenshot({ path: '/tmp/netwerkspiegel-report-screen.png', fullPage: true });

    // --- The network report (Word) ------------------------------------------------------------------
    expect(await make(session, 'network')).toMatch(/^Klaar\. Het rapport staat in .*\.docx$/);
    const docxName = readdirSync(exportDir).find((f) => f.endsWith('.docx'))!;
    const docx = unzip(readFileSync(join(exportDir, docxName)));
    const cells = tableCells(docx);
    // Every mean and SD in the tables is one the results service gives …
    const printed = cells.filter((c) => TWO_DECIMALS.test(c));
    expect(printed.length).toBeGreaterThan(0);
    expect(numbersNotIn(docx, networkValues)).toEqual([]);
    // … and the condition tables, the rapportcijfer and the response say exactly what the service says.
    expectConditionTables(docx, ks);
    expectConditionTables(docx, ips);
    // Every chart is a picture in word/media at print resolution.
    const pictures = wordPictures(docx);
    expect(pictures.length).toBeGreaterThanOrEqual(ks.scales.length);
    for (const p of pictures) {
      const width = expectPrintPng(p.target, p.bytes);
      // Print resolution: at least 300 dots per inch at the size it has on the page (a little under for rounding).
      expect(p.inches, p.target).toBeGreaterThan(0);
      expect(width / p.inches, `${p.target}: ${width} px over ${p.inches.toFixed(2)} in`).toBeGreaterThanOrEqual(295);
    }
    expect(wordParagraphs(parseAllXml(docx)['word/document.xml']!).some((p) => p.text.includes(NETWORK))).toBe(true);

    // --- The presentation (PowerPoint) ---------------------------------------------------------------
    expect(await make(session, 'presentation')).toMatch(/^Klaar\. Het rapport staat in .*\.pptx$/);
    const pptxName = readdirSync(exportDir).find((f) => f.endsWith('.pptx'))!;
    const pptx = unzip(readFileSync(join(exportDir, pptxName)));
    const xml = parseAllXml(pptx);
    const slides = slideNames(pptx).map((name) => all(xml[name]!, 'a:p').map(drawingText).join('\n'));
    // A slide per condition (its name in the title) and one per conversation point.
    for (const s of ks.scales) expect(slides.filter((text) => text.includes(s.label.nl)).length, s.label.nl).toBeGreaterThan(0);
    for (const point of ks.conversation) expect(slides.some((text) => text.includes(point.label.nl)), point.label.nl).toBe(true);
    const slidePictures = Object.keys(pptx).filter((n) => /^ppt\/media\/.*\.png$/.test(n));
    for (const name of slidePictures) expectPrintPng(name, pptx[name]);
    expect(partText(pptx, 'ppt/presentation.xml')).toContain('sldId');

    // --- A report per partner organisation (Word, one folder) ---------------------------------------
    expect(await make(session, 'partners')).toMatch(/^Klaar\. 3 rapporten staan in de map /);
    const folder = readdirSync(exportDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.docx') && f.includes('/'));
    expect(folder.map((f) => basename(f)).sort()).toEqual(['Hospice_De_Linde.docx', 'Huisartsen_Centrum.docx', 'Thuiszorg_Oost.docx']);
    const partner = (name: string) => unzip(readFileSync(join(exportDir, folder.find((f) => basename(f) === `${name}.docx`)!)));
    // Thuiszorg Oost (6 per wave) has results of its own, beside the network's, as its own dashboard gives them.
    const oost = partner('Thuiszorg_Oost');
    const oostKs = await dashboard(KS, study.organisationIds[0]);
    const oostOwn = new Set([...shownValues(oostKs), ...shownValues(await dashboard(IPS, study.organisationIds[0]))]);
    expect(numbersNotIn(oost, new Set([...networkValues, ...oostOwn]))).toEqual([]);
    const beside = tablesOf(oost).find((t) => header(t) === ['Conditie of schaal', ...ks.waves.flatMap((w) => [`Thuiszorg Oost ${w.label}`, `Netwerk ${w.label}`])].join(' | ') && t[1]?.[0] === ks.scales[0]!.label.nl);
    expect(beside).toBeDefined();
    for (const [i, s] of ks.scales.entries()) {
      const own = oostKs.scales.find((x) => x.scaleId === s.scaleId)!;
      expect(beside![i + 1], s.label.nl).toEqual([s.label.nl, ...s.perWave.flatMap((w, k) => [shown(own.perWave[k]!.stats) ? dutch(own.perWave[k]!.stats.mean!, 2) : beside![i + 1]![1 + 2 * k]!, dutch(w.stats.mean!, 2)])]);
    }
    expectConditionTables(oost, ks);
    // Huisartsen Centrum (2 per wave) is below the minimum: the network's numbers only, and a note saying why.
    const huisartsen = partner('Huisartsen_Centrum');
    expect(numbersNotIn(huisartsen, networkValues)).toEqual([]);
    expect(tablesOf(huisartsen).filter((t) => t[0]!.some((c) => c.includes('Huisartsen Centrum T')))).toEqual([]);
    expectConditionTables(huisartsen, ks);
    const huisartsenText = wordParagraphs(parseAllXml(huisartsen)['word/document.xml']!).map((p) => p.text).join('\n');
    expect(huisartsenText).toContain('Huisartsen Centrum');
    expect(huisartsenText).toMatch(/minder dan 5|minimale groepsgrootte|ten minste 5/);
    for (const p of wordPictures(huisartsen)) expectPrintPng(p.target, p.bytes);
    void [t0, t1, t2];

    // --- LibreOffice opens both: converted to PDF without an error, the pages rendered to look at ----
    if (!hasSoffice) {
      console.warn('LibreOffice (soffice) is not installed: the report files are not converted to PDF. Install libreoffice-writer and libreoffice-impress.');
    } else {
      rmSync(PAGES, { recursive: true, force: true });
      expect(convertAndRender(join(exportDir, docxName), 'network-report')).toBeGreaterThan(1);
      expect(convertAndRender(join(exportDir, pptxName), 'presentation')).toBe(slides.length);
    }
    expect(session.problems).toEqual([]);
  }, 600_000);

  it('stops a report with Stop and says which files were already written; the next may start, but not while another window makes one', async () => {
    const session = await newSession();
    const { page } = session;
    const many = Array.from({ length: 8 }, (_, i) => ({ name: `Partner ${i + 1}`, respondents: 5 }));
    const network = await seedReportNetwork(call(session), { name: NETWORK, organisations: many, instrumentIds: [KS], seed: 11 });
    await openReportScreen(session);
    // The third organisation's file is held on its way to the main process until Stop is clicked, so
    // the stop lands while a report is under way, whatever the machine's speed.
    let writes = 0;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let third = () => {};
    const thirdSent = new Promise<void>((resolve) => (third = resolve));
    await page.route('**/api/writeReport', async (route) => {
      if (++writes === 3) {
        third();
        await held;
      }
      await route.continue();
    });
    await page.getByTestId('make-report-partners').click();
    await thirdSent;
    // While it runs: progress in words, the other buttons wait.
    expect(await textOf(page.getByTestId('report-progress'))).toMatch(/^Rapport voor Partner 3 \(3 van 8\)/);
    expect(await page.getByTestId('make-report-network').isDisabled()).toBe(true);
    await page.getByTestId('report-stop').click();
    release();
    const result = await textOf(page.getByTestId('report-result'));
    const written = await page.getByTestId('report-files').locator('li').allTextContents();
    // The file on its way is written; no later one.
    expect(written).toEqual(['Partner_1.docx', 'Partner_2.docx', 'Partner_3.docx']);
    expect(result).toContain('Gestopt. Deze 3 bestanden waren al geschreven:');
    const onDisk = readdirSync(session.exportDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.docx'));
    expect(onDisk.map((f) => basename(f)).sort()).toEqual([...written].sort());
    // The report was closed: another may start at once.
    expect(await page.getByTestId('make-report-network').isEnabled()).toBe(true);
    expect(await make(session, 'network')).toMatch(/^Klaar\./);

    // One report at a time, also across windows: another (played here through the API) holds the slot.
    const other = await session.call('beginReport', { networkId: network.networkId, format: 'docx', target: 'file', suggestedName: 'Ander venster', withOpenAnswers: false });
    if (other.cancelled) throw new Error('the harness never cancels');
    await page.getByTestId('make-report-presentation').click();
    expect(await textOf(page.getByTestId('report-error'))).toBe('Er wordt al een rapport gemaakt. Wacht tot het klaar is (of breek het af) en probeer het daarna opnieuw.');
    expect(await page.getByTestId('make-report-presentation').isEnabled()).toBe(true);
    await session.call('endReport', { reportId: other.reportId });
    expect(await make(session, 'presentation')).toMatch(/^Klaar\./);
    expect(session.problems).toEqual([]);
  }, 300_000);
});
