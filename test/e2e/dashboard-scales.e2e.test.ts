import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../shared/results';
import { interprofessioneelSamenwerken } from '../../shared/instruments/interprofessioneel-samenwerken';
import { SEVEN_POINT_ID, sevenPointInstrument } from '../support/seven-point-instrument';
import { axeViolations, openResultsTab, textOf, type Session, useE2eSessions } from './support/harness';

/**
 * *Resultaten* on each instrument's own answer scale: a network whose two waves use an imported
 * 7-point instrument (Teamklimaat: three scales on 1–7, Overleg on 1–5, one reverse-keyed item) and
 * the built-in *Interprofessioneel samenwerken* (five scales on 1–5, the ja / deels / nee checklist
 * on 1–3, one reverse-keyed statement). The SVG tick labels, the tables' cells and the API's numbers
 * are read back; expected values are worked out by hand below.
 */

const IP = 'interprofessioneel-samenwerken';
const NETWORK = 'Wijknetwerk De Horst';

/*
 * Teamklimaat. Five people in both waves (A1…A5), one leaver (L1, T0 only) and one joiner (J1, T1 only).
 * Every item of a scale gets the same answer, except Steun: tk_ste_01 = tk_ste_02 = s and the
 * reverse-keyed tk_ste_03 = r (raw), scored 8 − r.
 *
 *            vei T0  vei T1   doe T0  doe T1   Steun T0 (s, r)  Steun T1 (s, r)   ove T0  ove T1
 *   A1         4       5        4       4        4, 3             5, 2                3       4
 *   A2         5       6        4       4        4, 3             5, 2                3       4
 *   A3         5       5        4       4        4, 3             5, 2                3       4
 *   A4         6       6        4       4        4, 3             5, 2                3       4
 *   A5         4       5        4       4        4, 3             5, 2                3       4
 *   L1 / J1    3       6        2       5        3, 6             5, 2                3       5
 *
 *   Veiligheid T0 (4+5+5+6+4+3)/6 = 27/6 = 4,50; T1 (5+6+5+6+5+6)/6 = 33/6 = 5,50.
 *   Over everyone: 5,50 − 4,50 = +1,00, with 6 at T0, 6 at T1, of which 5 pairs.
 *   Overleg T0: both items 3 for everyone: alpha cannot be computed, both items without variance.
 *   Roddelen (tk_ste_03) at T0: raw 3 five times and 6 once (ruwe antwoorden); the mean after reversal (5·5 + 2)/6 = 4,50.
 */
type Row = { vei: number; doe: number; s: number; r: number; ove: number };
const T0: Record<string, Row> = {
  A1: { vei: 4, doe: 4, s: 4, r: 3, ove: 3 },
  A2: { vei: 5, doe: 4, s: 4, r: 3, ove: 3 },
  A3: { vei: 5, doe: 4, s: 4, r: 3, ove: 3 },
  A4: { vei: 6, doe: 4, s: 4, r: 3, ove: 3 },
  A5: { vei: 4, doe: 4, s: 4, r: 3, ove: 3 },
  L1: { vei: 3, doe: 2, s: 3, r: 6, ove: 3 },
};
const T1: Record<string, Row> = {
  A1: { vei: 5, doe: 4, s: 5, r: 2, ove: 4 },
  A2: { vei: 6, doe: 4, s: 5, r: 2, ove: 4 },
  A3: { vei: 5, doe: 4, s: 5, r: 2, ove: 4 },
  A4: { vei: 6, doe: 4, s: 5, r: 2, ove: 4 },
  A5: { vei: 5, doe: 4, s: 5, r: 2, ove: 4 },
  J1: { vei: 6, doe: 5, s: 5, r: 2, ove: 5 },
};

const teamklimaat = (v: Row): Record<string, number> => ({
  tk_vei_01: v.vei,
  tk_vei_02: v.vei,
  tk_vei_03: v.vei,
  tk_doe_01: v.doe,
  tk_doe_02: v.doe,
  tk_doe_03: v.doe,
  tk_ste_01: v.s,
  tk_ste_02: v.s,
  tk_ste_03: v.r,
  tk_ove_01: v.ove,
  tk_ove_02: v.ove,
});

/*
 * Interprofessioneel samenwerken: every statement 4 (Eens), except the reverse-keyed "Nut van overleg"
 * (ip_tpr_02), answered 2 (Oneens) by everyone: scored 6 − 2 = 4 after reversal. The checklist
 * (ja / deels / nee, codes 3 / 2 / 1, 9 = weet niet): A1–A3 ja, A4 deels, A5 nee, the leaver and the
 * joiner weet niet. At T0 "Regelmatig overleg": Nee 1 (17%), Deels 1 (17%), Ja 3 (50%), Weet niet 1 (17%).
 */
const CHECKLIST: Record<string, number> = { A1: 3, A2: 3, A3: 3, A4: 2, A5: 1, L1: 9, J1: 9 };
const interprofessional = (code: string): Record<string, number> =>
  Object.fromEntries(
    interprofessioneelSamenwerken.items
      .filter((it) => it.type === 'scale')
      .map((it) => [it.id, it.id.startsWith('ip_ken_') ? CHECKLIST[code]! : it.id === 'ip_tpr_02' ? 2 : 4]),
  );

const { newSession } = useE2eSessions();

async function respond(session: Session, waveId: string, code: string, answers: Record<string, Record<string, number>>): Promise<void> {
  const r = await session.call('startResponse', { waveId, respondentCode: code, organisationId: null, mode: 'form' });
  for (const [instrumentId, values] of Object.entries(answers)) {
    for (const [itemId, value] of Object.entries(values)) await session.call('saveAnswer', { responseId: r.id, instrumentId, itemId, value, text: null });
  }
  await session.call('completeResponse', { responseId: r.id });
}

/** The tick labels of a chart's x or y axis, in drawing order (recharts puts them in a layer of their own). */
const ticks = (chart: Locator, axis: 'xAxis' | 'yAxis') => chart.locator(`.recharts-${axis}-tick-labels text`).allTextContents();
const radiusTicks = (chart: Locator) => chart.locator('.recharts-polar-radius-axis-tick text').allTextContents();
const angleLabels = (chart: Locator) => chart.locator('.recharts-polar-angle-axis-tick text').allTextContents();

const comma = (v: number | null) => (v === null ? '–' : v.toFixed(2).replace('.', ','));
const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '-' : ''}${comma(Math.abs(v))}`;

async function chooseInstrument(page: Page, label: string, instrumentId: string): Promise<void> {
  await page.getByTestId('dashboard-filters').getByLabel('Vragenlijst').selectOption({ label });
  await page.locator(`[data-testid="dashboard"][data-instrument="${instrumentId}"]`).waitFor();
}


async function expectAccessible(page: Page): Promise<void> {
  const axe = await axeViolations(page);
  expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);
}

describe('Resultaten on the instrument’s own answer scale', () => {
  it('draws a 7-point instrument to 7, never mixes ranges on a radar, leads with the comparison over everyone, and shows ja / deels / nee as shares', async () => {
    const session = await newSession();
    const { page } = session;
    await session.call('importInstrument', { definitionJson: JSON.stringify(sevenPointInstrument()) });
    const network = await session.call('createNetwork', { name: NETWORK });
    const instruments = [
      { instrumentId: SEVEN_POINT_ID, version: 1 },
      { instrumentId: IP, version: 1 },
    ];
    const t0 = await session.call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: '2026-03-01', instruments });
    const t1 = await session.call('createWave', { networkId: network.id, label: 'T1', kind: 'T1', plannedDate: '2027-03-01', instruments });
    for (const [wave, rows] of [
      [t0, T0],
      [t1, T1],
    ] as const) {
      for (const [code, row] of Object.entries(rows)) await respond(session, wave.id, `WH-${code}`, { [SEVEN_POINT_ID]: teamklimaat(row), [IP]: interprofessional(code) });
    }

    await page.goto(session.harness.url);
    await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
    await page.getByRole('button', { name: `Resultaten van netwerk ${NETWORK}` }).click();
    await page.getByTestId('dashboard').waitFor();
    await chooseInstrument(page, 'Teamklimaat', SEVEN_POINT_ID);

    // --- Teamklimaat: the three 1–7 scales on one radar whose ticks go to 7; Overleg (1–5) on bars of its own.
    expect(await textOf(page.locator('.dashboard .lead'))).toContain('1 (helemaal oneens) tot 7 (helemaal eens); 1 (nooit) tot 5 (altijd)');
    // The reverse-keyed item is named in the summary.
    expect(await textOf(page.getByTestId('dashboard-reverse'))).toContain('Omgekeerd gescoorde vragen (Roddelen)');
    // Conversation points name the scale of a mean: Doelgerichtheid at T1, (4·5 + 5)/6 = 4,17 on 1–7.
    expect(await textOf(page.getByTestId('conversation-low'))).toContain('T1: gemiddelde 4,17 op een schaal van 1 tot 7');
    // The threshold for "mogelijk hoger" follows the first scale's range: 6 / 20 = 0,30 on 1 to 7.
    expect(await textOf(page.getByTestId('summary-how-to-read'))).toContain('(0,30 op een schaal van 1 tot 7)');
    await expectAccessible(page);

    await openResultsTab(page, 'Per conditie');
    const radar7 = page.getByTestId('chart-radar-1-7');
    expect(await radiusTicks(radar7)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(await angleLabels(radar7)).toEqual(['Veiligheid', 'Doelgerichtheid', 'Steun']);
    expect(await radar7.locator('[role="img"]').getAttribute('aria-label')).toContain('op een schaal van 1 tot 7');
    // Overleg alone on 1–5: a bar chart (a radar needs three axes), with the ticks 1 to 5.
    const bars5 = page.getByTestId('chart-radar-1-5');
    expect(await bars5.locator('.recharts-polar-radius-axis').count()).toBe(0);
    expect(await ticks(bars5, 'xAxis')).toEqual(['1', '2', '3', '4', '5']);
    // No radar mixes ranges: every radar's table holds the scales of its own range only.
    expect(await page.locator('[data-testid^="chart-radar-"]').count()).toBe(2);
    const tableRows = async (testId: string) => (await page.getByTestId(testId).locator('tbody th').allTextContents()).map((s) => s.trim());
    expect(await tableRows('radar-table-1-7')).toEqual(['Veiligheid', 'Doelgerichtheid', 'Steun']);
    expect(await tableRows('radar-table-1-5')).toEqual(['Overleg']);
    expect(await page.getByTestId('radar-table-1-7').getByRole('row', { name: /Veiligheid/ }).getByRole('cell').allTextContents()).toEqual(['4,50', '5,50']);

    // The trend of each scale on its own axis: Veiligheid 1–7 (its interval at T1 stays below 7), Overleg 1–5.
    expect(await ticks(page.getByTestId('trend-tk_vei'), 'yAxis')).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(await ticks(page.getByTestId('trend-tk_ove'), 'yAxis')).toEqual(['1', '2', '3', '4', '5']);

    // The headline: the comparison over everyone, equal to the API's numbers.
    const api = (await session.call('getDashboard', { networkId: network.id, waveIds: [], instrumentId: SEVEN_POINT_ID, breakdown: 'none' })) as Dashboard;
    const everyone = api.comparisons[0]!.rows.find((r) => r.id === 'tk_vei')!.allRespondents;
    expect(everyone).toMatchObject({ nBaseline: 6, nFollowUp: 6, nPairs: 5, tooSmall: false });
    expect(everyone.meanDiff).toBeCloseTo(1, 12); // 33/6 − 27/6, by hand
    const headline = page.getByTestId(`headline-${t1.id}-tk_vei`);
    // For coordinators the last column says what the interval means: it lies above zero.
    expect(everyone.ciLow!).toBeGreaterThan(0);
    expect(await headline.getByRole('cell').allTextContents()).toEqual(['6', '6', '5', '+1,00', `[${signed(everyone.ciLow!)}; ${signed(everyone.ciHigh!)}]`, '▲ duidelijk hoger']);
    // It comes first in the change section, before anything about pairs only.
    const change = page.getByTestId('section-change');
    const order = await change.evaluate((el) => Array.from(el.querySelectorAll('[data-testid]'), (e) => e.getAttribute('data-testid')));
    expect(order.indexOf(`headline-${t1.id}`)).toBeGreaterThan(-1);
    expect(order.indexOf(`chart-change-${t1.id}-scales-1-7`)).toBeLessThan(order.indexOf(`headline-${t1.id}`));
    // The change charts: one per range, 1–7 apart from 1–5.
    expect(await page.getByTestId(`chart-change-${t1.id}-scales-1-5`).count()).toBe(1);
    // Alpha of Overleg at T0 cannot be computed: both items without variance.
    await openResultsTab(page, 'Voor onderzoekers');
    expect(await textOf(page.getByTestId(`alpha-tk_ove-${t0.id}`))).toBe(
      'niet te berekenen: minder dan twee vragen met verschillende antwoorden2 vragen zonder spreiding weggelaten, zoals psych::alpha doet',
    );
    // The test behind the words, for researchers: t (df); p of the same comparison.
    expect((await page.getByTestId(`tests-${t1.id}-scales-tk_vei`).getByRole('cell').allTextContents()).at(-1)).toBe(
      `${comma(everyone.t)} (${everyone.df!.toFixed(1).replace('.', ',')}); ${everyone.p! < 0.001 ? '< 0,001' : everyone.p!.toFixed(3).replace('.', ',')}`,
    );
    // The details: pairs only, and leavers versus joiners, named as such.
    const stats = page.getByTestId('section-stats');
    expect(await textOf(stats)).toContain('Vertrokken tegenover nieuw: alleen basismeting tegenover alleen vervolgmeting');
    expect(await page.getByTestId(`stats-scales-${t1.id}-paired`).getByTestId('paired-tk_vei').getByRole('cell').first().textContent()).toBe('5');
    expect(await page.getByTestId(`stats-scales-${t1.id}-independent`).getByTestId('independent-tk_vei').getByRole('cell').allTextContents()).toEqual(['1 / 1', 'n te klein']);

    // The reverse-keyed item: its distribution is raw, its difference after reversal.
    await openResultsTab(page, 'Per uitspraak');
    await page.getByTestId('section-distribution').getByLabel('Vragen van').selectOption({ label: 'Steun' });
    const roddelen = page.getByTestId(`distribution-tk_ste_03-${t0.id}`);
    await roddelen.waitFor();
    expect(await textOf(roddelen.getByRole('rowheader'))).toBe('Roddelen ruwe antwoorden');
    // Raw: Enigszins oneens (3) five times, Neutraal … Enigszins eens (6) once; "Eens"-share: 6 is above Neutraal, 1 of 6 = 17%.
    const cells = await roddelen.getByRole('cell').allTextContents();
    expect(cells.slice(1, 8)).toEqual(['0 (0%)', '0 (0%)', '5 (83%)', '0 (0%)', '0 (0%)', '1 (17%)', '0 (0%)']);
    expect(cells.at(-1)).toBe('17%');
    expect(await textOf(page.getByTestId(`change-${t1.id}-items-tk_ste_03`).getByRole('rowheader'))).toBe('Roddelen na omkeren');

    for (const [name, sections] of [
      ['Per uitspraak', ['indicator-change', 'distribution']],
      ['Voor onderzoekers', ['research', 'alpha', 'stats']],
      ['Per conditie', ['radar', 'trend', 'change']],
    ] as const) {
      await openResultsTab(page, name);
      const visible = await page.locator('main').innerText();
      for (const bad of ['NaN', 'undefined', 'null', 'Infinity', '{{']) expect(visible, `${name}: ${bad}`).not.toContain(bad);
      await expectAccessible(page);
      for (const section of sections) await page.getByTestId(`section-${section}`).screenshot({ path: `/tmp/results-ui-teamklimaat-${section}.png` });
    }
    await openResultsTab(page, 'Samenvatting');
    await page.screenshot({ path: '/tmp/results-ui-teamklimaat.png', fullPage: true });
    await page.screenshot({ path: '/tmp/results-ui-teamklimaat-top.png', fullPage: true, clip: { x: 0, y: 0, width: 1200, height: 1000 } });

    // --- Interprofessioneel samenwerken: the five levels on one 1–5 radar, the checklist as shares ---------
    await chooseInstrument(page, 'Interprofessioneel samenwerken', IP);
    expect(await textOf(page.getByTestId('dashboard-reverse'))).toContain('Nut van overleg');
    await openResultsTab(page, 'Per conditie');
    const radar5 = page.getByTestId('chart-radar-1-5');
    expect(await radiusTicks(radar5)).toEqual(['1', '2', '3', '4', '5']);
    expect(await angleLabels(radar5)).toHaveLength(5);
    expect(await angleLabels(radar5)).not.toContain('Kenmerken van interprofessioneel werken');
    expect(await page.locator('[data-testid^="chart-radar-"]').count()).toBe(1);
    expect(await tableRows('radar-table-1-5')).not.toContain('Kenmerken van interprofessioneel werken');
    const shares = page.getByTestId('shares-ip_kenmerk');
    expect(await textOf(shares.locator('h3'))).toBe('Kenmerken van interprofessioneel werken: aandeel Nee / Deels / Ja per vraag');
    expect(await shares.locator('thead th').allTextContents()).toEqual(['Indicator of vraag', 'Meting', 'Nee', 'Deels', 'Ja', 'Weet niet', 'Niet beantwoord']);
    expect(await shares.getByTestId(`shares-ip_kenmerk-ip_ken_01-${t0.id}`).getByRole('cell').allTextContents()).toEqual(['T0', '1 (17%)', '1 (17%)', '3 (50%)', '1 (17%)', '0']);
    expect(await shares.getByTestId('chart-shares-ip_kenmerk').count()).toBe(1);
    // The reverse-keyed "Nut van overleg": everyone answered Oneens (raw), the mean after reversal is 4.
    await expectAccessible(page);
    await page.getByTestId('section-radar').screenshot({ path: '/tmp/results-ui-interprofessioneel-radar.png' });
    await openResultsTab(page, 'Per uitspraak');
    await page.getByTestId('section-distribution').getByLabel('Vragen van').selectOption({ label: 'Teamproces' });
    const nut = page.getByTestId(`distribution-ip_tpr_02-${t0.id}`);
    await nut.waitFor();
    expect(await textOf(nut.getByRole('rowheader'))).toBe('Nut van overleg ruwe antwoorden');
    expect((await nut.getByRole('cell').allTextContents()).slice(1, 3)).toEqual(['0 (0%)', '6 (100%)']);
    expect(await textOf(page.getByTestId(`change-${t1.id}-items-ip_tpr_02`).getByRole('rowheader'))).toBe('Nut van overleg na omkeren');

    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/results-ui-interprofessioneel.png', fullPage: true });

    // --- Netwerken vergelijken on Teamklimaat: a chart per answer scale --------------------------------------
    await page.getByRole('button', { name: 'Terug naar het netwerk' }).click();
    await page.getByRole('button', { name: 'Terug naar netwerken' }).click();
    await page.getByTestId('open-compare').click();
    await page.getByLabel('Vragenlijst').selectOption({ label: 'Teamklimaat' });
    await page.getByRole('button', { name: 'Vergelijken' }).click();
    await page.getByTestId('compare-table').waitFor();
    expect(await ticks(page.getByTestId('chart-compare-1-7'), 'xAxis')).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(await ticks(page.getByTestId('chart-compare-1-5'), 'xAxis')).toEqual(['1', '2', '3', '4', '5']);
    expect(await page.getByTestId('compare-table').locator('thead th').allTextContents()).toEqual([
      'Netwerk',
      'Laatste meting',
      'Veiligheid (1 tot 7)',
      'Doelgerichtheid (1 tot 7)',
      'Steun (1 tot 7)',
      'Overleg (1 tot 5)',
    ]);
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/results-ui-compare.png', fullPage: true });
    expect(session.problems).toEqual([]);
  });
});
