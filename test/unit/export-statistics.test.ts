import { describe, expect, it } from 'vitest';
import { comparisonTable, descriptivesTable, linkingTable, reliabilityTable, type DashboardEntry } from '../../shared/export/statistics';
import type { Table } from '../../shared/export/table';
import type { AllRespondentsResult, Dashboard, IndependentResult, Notice, PairedResult } from '../../shared/results';

const lt = (nl: string, en = nl) => ({ nl, en });

const paired: PairedResult = {
  n: 6, meanDiff: 0.5, ciLow: 0.1, ciHigh: 0.9, t: 3.1, df: 5, pT: 0.027, wilcoxonV: 20, pWilcoxon: 0.0625, wilcoxonMethod: 'exact', dz: 1.27, rankBiserial: 0.9, tooSmall: false,
};
const allRespondents: AllRespondentsResult = {
  nBaseline: 8, nFollowUp: 9, nPairs: 6, meanDiff: 0.4, ciLow: 0.05, ciHigh: 0.75, t: 2.4, df: 9.3, p: 0.039, tooSmall: false,
};
const independent: IndependentResult = {
  nBaseline: 2, nFollowUp: 3, meanDiff: null, welchT: null, welchDf: null, pWelch: null, mannWhitneyW: null, pMannWhitney: null, mannWhitneyMethod: null, rankBiserial: null, tooSmall: true,
};

/** A hand-made dashboard: one scale over two waves (T1 suppressed), one item, one comparison. */
const dashboard: Dashboard = {
  networkId: 'n1',
  networkName: 'Dementie Oost',
  organisation: null,
  instrumentId: 'kansrijke-samenwerking',
  instrumentName: { nl: 'Kansrijke samenwerking', en: 'Promising collaboration' },
  minGroupSize: 5,
  waves: [
    { waveId: 'w0', label: 'T0', kind: 'T0', plannedDate: '2026-03-01' },
    { waveId: 'w1', label: 'T1', kind: 'T1', plannedDate: null },
  ],
  counts: [],
  scales: [
    {
      scaleId: 'ks_amb',
      label: lt('Gedeelde ambitie', 'Shared ambition'),
      range: { min: 1, max: 5 },
      options: null,
      perWave: [
        { waveId: 'w0', stats: { n: 7, mean: 3.7, sd: 0.5, ciLow: 3.24, ciHigh: 4.16, suppressed: false }, alpha: { alpha: 0.81, n: 7, items: 4, smallSample: true, constantItems: 1, unavailable: null } },
        // Suppressed, but with numbers filled in: the export must still not show them.
        { waveId: 'w1', stats: { n: 4, mean: 2.9, sd: 0.4, ciLow: 2.3, ciHigh: 3.5, suppressed: true }, alpha: { alpha: null, n: 4, items: 4, smallSample: true, constantItems: 0, unavailable: 'too-small' } },
      ],
    },
  ],
  items: [
    {
      itemId: 'ks_amb_01',
      label: lt('Mate van gedeeldheid'),
      text: lt('De partners streven dezelfde ambitie na.'),
      type: 'scale',
      scaleId: 'ks_amb',
      range: { min: 1, max: 5 },
      // Reverse-keyed, to see how the sheet labels its numbers.
      reverse: true,
      presentIn: ['w0', 'w1'],
      perWave: [
        { waveId: 'w0', stats: { n: 6, missing: 0, declined: 1, mean: 3.5, sd: 1, median: 4, q1: 3, q3: 4, distribution: null, shareAgree: 0.5, suppressed: false } },
        { waveId: 'w1', stats: { n: 3, missing: 1, declined: 0, mean: 4, sd: 0, median: 4, q1: 4, q3: 4, distribution: null, shareAgree: 1, suppressed: true } },
      ],
    },
  ],
  comparisons: [
    {
      baselineWaveId: 'w0',
      followUpWaveId: 'w1',
      linking: { baselineWaveId: 'w0', followUpWaveId: 'w1', matched: 6, tolerant: 1, proposals: 2, rejected: 4, unmatchedBaseline: 2, unmatchedFollowUp: 3 },
      exploratory: true,
      rows: [{ kind: 'scale', id: 'ks_amb', label: lt('Gedeelde ambitie'), allRespondents, paired, independent, notices: [{ code: 'too-small', params: { min: 5 } }] }],
    },
  ],
  organisations: { groupBy: 'organisation', groups: [], hiddenGroups: 0 },
  spreadFallback: null,
  breakdown: null,
  responseByOrganisation: [],
  conversation: [],
  notices: [],
};
const entries: DashboardEntry[] = [{ instrumentName: 'Kansrijke samenwerking', dashboard }];

/** Rows of a table as objects keyed by column name. */
const records = (table: Table) => table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c.name, r[i]])));

describe('Beschrijvend', () => {
  const rows = records(descriptivesTable(entries, 'nl'));

  it('has one row per scale and wave and per item and wave, with the dashboard numbers', () => {
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ netwerk: 'Dementie Oost', vragenlijst: 'Kansrijke samenwerking', niveau: 'schaal', variabele: 'ks_amb', label: 'Gedeelde ambitie', meting: 'T0', n: 7, gemiddelde: 3.7, sd: 0.5, bi95_onder: 3.24, bi95_boven: 4.16, onderdrukt: 'nee' });
    expect(rows[2]).toMatchObject({ niveau: 'item', variabele: 'ks_amb_01', meting: 'T0', n: 6, gemiddelde: 3.5, mediaan: 4, q1: 3, q3: 4, leeg: 0, niet_gescoord: 1, aandeel_eens: 0.5 });
  });

  it('shows n but no other number of a suppressed group, and says why', () => {
    expect(rows[1]).toMatchObject({ meting: 'T1', n: 4, gemiddelde: null, sd: null, bi95_onder: null, bi95_boven: null, onderdrukt: 'ja', opmerking: 'Te weinig antwoorden om te tonen (minder dan 5)' });
    expect(rows[3]).toMatchObject({ meting: 'T1', n: 3, gemiddelde: null, mediaan: null, q1: null, q3: null, aandeel_eens: null, onderdrukt: 'ja' });
  });

  it('says at a reverse-keyed item that its mean is after reversal and its share agreeing of the raw answers', () => {
    expect(rows[0]!.opmerking).toBe('');
    expect(rows[2]!.opmerking).toBe('Omgekeerd gescoord: gemiddelde, sd, mediaan en kwartielen na omkeren; aandeel_eens van de ruwe antwoorden.');
    expect(rows[3]!.opmerking).toBe('Te weinig antwoorden om te tonen (minder dan 5) Omgekeerd gescoord: gemiddelde, sd, mediaan en kwartielen na omkeren; aandeel_eens van de ruwe antwoorden.');
  });

  it('uses English headers and labels for an English export', () => {
    const en = records(descriptivesTable(entries, 'en'));
    expect(en[0]).toMatchObject({ network: 'Dementie Oost', level: 'scale', label: 'Shared ambition', wave: 'T0', mean: 3.7, suppressed: 'no' });
  });
});

describe('Vergelijking', () => {
  const table = comparisonTable(entries, 'nl');
  const rows = records(table);

  it('gives the all-respondents comparison first, then the matched and the leavers-versus-joiners details', () => {
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      basismeting: 'T0', vervolgmeting: 'T1', methode: 'iedereen (hoofdvergelijking; gekoppelden als paren)', n_basis: 8, n_vervolg: 9, verschil: 0.4, bi95_onder: 0.05,
      bi95_boven: 0.75, toets: 't-toets gedeeltelijk overlappende steekproeven (Derrick e.a. 2017)', toetsgrootheid: 2.4, df: 9.3, p: 0.039, rangtoets: null, te_klein: 'nee',
    });
    expect(rows[1]).toMatchObject({
      methode: 'alleen gekoppelden (dezelfde respondenten)', n_basis: 6, n_vervolg: 6, verschil: 0.5, bi95_onder: 0.1, bi95_boven: 0.9,
      toets: 'gepaarde t-toets', toetsgrootheid: 3.1, df: 5, p: 0.027, rangtoets: 'Wilcoxon (V)', rangtoets_grootheid: 20, p_rangtoets: 0.0625, rangtoets_methode: 'exact',
      effectmaat: 'Cohen d_z', effect: 1.27, rang_biseriaal: 0.9, te_klein: 'nee', verkennend: 'ja',
      opmerking: 'Te weinig ingeleverde vragenlijsten, minder dan 5: om de respondenten te beschermen worden de resultaten niet getoond.',
    });
    expect(rows[2]).toMatchObject({ methode: 'vertrokken tegenover nieuw (alleen basismeting tegenover alleen vervolgmeting)', n_basis: 2, n_vervolg: 3, verschil: null, toets: 'Welch t-toets', p: null, te_klein: 'ja' });
  });

  it('writes notices as sentences for people, never as internal codes with their parameters', () => {
    const row = dashboard.comparisons[0]!.rows[0]!;
    const noted = (notices: Notice[]): DashboardEntry[] => [
      { instrumentName: 'Interprofessioneel samenwerken', dashboard: { ...dashboard, comparisons: [{ ...dashboard.comparisons[0]!, rows: [{ ...row, notices }] }] } },
    ];
    const note = (notices: Notice[], language: 'nl' | 'en' = 'nl') => {
      const table = comparisonTable(noted(notices), language);
      const at = table.columns.findIndex((c) => c.name === (language === 'nl' ? 'opmerking' : 'note'));
      return [...new Set(table.rows.map((r) => r[at]))];
    };
    expect(note([{ code: 'not-in-both', params: { scaleId: 'ip_ind' } }])).toEqual(['Deze schaal zit niet in beide metingen (andere versie van de vragenlijst); niet vergeleken.']);
    expect(note([{ code: 'not-in-both', params: { itemId: 'ts_d' } }])).toEqual(['Deze vraag zit niet in beide metingen (andere versie van de vragenlijst); niet vergeleken.']);
    expect(note([{ code: 'not-in-both', params: { scaleId: 'ip_ind' } }], 'en')).toEqual(['This scale is not in both waves (another version of the questionnaire); not compared.']);
    expect(note([{ code: 'scale-changed', params: { scaleId: 'ip_ind' } }])).toEqual([
      'De vragen van deze schaal verschillen tussen de metingen (andere versie van de vragenlijst); vergelijk met voorzichtigheid.',
    ]);
    // A code this version does not know still becomes a sentence; the same sentence is said once.
    expect(note([{ code: 'something-new', params: { scaleId: 'ip_ind' } }, { code: 'toString', params: {} }])).toEqual(['Niet alle resultaten konden worden berekend of getoond.']);
    expect(note([])).toEqual([null]);
    const all = comparisonTable(noted([{ code: 'not-in-both', params: { scaleId: 'ip_ind' } }]), 'nl');
    expect(JSON.stringify(all.rows)).not.toMatch(/not-in-both|scaleId|ip_ind\)/);
  });

  it('formats p-values with three decimals', () => {
    expect(table.columns.find((c) => c.name === 'p')).toMatchObject({ kind: 'decimal', format: '0.000' });
  });
});

describe('Betrouwbaarheid and Koppeling', () => {
  it('gives alpha with its n per scale and wave', () => {
    expect(records(reliabilityTable(entries, 'nl'))).toEqual([
      { netwerk: 'Dementie Oost', vragenlijst: 'Kansrijke samenwerking', variabele: 'ks_amb', label: 'Gedeelde ambitie', meting: 'T0', alfa: 0.81, n_volledig: 7, items: 4, kleine_steekproef: 'ja', items_zonder_variatie: 1, niet_te_berekenen: null },
      { netwerk: 'Dementie Oost', vragenlijst: 'Kansrijke samenwerking', variabele: 'ks_amb', label: 'Gedeelde ambitie', meting: 'T1', alfa: null, n_volledig: 4, items: 4, kleine_steekproef: 'ja', items_zonder_variatie: 0, niet_te_berekenen: 'minder volledige antwoorden dan de minimale groepsgrootte' },
    ]);
  });

  it('gives the matching report per comparison', () => {
    expect(records(linkingTable(entries, 'nl'))).toEqual([
      {
        netwerk: 'Dementie Oost',
        vragenlijst: 'Kansrijke samenwerking',
        basismeting: 'T0',
        vervolgmeting: 'T1',
        gekoppeld: 6,
        waarvan_bij_benadering: 1,
        mogelijke_koppelingen: 2,
        afgewezen_koppelingen: 4,
        alleen_basismeting: 2,
        alleen_vervolgmeting: 3,
      },
    ]);
    expect(linkingTable(entries, 'en').columns.map((c) => c.name).slice(4)).toEqual([
      'matched',
      'of_which_approximate',
      'proposed_links',
      'rejected_links',
      'baseline_only',
      'follow_up_only',
    ]);
  });
});
