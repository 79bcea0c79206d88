import { describe, expect, it } from 'vitest';
import { answersFor, KS } from '../support/results-study';
import { axeViolations, openResultsTab, textOf, type Session, useE2eSessions } from './support/harness';

/**
 * *Resultaten*, for whom: a network of seven partner organisations, none of them with five
 * respondents. The spread between partners falls back to sectors and says so; the breakdown by
 * sector shows the same two sectors, the breakdown by size class shows none (each would give a
 * small organisation away by subtraction); the response per organisation names who did not take
 * part. Tables read back in Chromium against numbers worked out by hand below.
 */

const NETWORK = 'Dementienetwerk Twente';

/*
 * T0, Gedeelde ambitie (ks_amb) per respondent, minimum group size 5:
 *   Thuiszorg Oost       zorg            ≥ 100 fte   3.0 3.5 4.0 4.5   sum 15
 *   Verpleeghuis De Es   zorg            ≥ 100 fte   2.0 2.5 3.0 3.5   sum 11
 *   Welzijn West         welzijn         < 100 fte   4.0 4.0 3.5       sum 11.5
 *   Welzijn Noord        welzijn         < 100 fte   3.0 2.5 3.0       sum 8.5
 *   Gemeente Zuid        gemeente        ≥ 100 fte   2.0 ×4            sum 8
 *   Huisartsen Centrum   huisartsenzorg  < 100 fte   5.0 5.0           sum 10, and one started, never submitted
 *   Ziekenhuis Midden    ziekenhuis      ≥ 100 fte   nobody
 *   no organisation                                  3.0 3.0
 * Sectors: zorg 8 → 26 / 8 = 3,25; welzijn 6 → 20 / 6 = 3,33; gemeente (4) and huisartsenzorg (2) hidden,
 * the rest 22 − 14 = 8 ≥ 5. Range 3,25 – 3,33, difference 20/6 − 3.25 = 0,0833 → 0,08.
 * Size classes: zorg (8) lies inside ≥ 100 fte (12) and leaves Gemeente Zuid's 4; welzijn (6) inside
 * < 100 fte (8) leaves Huisartsen Centrum's 2: both size classes hidden.
 */
const ORGS = [
  { name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: 'ge100', amb: [3.0, 3.5, 4.0, 4.5] },
  { name: 'Verpleeghuis De Es', sector: 'zorg', sizeClass: 'ge100', amb: [2.0, 2.5, 3.0, 3.5] },
  { name: 'Welzijn West', sector: 'welzijn', sizeClass: 'lt100', amb: [4.0, 4.0, 3.5] },
  { name: 'Welzijn Noord', sector: 'welzijn', sizeClass: 'lt100', amb: [3.0, 2.5, 3.0] },
  { name: 'Gemeente Zuid', sector: 'gemeente', sizeClass: 'ge100', amb: [2.0, 2.0, 2.0, 2.0] },
  { name: 'Huisartsen Centrum', sector: 'huisartsenzorg', sizeClass: 'lt100', amb: [5.0, 5.0] },
  { name: 'Ziekenhuis Midden', sector: 'ziekenhuis', sizeClass: 'ge100', amb: [] },
] as const;

const { newSession } = useE2eSessions();

let codes = 0;
async function respond(session: Session, waveId: string, organisationId: string | null, amb: number, complete = true): Promise<void> {
  const r = await session.call('startResponse', { waveId, respondentCode: `R-${String(++codes).padStart(3, '0')}`, organisationId, mode: 'form' });
  for (const [itemId, value] of Object.entries(answersFor(amb))) await session.call('saveAnswer', { responseId: r.id, instrumentId: KS, itemId, value, text: null });
  if (complete) await session.call('completeResponse', { responseId: r.id });
}

/** The network above: seven organisations, T0 with 22 submitted and one started questionnaire. */
async function twente(session: Session) {
  const network = await session.call('createNetwork', { name: NETWORK });
  const t0 = await session.call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: '2026-02-01', instruments: [{ instrumentId: KS, version: 1 }] });
  const ids: Record<string, string> = {};
  for (const o of ORGS) {
    const org = await session.call('addOrganisation', { networkId: network.id, name: o.name, sector: o.sector, sizeClass: o.sizeClass });
    ids[o.name] = org.id;
    for (const score of o.amb) await respond(session, t0.id, org.id, score);
  }
  for (const score of [3.0, 3.0]) await respond(session, t0.id, null, score);
  await respond(session, t0.id, ids['Huisartsen Centrum']!, 1, false);
  return { network, t0, ids };
}

async function openResults({ page, harness }: Session): Promise<void> {
  await page.goto(harness.url);
  await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
  await page.getByRole('button', { name: `Resultaten van netwerk ${NETWORK}` }).click();
  await page.getByTestId('dashboard').waitFor();
}

const responseRows = (page: Session['page']) =>
  page.getByTestId('organisation-response-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim())));

const headers = async (session: Session, testId: string) => (await session.page.getByTestId(testId).locator('thead th').allTextContents()).map((s) => s.trim());

describe('Resultaten: for whom', () => {
  it('falls back to the spread by sector, breaks down by sector and size class with suppression, and shows the response per organisation', async () => {
    const session = await newSession();
    const { page } = session;
    const { t0 } = await twente(session);
    await openResults(session);
    await openResultsTab(page, 'Per conditie');
    expect(await textOf(page.getByTestId('scale-n-ks_amb-' + t0.id))).toBe('22');
    await openResultsTab(page, 'Voor wie');

    // --- The spread between partners, by sector instead, and it says why -------------------------------
    const spread = page.getByTestId('section-spread');
    expect(await textOf(page.getByTestId('spread-fallback'))).toBe(
      'De organisaties zijn te klein om apart te tonen (geen twee organisaties hebben in dezelfde meting ten minste 5 respondenten); hieronder per sector.',
    );
    expect(await headers(session, 'spread-table')).toEqual(['Conditie of schaal', 'Zorg', 'Welzijn', 'Bereik (verschil)']);
    expect(await textOf(page.getByTestId('spread-table-zorg-ks_amb'))).toBe('3,25n = 8');
    expect(await textOf(page.getByTestId('spread-table-welzijn-ks_amb'))).toBe('3,33n = 6');
    expect(await textOf(page.getByTestId('spread-table-range-ks_amb'))).toBe('3,25 – 3,33 (0,08)');
    expect(await textOf(page.getByTestId('hidden-spread-groups'))).toContain('2 groepen zijn niet getoond');
    expect(await textOf(spread.locator('caption'))).toBe('Gemiddelde per conditie per sector bij T0, met het bereik tussen de groepen');
    // The chart's legend names the same two sectors.
    expect(await spread.locator('.chart-legend li').allTextContents()).toEqual(['Bereik (laagste tot hoogste)', 'Zorg', 'Welzijn']);
    await spread.screenshot({ path: '/tmp/netwerkspiegel-dashboard-spread-fallback.png' });

    // --- Response per partner organisation: every organisation, counts below 5 included -------------------
    await openResultsTab(page, 'Respons');
    expect(await responseRows(page)).toEqual([
      ['Gemeente Zuid', '4', '4'],
      ['Huisartsen Centrum', '3', '2'],
      ['Thuiszorg Oost', '4', '4'],
      ['Verpleeghuis De Es', '4', '4'],
      ['Welzijn Noord', '3', '3'],
      ['Welzijn West', '3', '3'],
      ['Ziekenhuis Midden', '0', '0'],
      ['Geen organisatie opgegeven', '2', '2'],
    ]);
    expect(await headers(session, 'organisation-response-table')).toEqual(['Organisatie', 'T0 begonnen', 'T0 ingeleverd']);
    expect(await textOf(page.getByTestId('organisations-missing'))).toBe('Zonder ingeleverde vragenlijst bij T0: Ziekenhuis Midden.');
    await page.getByTestId('section-organisation-responses').screenshot({ path: '/tmp/netwerkspiegel-dashboard-organisation-responses.png' });

    // --- Breakdown by sector: the same two groups ---------------------------------------------------------
    const filters = page.getByTestId('dashboard-filters');
    await filters.getByLabel('Uitsplitsen naar').selectOption({ label: 'Sector van de organisatie' });
    await openResultsTab(page, 'Voor wie');
    const breakdown = page.getByTestId('section-breakdown');
    await breakdown.getByRole('heading', { level: 2, name: 'Uitsplitsing naar sector' }).waitFor();
    expect(await headers(session, 'breakdown-table')).toEqual(['Conditie of schaal', 'Zorg', 'Welzijn']);
    expect(await textOf(page.getByTestId('breakdown-table-zorg-ks_amb'))).toBe('3,25n = 8');
    expect(await textOf(page.getByTestId('breakdown-table-welzijn-ks_amb'))).toBe('3,33n = 6');
    // Persoonlijk samenwerken is 4 for everyone.
    expect(await textOf(page.getByTestId('breakdown-table-zorg-ks_per'))).toBe('4,00n = 8');
    expect(await textOf(page.getByTestId('hidden-groups'))).toContain('2 groepen zijn niet getoond');
    const breakdownText = await textOf(breakdown);
    for (const hidden of ['Gemeente', 'Huisartsenzorg', 'Ziekenhuis']) expect(breakdownText).not.toContain(hidden);
    await breakdown.screenshot({ path: '/tmp/netwerkspiegel-dashboard-breakdown-sector.png' });

    const axe = await axeViolations(page);
    expect(axe.filter((v) => v.impact === 'serious' || v.impact === 'critical'), JSON.stringify(axe, null, 2)).toEqual([]);

    // --- Breakdown by size class: both hidden, and the section says so ------------------------------------
    await filters.getByLabel('Uitsplitsen naar').selectOption({ label: 'Omvang van de organisatie' });
    await breakdown.getByRole('heading', { level: 2, name: 'Uitsplitsing naar omvang van de organisatie' }).waitFor();
    await page.getByTestId('no-chart-breakdown').waitFor();
    expect(await page.getByTestId('breakdown-table').count()).toBe(0);
    expect(await textOf(page.getByTestId('hidden-groups'))).toContain('2 groepen zijn niet getoond');

    // The governance body needs Achtergrond version 2, which this wave lacks.
    await filters.getByLabel('Uitsplitsen naar').selectOption({ label: 'Overleg (stuurgroep, werkgroep …)' });
    await page.getByTestId('dashboard-notices').getByText('Uitsplitsen naar overleg kan niet').waitFor();

    const visible = await page.locator('main').innerText();
    for (const bad of ['NaN', 'undefined', 'null', 'Infinity', '{{']) expect(visible, bad).not.toContain(bad);
    expect(session.problems).toEqual([]);
  });

  it('sets the submitted questionnaires against the expected number per partner, and keeps an archived partner that left', async () => {
    const session = await newSession();
    const { page } = session;
    const { ids } = await twente(session);
    const correct = (name: string, changes: { leftOn?: string; expectedParticipants: number }) => {
      const o = ORGS.find((x) => x.name === name)!;
      return session.call('updateOrganisation', {
        organisationId: ids[name]!,
        name,
        sector: o.sector,
        sizeClass: o.sizeClass,
        joinedOn: null,
        leftOn: changes.leftOn ?? null,
        expectedParticipants: changes.expectedParticipants,
      });
    };
    // Thuiszorg Oost: 4 submitted of 6 expected = 67%. Gemeente Zuid: 4 of 5 = 80%, left on 30 June 2026
    // and archived. Ziekenhuis Midden: 0 of 3 = 0%, archived: no longer named as missing, so every partner
    // still taking part handed something in.
    await correct('Thuiszorg Oost', { expectedParticipants: 6 });
    await correct('Ziekenhuis Midden', { expectedParticipants: 3 });
    await correct('Gemeente Zuid', { leftOn: '2026-06-30', expectedParticipants: 5 });
    await session.call('archiveOrganisation', { organisationId: ids['Gemeente Zuid']!, archived: true });
    await session.call('archiveOrganisation', { organisationId: ids['Ziekenhuis Midden']!, archived: true });

    await openResults(session);
    await openResultsTab(page, 'Respons');
    expect(await responseRows(page)).toEqual([
      ['Gemeente Zuid (gearchiveerd, vertrokken op 30 juni 2026)', '4', '4 van 5 (80%)'],
      ['Huisartsen Centrum', '3', '2'],
      ['Thuiszorg Oost', '4', '4 van 6 (67%)'],
      ['Verpleeghuis De Es', '4', '4'],
      ['Welzijn Noord', '3', '3'],
      ['Welzijn West', '3', '3'],
      ['Ziekenhuis Midden (gearchiveerd)', '0', '0 van 3 (0%)'],
      ['Geen organisatie opgegeven', '2', '2'],
    ]);
    expect(await headers(session, 'organisation-response-table')).toEqual(['Organisatie', 'T0 begonnen', 'T0 ingeleverd']);
    expect(await textOf(page.getByTestId('organisation-expected-intro'))).toContain('verwacht aantal deelnemers');
    expect(await textOf(page.getByTestId('organisations-missing'))).toBe('Bij T0 heeft van elke partnerorganisatie iemand een vragenlijst ingeleverd.');
    await page.getByTestId('section-organisation-responses').screenshot({ path: '/tmp/netwerkspiegel-dashboard-organisation-expected.png' });
    const axe = await axeViolations(page);
    expect(axe.filter((v) => v.impact === 'serious' || v.impact === 'critical'), JSON.stringify(axe, null, 2)).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
