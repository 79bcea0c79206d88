import { copyFileSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARTNER_NETWORK_INSTRUMENT } from '../../shared/partner-network';
import type { ReportBlock, ReportDocument } from '../../shared/report';
import { reportDocumentSchema, reportPresentationSchema } from '../../shared/report';
import { buildNetworkDocument, buildPartnerDocument, buildPresentation, type ReportData } from '../../renderer/src/features/reports/report-inputs';
import { useLocaleTranslator } from '../support/locale-translator';
import { chartPng, parseAllXml, unzip, wordParagraphs, wordTables } from '../support/report-files';
import { writeReportFile } from '../support/report-service';
import { useServices, type Laptop } from '../support/services';
import { CO, structuredStudy } from '../support/structured-study';
import { partnerStudy } from '../support/partner-report-study';

/**
 * The partner network and the multiple-choice questions in the network report, built from the
 * real services' results on a real SQLite file with the real nl.json. Expected numbers are worked
 * out by hand from the answers given here (and in structured-study.ts), never by the builders.
 */

const open = useServices();
const tr = useLocaleTranslator();

const tables = (blocks: ReportBlock[]) => blocks.filter((b): b is Extract<ReportBlock, { type: 'table' }> => b.type === 'table');
const tableCalled = (doc: ReportDocument, caption: string) => tables(doc.blocks).find((b) => b.caption === caption);
function blockText(b: ReportBlock): string[] {
  if (b.type === 'heading') return [b.text];
  if (b.type === 'paragraph') return b.runs.map((r) => r.text);
  if (b.type === 'table') return [b.caption, ...b.columns.map((c) => c.label), ...b.rows.flat(), b.note ?? ''];
  if (b.type === 'chart') return [b.caption, b.alt];
  return [];
}

/** The report data as the report screen gathers it (gatherReportData), from the real services. */
async function gathered(s: Laptop, networkId: string, waveIds: string[], instrumentIds: string[]): Promise<ReportData> {
  const dashboards = [];
  for (const instrumentId of instrumentIds) dashboards.push(await s.ok('getDashboard', { networkId, waveIds, instrumentId, breakdown: 'none' }));
  return {
    choices: { networkId, waveIds, instrumentIds, breakdowns: [], withOpenAnswers: false, locale: 'nl' },
    network: await s.ok('getNetwork', { networkId }),
    dashboards,
    breakdowns: [],
    openAnswers: [],
    partnerNetwork: instrumentIds.includes(PARTNER_NETWORK_INSTRUMENT) ? await s.ok('getPartnerNetwork', { networkId, instrumentId: PARTNER_NETWORK_INSTRUMENT }) : null,
    appVersion: '1.4.0',
    today: '2026-12-01',
  };
}

/** The partner study and the report data gathered from it, with the partner network chosen. */
async function partnerData() {
  const s = open();
  const { network, waveIds } = await partnerStudy(s);
  return { s, network, waveIds, data: await gathered(s, network.id, waveIds, [PARTNER_NETWORK_INSTRUMENT]) };
}

describe('the partner network in the network report', () => {
  it('gives per wave the map, the metrics with their change and the organisations, with the numbers worked out by hand', async () => {
    const { waveIds, data } = await partnerData();
    const built = buildNetworkDocument(data, tr('nl'));
    const doc = reportDocumentSchema.parse(built.document);
    const headings = doc.blocks.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? `${b.level} ${b.text}` : ''));
    expect(headings.slice(0, 3)).toEqual(['1 Samenwerking tussen de partners', '2 Meting T0', '2 Meting T1']);
    // A map per wave, drawn from the partner network by the screen's map.
    expect(built.charts.map((c) => c.chart)).toEqual(waveIds.map((waveId) => ({ kind: 'partnerMap', waveId })));
    expect(doc.blocks.filter((b) => b.type === 'chart').map((b) => (b.type === 'chart' ? b.caption : ''))).toEqual(['Netwerkkaart: wie werkt met wie in T0', 'Netwerkkaart: wie werkt met wie in T1']);

    expect(tableCalled(doc, 'Netwerkmaten in T0')!.rows).toEqual([
      ['Respondenten', '5'],
      ['Getoonde verbindingen', '1'],
      ['Weggelaten verbindingen (minder dan 3 respondenten)', '1'],
      ['Dichtheid', '17%'],
      ['Wederkerigheid', '0%'],
    ]);
    const t1 = tableCalled(doc, 'Netwerkmaten in T1')!;
    expect(t1.columns.map((c) => c.label)).toEqual(['Maat', 'T1', 'T0', 'Verschil (aantal of procentpunten)']);
    expect(t1.rows).toEqual([
      ['Respondenten', '6', '', ''],
      ['Getoonde verbindingen', '2', '1', '+1'],
      ['Weggelaten verbindingen (minder dan 3 respondenten)', '0', '', ''],
      ['Dichtheid', '33%', '17%', '+17'],
      ['Wederkerigheid', '100%', '0%', '+100'],
    ]);
    // Organisations by name. In T0 Huisarts's two reports about Thuiszorg are too few: no tie out of
    // Huisarts and none into Thuiszorg. Centrality = degree / 2. Nobody rated trust or value.
    expect(tableCalled(doc, 'Organisaties in T0: verbindingen en centraliteit')!.rows).toEqual([
      ['Huisarts', '0', '1', '0,00', '0,50', '0,50'],
      ['Thuiszorg', '1', '0', '0,50', '0,00', '0,50'],
      ['Welzijn', '0', '0', '0,00', '0,00', '0,00'],
    ]);
    expect(tableCalled(doc, 'Organisaties in T0: vertrouwen en waarde volgens anderen')!.rows).toEqual([
      ['Huisarts', '–', '–'],
      ['Thuiszorg', '–', '–'],
      ['Welzijn', '–', '–'],
    ]);
    expect(tableCalled(doc, 'Organisaties in T1: verbindingen en centraliteit')!.rows).toEqual([
      ['Huisarts', '1', '1', '0,50', '0,50', '1,00'],
      ['Thuiszorg', '1', '1', '0,50', '0,50', '1,00'],
      ['Welzijn', '0', '0', '0,00', '0,00', '0,00'],
    ]);
    const text = doc.blocks.flatMap(blockText).join('\n');
    // The rule with this network's k, and the count of the left-out tie as the screen says it; the
    // partner network is not shown as a dashboard (no summary, no response part).
    expect(text).toContain('als minstens 3 respondenten van de eerste organisatie over de tweede antwoordden');
    expect(text).toContain('1 verbinding staat er niet bij: minder dan 3 respondenten meldden haar.');
    expect(text).not.toContain('Respons');
  });

  it('writes the section into the Word file: headings, the maps as pictures and the tables', async () => {
    const { s, network, data } = await partnerData();
    const built = buildNetworkDocument(data, tr('nl'));
    const images = new Map(built.charts.map((c, i) => [c.imageId, chartPng(1900, 1230, { seed: i + 1 })]));
    const file = await writeReportFile(s, network.id, { format: 'docx', document: built.document }, images);
    if (process.env.REPORT_COPY) copyFileSync(file, process.env.REPORT_COPY);
    const pkg = unzip(readFileSync(file));
    const xml = parseAllXml(pkg);
    const paragraphs = wordParagraphs(xml['word/document.xml']!);
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toContain('Samenwerking tussen de partners');
    expect(paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text).slice(0, 2)).toEqual(['Meting T0', 'Meting T1']);
    expect(Object.keys(pkg).filter((name) => name.startsWith('word/media/'))).toHaveLength(2);
    const metrics = wordTables(xml['word/document.xml']!).find((rows) => rows[0]?.[0] === 'Maat' && rows[0]?.[1] === 'T1')!;
    expect(metrics.slice(1).map((r) => r.join(' | '))).toEqual([
      'Respondenten | 6 |  | ',
      'Getoonde verbindingen | 2 | 1 | +1',
      'Weggelaten verbindingen (minder dan 3 respondenten) | 0 |  | ',
      'Dichtheid | 33% | 17% | +17',
      'Wederkerigheid | 100% | 0% | +100',
    ]);
  });
});

describe('the partner network in a report per partner organisation', () => {
  it('gives the network’s map and tables once, in the network’s part, and no own part for the partner network', async () => {
    const { s, network, waveIds, data } = await partnerData();
    const thuiszorg = data.network.organisations.find((o) => o.name === 'Thuiszorg')!;
    const own = [await s.ok('getDashboard', { networkId: network.id, waveIds, instrumentId: PARTNER_NETWORK_INSTRUMENT, breakdown: 'none', organisationId: thuiszorg.id })];
    const doc = reportDocumentSchema.parse(buildPartnerDocument(data, thuiszorg, own, tr('nl')).document);
    const text = doc.blocks.flatMap(blockText);
    expect(text.filter((x) => x === 'Samenwerking tussen de partners')).toHaveLength(1);
    // Thuiszorg's three respondents per wave reach the minimum: no note may say otherwise, nor any own part.
    expect(text.join('\n')).not.toMatch(/minder dan 3 mensen van Thuiszorg|geen condities of schalen/);
    expect(tableCalled(doc, 'Netwerkmaten in T1')).toBeDefined();
  });
});

describe('the partner network in the presentation', () => {
  it('has one slide with the latest wave’s map and its metrics against the baseline, and no dashboard slides', async () => {
    const { waveIds, data } = await partnerData();
    const built = buildPresentation(data, tr('nl'));
    const presentation = reportPresentationSchema.parse(built.presentation);
    // Title, the partner network, the closing slide.
    expect(presentation.slides.map((x) => x.layout)).toEqual(['title', 'chart', 'discussion']);
    const slide = presentation.slides[1]!;
    expect(slide.title).toBe('Samenwerking tussen de partners in T1');
    expect(built.charts.find((c) => c.imageId === slide.imageId)?.chart).toEqual({ kind: 'partnerMap', waveId: waveIds[1] });
    expect(slide.bullets).toEqual(['Getoonde verbindingen: 2 (T0: 1, verschil +1)', 'Dichtheid: 33% (T0: 17%, verschil +17)', 'Wederkerigheid: 100% (T0: 0%, verschil +100)']);
  });
});

describe('multiple-choice questions in the network report', () => {
  it('tabulates per option the number and share who ticked it per wave, and nothing of a wave below the minimum', async () => {
    const s = open();
    const { network, t0, t1 } = await structuredStudy(s);
    const data = await gathered(s, network.id, [t0.id, t1.id], [CO]);
    const doc = reportDocumentSchema.parse(buildNetworkDocument(data, tr('nl')).document);
    const mc = tableCalled(doc, 'Aantal en percentage respondenten dat elk antwoord aankruiste: Contactvormen')!;
    expect(mc.columns.map((c) => c.label)).toEqual(['Antwoord', 'T0', 'T1']);
    // T0 by hand (structured-study.ts, six respondents): telephone; e-mail R-002,
    // R-005; overleg R-002; app; "geen van deze" R-006 (not scored: last).
    // T1 has two respondents, fewer than 3: only why, no count.
    expect(mc.rows).toEqual([
      ['Telefoon', '3 (50%)', 'te weinig antwoorden (minder dan 3)'],
      ['E-mail', '2 (33%)', ''],
      ['Overleg', '1 (17%)', ''],
      ['Beveiligde app', '3 (50%)', ''],
      ['Geen van deze', '1 (17%)', ''],
      ['Beantwoord door', '6', ''],
      ['Niet beantwoord', '0', ''],
    ]);
    expect(mc.note).toBe('Hoe houdt u contact met de anderen? Kruis alles aan wat van toepassing is.');
    // The section's numbers are the dashboard's: the T0 counts of the item as the service gives them.
    const item = data.dashboards[0]!.items.find((it) => it.itemId === 'co_kanalen')!;
    const t0Stats = item.perWave.find((p) => p.waveId === t0.id)!.stats;
    expect(t0Stats.n).toBe(6);
    expect(t0Stats.distribution!.map((o) => o.count)).toEqual([3, 2, 1, 3, 1]);
    const headings = doc.blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : []));
    expect(headings).toContain('Meerkeuzevragen');
  });
});
