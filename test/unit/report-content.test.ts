import { beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '../../shared/domain';
import { reportDocumentSchema, reportPresentationSchema, type ReportBlock, type ReportDocument, type ReportPresentation } from '../../shared/report';
import type { ChangeVerdict, Dashboard, ScaleStats } from '../../shared/results';
import type { ChartRequest } from '../../renderer/src/features/reports/chart-requests';
import { buildNetworkDocument, buildPartnerDocument, buildPresentation, type ReportData } from '../../renderer/src/features/reports/report-inputs';
import { useLocaleTranslator } from '../support/locale-translator';
import { FIELD_ANSWER, REPORT_INSTRUMENTS, reportStudy, type ReportStudy } from '../support/report-study';

/**
 * What a report says, built from real dashboards of a real study (three waves, four instruments,
 * through the real services on a real SQLite file) with the real nl.json and en.json. Expected
 * numbers are computed here from the Dashboard by hand (two decimals, decimal comma), never by the
 * builders' own functions.
 */

const tr = useLocaleTranslator();
let study: ReportStudy;
beforeAll(async () => {
  study = await reportStudy(['role', 'sector']);
}, 120_000);

const dataOf = (extra: Partial<ReportData['choices']> = {}): ReportData => ({
  choices: { networkId: study.network.network.id, waveIds: study.waveIds, instrumentIds: [...REPORT_INSTRUMENTS], breakdowns: ['role', 'sector'], withOpenAnswers: false, locale: 'nl', ...extra },
  network: study.network,
  dashboards: study.dashboards,
  breakdowns: study.breakdowns,
  openAnswers: (extra.withOpenAnswers ?? false) ? study.openAnswers : [],
  appVersion: '1.4.0',
  today: '2026-12-01',
});

/**
 * 3,46: two decimals, decimal comma, half away from zero on the number as written (2.675 → 2,68, as
 * by hand and as the screen rounds, where toFixed alone gives 2,67 from the binary double just
 * below) — computed here independently of the screen's format functions.
 */
const round2 = (v: number) => Math.sign(v) * Number(`${Math.round(Number(`${Math.abs(v)}e2`))}e-2`);
const nl2 = (v: number) => round2(v).toFixed(2).replace('.', ',');
const nl1 = (v: number) => (Math.sign(v) * Number(`${Math.round(Number(`${Math.abs(v)}e1`))}e-1`)).toFixed(1).replace('.', ',');
const signed = (v: number) => (round2(v) > 0 ? '+' : round2(v) < 0 ? '-' : '') + nl2(Math.abs(v));

/** Every text of a block, for searching. */
function blockText(b: ReportBlock): string[] {
  switch (b.type) {
    case 'heading':
      return [b.text];
    case 'paragraph':
      return b.runs.map((r) => r.text);
    case 'bullets':
      return b.items.flatMap((i) => i.map((r) => r.text));
    case 'table':
      return [b.caption, ...b.columns.map((c) => c.label), ...b.rows.flat(), b.note ?? ''];
    case 'chart':
      return [b.caption, b.alt];
    case 'quote':
      return [b.text];
    default:
      return [];
  }
}
const docText = (doc: ReportDocument) => [doc.title, doc.subtitle, ...doc.titleLines, doc.footer, ...doc.blocks.flatMap(blockText)].join('\n');
const tables = (blocks: ReportBlock[]) => blocks.filter((b): b is Extract<ReportBlock, { type: 'table' }> => b.type === 'table');
const org = (name: string): Organisation => study.network.organisations.find((o) => o.name === name)!;

/** The verdict by the rule of the methods section, from the comparison over everyone. */
function verdictByHand(a: { meanDiff: number | null; ciLow: number | null; ciHigh: number | null; tooSmall: boolean }, range: { min: number; max: number }): ChangeVerdict {
  if (a.tooSmall || a.meanDiff === null || a.ciLow === null || a.ciHigh === null) return 'tooFew';
  if (a.ciLow > 0) return 'higher';
  if (a.ciHigh < 0) return 'lower';
  const threshold = (range.max - range.min) / 20;
  return a.meanDiff >= threshold - 1e-9 ? 'possiblyHigher' : a.meanDiff <= -threshold + 1e-9 ? 'possiblyLower' : 'similar';
}
const VERDICT_NL: Record<ChangeVerdict, string> = {
  higher: 'duidelijk hoger',
  possiblyHigher: 'mogelijk hoger',
  similar: 'ongeveer gelijk',
  possiblyLower: 'mogelijk lager',
  lower: 'duidelijk lager',
  tooFew: 'te weinig gegevens',
};

/** Each chart block's picture is asked for exactly once, and each picture asked for is used. */
function expectChartsMatch(used: string[], charts: ChartRequest[]) {
  const asked = charts.map((c) => c.imageId);
  expect(new Set(asked).size).toBe(asked.length);
  expect(new Set(used)).toEqual(new Set(asked));
}

describe('the network report', () => {
  it('passes the contract’s own validation for four instruments and three waves, in Dutch and in English', () => {
    for (const locale of ['nl', 'en'] as const) {
      const { document } = buildNetworkDocument(dataOf({ locale, withOpenAnswers: true }), tr(locale));
      expect(() => reportDocumentSchema.parse(document)).not.toThrow();
      const text = docText(document);
      expect(text).not.toMatch(/reportText\.|summary\.|dashboard\.|\{\{|NaN|undefined|null/);
    }
  });

  it('has a title page naming the network, the waves with their dates and n, the date and the version', () => {
    const { document } = buildNetworkDocument(dataOf(), tr('nl'));
    expect(document.title).toBe('Samenwerking in Palliatief Netwerk Zuid');
    const complete = study.dashboards[0]!.counts.map((c) => c.complete);
    expect(document.titleLines).toEqual([
      'Netwerk: Palliatief Netwerk Zuid',
      `T0 (10 maart 2026): ${complete[0]} ingevulde vragenlijsten`,
      `T1 (11 maart 2027): ${complete[1]} ingevulde vragenlijsten`,
      `T2 (12 maart 2028): ${complete[2]} ingevulde vragenlijsten`,
      'Rapport van 1 december 2026',
      'Gemaakt met Netwerkspiegel 1.4.0',
    ]);
    expect(document.footer).toBe('Netwerkspiegel · Palliatief Netwerk Zuid · 1 december 2026');
    // One heading 1 per instrument, in the chosen order, and the methods once at the end.
    const h1 = document.blocks.filter((b) => b.type === 'heading' && b.level === 1).map((b) => (b as { text: string }).text);
    expect(h1).toEqual([...study.dashboards.map((d) => d.instrumentName.nl), 'Verantwoording']);
  });

  it('gives every condition its heading, its charts and tables whose numbers are the dashboard’s', () => {
    const { document, charts } = buildNetworkDocument(dataOf(), tr('nl'));
    const blocks = document.blocks;
    let conditions = 0;
    for (const d of study.dashboards) {
      for (const s of d.scales) {
        conditions++;
        const at = blocks.findIndex((b) => b.type === 'heading' && b.level === 2 && b.text === s.label.nl);
        expect(at, s.label.nl).toBeGreaterThan(-1);
        const next = blocks.findIndex((b, i) => i > at && b.type === 'heading' && b.level <= 2);
        const part = blocks.slice(at, next);
        const chartIds = part.filter((b) => b.type === 'chart').map((b) => (b as { imageId: string }).imageId);
        const requests = charts.filter((c) => chartIds.includes(c.imageId));
        expect(requests.map((r) => r.chart)).toEqual([
          { kind: 'distribution', scaleId: s.scaleId },
          { kind: 'statementChange', followUpWaveId: study.waveIds[2], scaleId: s.scaleId },
        ]);
        expect(requests.every((r) => r.source.instrumentId === d.instrumentId && r.source.organisationId === null)).toBe(true);
        const [means, change] = tables(part);
        expect(means!.columns.map((c) => c.label)).toEqual(['Meting', 'n', 'Gemiddelde', 'SD', '95%-BI']);
        expect(means!.rows.map((r) => r.slice(0, 3))).toEqual(
          s.perWave.map((p, i) => {
            const st = p.stats as ScaleStats;
            return st.suppressed ? [`T${i}`, '–', 'te weinig antwoorden (minder dan 5)'] : [`T${i}`, String(st.n), nl2(st.mean!)];
          }),
        );
        // The change from T0 to T1 and T2: n, pairs, difference and the verdict in the screen's words.
        expect(change!.rows).toEqual(
          d.comparisons.map((c) => {
            const a = c.rows.find((r) => r.kind === 'scale' && r.id === s.scaleId)!.allRespondents;
            const v = verdictByHand(a, s.range);
            return [
              c.followUpWaveId === study.waveIds[1] ? 'T1' : 'T2',
              String(a.nBaseline),
              String(a.nFollowUp),
              String(a.nPairs),
              v === 'tooFew' ? '–' : signed(a.meanDiff!),
              v === 'tooFew' ? '–' : `[${signed(a.ciLow!)}; ${signed(a.ciHigh!)}]`,
              VERDICT_NL[v],
            ];
          }),
        );
        // The statements table: one row per statement of the condition, its means per wave.
        const statements = tables(part)[2]!;
        const items = d.items.filter((it) => it.scaleId === s.scaleId);
        expect(statements.rows.map((r) => r.slice(1, 4))).toEqual(items.map((it) => it.perWave.map((p) => (p.stats.suppressed ? 'te weinig antwoorden (minder dan 5)' : nl2(p.stats.mean!)))));
        // Its conversation points, each with its label.
        const points = d.conversation.filter((p) => p.scaleId === s.scaleId);
        const bulletsText = part.filter((b) => b.type === 'bullets').flatMap(blockText).join('\n');
        for (const p of points) expect(bulletsText).toContain(p.label.nl);
      }
    }
    expect(conditions).toBe(11);
  });

  it('puts the summary first, in the screen’s sentences', () => {
    const { document } = buildNetworkDocument(dataOf(), tr('nl'));
    const d = study.dashboards[0]!;
    const at = document.blocks.findIndex((b) => b.type === 'heading' && b.text === 'Samenvatting');
    const lead = document.blocks[at + 1]!;
    expect(lead.type === 'paragraph' && lead.style).toBe('lead');
    expect(blockText(lead)[0]).toMatch(/^Van de 5 condities: /);
    // The condition lines name baseline and latest mean as the table does.
    const s = d.scales[0]!;
    const [t0, , t2] = s.perWave.map((p) => p.stats.mean!);
    const line = (document.blocks[at + 3] as Extract<ReportBlock, { type: 'bullets' }>).items[0]![0]!.text;
    expect(line).toContain(`${s.label.nl}: `);
    expect(line).toContain(`van ${nl2(t0!)} naar ${nl2(t2!)}`);
  });

  it('tabulates the rapportcijfer with one decimal and the response per wave and organisation as counts', () => {
    const { document } = buildNetworkDocument(dataOf(), tr('nl'));
    const d = study.dashboards[0]!;
    const grade = tables(document.blocks).find((t) => t.caption.startsWith(`${d.items.find((it) => it.itemId === 'ks_cijfer')!.label.nl} per meting`))!;
    expect(grade.rows).toEqual(
      d.items.find((it) => it.itemId === 'ks_cijfer')!.perWave.map((p, i) => [`T${i}`, String(p.stats.n), nl1(p.stats.mean!), nl1(p.stats.median!)]),
    );
    const response = tables(document.blocks).find((t) => t.caption.startsWith('Aantal uitgenodigde'))!;
    expect(response.rows).toEqual(d.counts.map((c, i) => [`T${i}`, 'onbekend', String(c.started), String(c.complete), '–']));
    const perOrg = tables(document.blocks).find((t) => t.caption.startsWith('Begonnen en ingeleverde vragenlijsten per partnerorganisatie'))!;
    expect(perOrg.columns.length).toBeLessThanOrEqual(8);
    expect(perOrg.rows.find((r) => r[0] === 'Vrijwilligers Palliatief')).toEqual(['Vrijwilligers Palliatief', '2', '2', '2', '2', '2', '2']);
  });

  it('shows each chosen breakdown with the screen’s suppression sentence and a note on what hidden means', () => {
    const { document, charts } = buildNetworkDocument(dataOf(), tr('nl'));
    for (const by of ['rolgroep', 'sector']) expect(document.blocks.some((b) => b.type === 'heading' && b.text === `Uitsplitsing naar ${by}`)).toBe(true);
    expect(charts.filter((c) => c.chart.kind === 'breakdown').map((c) => c.source.breakdown)).toEqual(expect.arrayContaining(['role', 'sector']));
    // Spread between organisations: Vrijwilligers Palliatief (2 a wave) never has a number.
    const spread = tables(document.blocks).filter((t) => t.caption.startsWith('Gemiddelde per conditie per partnerorganisatie'));
    expect(spread.length).toBeGreaterThan(0);
    // The note on what hidden means closes the spread's tables.
    expect(spread.at(-1)!.note).toMatch(/minder dan 5 mensen/);
    for (const t of spread) {
      expect(t.columns.length).toBeLessThanOrEqual(8);
      const col = t.columns.findIndex((c) => c.label === 'Vrijwilligers Palliatief');
      if (col >= 0) expect(t.rows.every((r) => r[col] === 'te weinig antwoorden (minder dan 5)')).toBe(true);
    }
    // The shown groups' numbers are the dashboard's.
    const d = study.dashboards[0]!;
    const hospice = d.organisations.groups.find((g) => g.label.nl === 'Hospice De Linde')!;
    const t2 = spread.find((t) => t.caption.includes('T2') && t.columns.some((c) => c.label === 'Hospice De Linde'))!;
    const col = t2.columns.findIndex((c) => c.label === 'Hospice De Linde');
    expect(t2.rows.map((r) => r[col])).toEqual(d.scales.map((s) => nl2(hospice.perScale.find((p) => p.scaleId === s.scaleId)!.perWave[2]!.stats.mean!)));
  });

  it('gives each breakdown cell the dashboard’s mean, or the suppression sentence and no number', () => {
    const { document } = buildNetworkDocument(dataOf(), tr('nl'));
    const d = study.breakdowns.find((b) => b.instrumentId === REPORT_INSTRUMENTS[0] && b.breakdown === 'role')!.dashboard;
    let suppressed = 0;
    let shown = 0;
    d.waves.forEach((w, wi) => {
      const parts = tables(document.blocks).filter((t) => t.caption.startsWith(`Gemiddelde per conditie naar rolgroep bij T${wi}`));
      for (const g of d.breakdown!.groups) {
        const table = parts.find((t) => t.columns.some((c) => c.label === g.label.nl));
        if (!table) continue;
        const col = table.columns.findIndex((c) => c.label === g.label.nl);
        d.scales.forEach((s, si) => {
          const stats = g.perScale.find((p) => p.scaleId === s.scaleId)!.perWave.find((p) => p.waveId === w.waveId)!.stats;
          const cell = table.rows[si]![col];
          if (stats.suppressed) {
            suppressed++;
            expect(cell).toBe('te weinig antwoorden (minder dan 5)');
          } else {
            shown++;
            expect(cell).toBe(nl2(stats.mean!));
          }
        });
      }
    });
    expect(suppressed).toBeGreaterThan(0);
    expect(shown).toBeGreaterThan(0);
  });

  it('keeps every table within eight columns (A4 portrait)', () => {
    const { document } = buildNetworkDocument(dataOf({ withOpenAnswers: true }), tr('nl'));
    for (const t of tables(document.blocks)) {
      expect(t.columns.length, t.caption).toBeLessThanOrEqual(8);
      for (const r of t.rows) expect(r.length).toBe(t.columns.length);
    }
  });

  it('asks for each chart once and uses each chart it asks for', () => {
    for (const built of [buildNetworkDocument(dataOf(), tr('nl')), buildPartnerDocument(dataOf(), org('Hospice De Linde'), study.own.get('Hospice De Linde')!, tr('nl'))]) {
      expectChartsMatch(
        built.document.blocks.filter((b) => b.type === 'chart').map((b) => (b as { imageId: string }).imageId),
        built.charts,
      );
    }
  });

  it('carries open answers only when ticked, literally, never with a code', () => {
    const without = buildNetworkDocument(dataOf(), tr('nl')).document;
    expect(without.blocks.some((b) => b.type === 'quote')).toBe(false);
    expect(docText(without)).not.toContain('Open antwoorden');
    // A list that holds codes (asked for by mistake) still never puts one in the report.
    const data = dataOf({ withOpenAnswers: true });
    data.openAnswers = data.openAnswers.map((w) => ({ ...w, withCodes: true, questions: w.questions.map((q) => ({ ...q, answers: q.answers.map((a) => ({ ...a, respondentCode: 'QQ279' })) })) }));
    const withAnswers = buildNetworkDocument(data, tr('nl')).document;
    const quotes = withAnswers.blocks.filter((b): b is Extract<ReportBlock, { type: 'quote' }> => b.type === 'quote').map((b) => b.text);
    const expected = study.openAnswers.flatMap((w) => w.questions.flatMap((q) => q.answers.map((a) => a.text)));
    expect(quotes.length).toBe(expected.length);
    expect(quotes.sort()).toEqual([...expected].sort());
    expect(quotes).toContain(FIELD_ANSWER);
    expect(docText(withAnswers)).not.toContain('QQ279');
    // Organisations are named beside answers only where the list says they may be.
    const named = new Set(study.openAnswers.flatMap((w) => w.questions.flatMap((q) => q.answers.flatMap((a) => (a.organisation.shown ? [a.organisation.name] : [])))));
    const from = withAnswers.blocks.flatMap((b) => (b.type === 'paragraph' && b.style === 'note' ? blockText(b) : [])).flatMap((x) => /^Van (.+):$/.exec(x)?.slice(1) ?? []);
    expect(new Set(from)).toEqual(named);
    expect(named.has('Vrijwilligers Palliatief')).toBe(false);
  });

  it('says in the methods who was asked, how people were linked, which comparison was used and the suppression rule', () => {
    const { document } = buildNetworkDocument(dataOf(), tr('nl'));
    const at = document.blocks.findIndex((b) => b.type === 'heading' && b.level === 1 && b.text === 'Verantwoording');
    const methods = document.blocks.slice(at);
    const text = methods.flatMap(blockText).join('\n');
    expect(text).toContain('De vragenlijst is uitgezet bij de 4 partnerorganisaties van Palliatief Netwerk Zuid.');
    for (const o of study.network.organisations) expect(text).toContain(o.name);
    expect(text).toContain('maakte zelf een code');
    const c = study.dashboards[0]!.comparisons[1]!;
    expect(text).toContain(`T0 en T2: ${c.linking.matched + c.linking.tolerant} mensen gekoppeld`);
    expect(text).toContain('gedeeltelijk overlappende groepen (Derrick, Russ, Toher en White, 2017)');
    expect(text).toContain('95%-betrouwbaarheidsinterval');
    expect(text).toContain('minder dan 5 mensen');
    expect(text).toContain('aanvullende afscherming');
    expect(text).toContain('duidelijk hoger: de hele marge ligt boven nul.');
  });
});

describe('the report for one partner organisation', () => {
  it('puts the organisation’s own results first, beside the network’s, with its charts', () => {
    const o = org('Hospice De Linde');
    const own = study.own.get(o.name)!;
    const { document, charts } = buildPartnerDocument(dataOf(), o, own, tr('nl'));
    expect(() => reportDocumentSchema.parse(document)).not.toThrow();
    expect(document.blocks[0]).toEqual({ type: 'heading', level: 1, text: 'Hospice De Linde' });
    const end = document.blocks.findIndex((b) => b.type === 'pageBreak');
    const part = document.blocks.slice(0, end);
    const mine = own[0]!;
    const table = tables(part).find((t) => t.caption.startsWith('Gemiddelde per conditie: Hospice De Linde'))!;
    expect(table.columns.map((c) => c.label)).toEqual(['Conditie of schaal', 'Hospice De Linde T0', 'Netwerk T0', 'Hospice De Linde T1', 'Netwerk T1', 'Hospice De Linde T2', 'Netwerk T2']);
    expect(table.rows).toEqual(
      mine.scales.map((s) => [
        s.label.nl,
        ...s.perWave.flatMap((p, i) => [nl2(p.stats.mean!), nl2(study.dashboards[0]!.scales.find((x) => x.scaleId === s.scaleId)!.perWave[i]!.stats.mean!)]),
      ]),
    );
    expect(charts.some((c) => c.source.organisationId === o.id && c.chart.kind === 'radar')).toBe(true);
    // Then the whole network's report.
    expect(document.blocks.filter((b) => b.type === 'heading' && b.level === 1).map((b) => (b as { text: string }).text).at(-1)).toBe('Verantwoording');
  });

  it('gives an organisation below the minimum the note and none of its numbers', () => {
    const o = org('Vrijwilligers Palliatief');
    const { document } = buildPartnerDocument(dataOf(), o, study.own.get(o.name)!, tr('nl'));
    const end = document.blocks.findIndex((b) => b.type === 'pageBreak');
    const part = document.blocks.slice(0, end);
    const text = part.flatMap(blockText).join('\n');
    for (const wave of ['T0', 'T1', 'T2']) {
      expect(text).toContain(`In ${wave} vulden minder dan 5 mensen van Vrijwilligers Palliatief de vragenlijst in; daarom staan hier alleen de resultaten van het hele netwerk.`);
    }
    // No number but the minimum (5) and the waves' names: not its 2 a wave, no mean.
    expect(text.replace(/T[012]/g, '').replace(/\b5\b/g, '')).not.toMatch(/\d/);
    expect(tables(part)).toEqual([]);
    expect(part.some((b) => b.type === 'chart')).toBe(false);
  });

  it('explains a wave whose numbers would give away a smaller group', () => {
    const o = org('Huisartsen Zuid');
    const { document } = buildPartnerDocument(dataOf(), o, study.own.get(o.name)!, tr('nl'));
    const part = document.blocks.slice(0, document.blocks.findIndex((b) => b.type === 'pageBreak'));
    expect(part.flatMap(blockText).join('\n')).toContain('In T0 zijn de cijfers van Huisartsen Zuid niet te tonen');
    expect(tables(part)).toEqual([]);
  });
});

describe('the presentation', () => {
  let built: { presentation: ReportPresentation; charts: ChartRequest[] };
  beforeAll(() => {
    built = buildPresentation(dataOf(), tr('nl'));
  });

  it('passes the contract’s validation and uses each chart it asks for', () => {
    expect(() => reportPresentationSchema.parse(built.presentation)).not.toThrow();
    expectChartsMatch(built.presentation.slides.flatMap((s) => (s.imageId ? [s.imageId] : [])), built.charts);
  });

  it('has a title slide, a section and summary per instrument, a slide per condition and a discussion slide per conversation point', () => {
    const slides = built.presentation.slides;
    expect(slides[0]!.layout).toBe('title');
    expect(slides.filter((s) => s.layout === 'section').map((s) => s.title)).toEqual(study.dashboards.map((d) => d.instrumentName.nl));
    const summaries = slides.filter((s) => s.layout === 'bullets');
    expect(summaries.length).toBe(4);
    for (const s of summaries) expect(s.bullets!.length).toBeLessThanOrEqual(6);
    const conditions = slides.filter((s) => s.layout === 'chart');
    expect(conditions.map((s) => s.title)).toEqual(study.dashboards.flatMap((d) => d.scales.map((s) => s.label.nl)));
    for (const s of conditions) {
      expect(s.bullets!.length).toBeGreaterThanOrEqual(1);
      expect(s.bullets!.length).toBeLessThanOrEqual(4);
      expect(s.notes).toMatch(/T0: gemiddelde \d,\d\d/);
    }
    const points = study.dashboards.flatMap((d) => d.conversation);
    const discussion = slides.filter((s) => s.layout === 'discussion' && s.title !== 'Wat nemen we mee?');
    expect(discussion.length).toBe(points.length);
    for (const p of points) expect(discussion.some((s) => s.title.endsWith(p.label.nl))).toBe(true);
    const questions: Record<string, string> = {
      success: 'Wat ging hier goed? Wat willen we vasthouden?',
      fall: 'Wat is hier veranderd? Wat hebben we nodig om het te keren?',
      low: 'Wat zien we hier? Wat zou een eerste stap zijn?',
      dontKnow: 'Waarom weten zoveel mensen dit niet? Hoe maken we het zichtbaar?',
    };
    for (const s of discussion) expect(Object.values(questions)).toContain(s.subtitle);
    expect(slides.at(-1)!.title).toBe('Wat nemen we mee?');
  });

  it('names the condition’s latest mean on its slide as the dashboard has it', () => {
    const d: Dashboard = study.dashboards[0]!;
    const s = d.scales[0]!;
    const slide = built.presentation.slides.find((x) => x.layout === 'chart' && x.title === s.label.nl)!;
    expect(slide.bullets![0]).toContain(nl2(s.perWave[2]!.stats.mean!));
    expect(slide.notes).toContain(`T2: gemiddelde ${nl2(s.perWave[2]!.stats.mean!)} (${s.perWave[2]!.stats.n} mensen)`);
  });
});
