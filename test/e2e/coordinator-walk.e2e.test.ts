import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, openResultsTab, textOf, type Session, useE2eSessions } from './support/harness';

/**
 * The coordinator's walk through *Resultaten*: from the list of networks to the network, to its
 * results; the summary says in words which condition fell between T0 and T1, with its numbers; the
 * conversation point on that fall names the statement and the fall, and the same numbers stand in
 * the change per statement; the breakdown by sector, chosen in the filter bar, shows the sectors
 * big enough to show, with their means, and hides the small one. Every sentence and number is
 * compared with one worked out by hand below; axe-core runs on every step.
 */

const KS = 'kansrijke-samenwerking';
const NETWORK = 'Ouderenzorgnetwerk Rivierenland';

const ORGS = [
  { key: 'Z', name: 'Thuiszorg Rivierenland', sector: 'zorg', sizeClass: 'ge100' },
  { key: 'W', name: 'Welzijn Tiel', sector: 'welzijn', sizeClass: 'lt100' },
  { key: 'G', name: 'Gemeente Culemborg', sector: 'gemeente', sizeClass: 'ge100' },
] as const;

/*
 * Sixteen people, every one in T0 and T1 with the same code and organisation (sixteen pairs, nobody
 * else: the comparison over everyone is the paired t-test, df = 15, t(0,975; 15) = 2,131450).
 * Each gives the four statements of a condition the same answer, so a condition score is that
 * answer, and each statement's change is its condition's change.
 *
 *   person        0 1 2 3 4 5 | 6 7 8 9 10 | 11 12 13 | 14 15
 *   organisation  Thuiszorg   | Welzijn    | Gemeente | none
 *   sector        zorg        | welzijn    | gemeente | —
 *   per  T0       4 4 4 3 4 3 | 4 3 4 4 3  | 3 3 4    | 4 3     sum 22 + 18 + 10 + 7 = 57 → 57/16 = 3,5625 → 3,56
 *   per  T1       3 3 3 3 3 2 | 3 3 4 3 3  | 3 2 3    | 4 3     sum 17 + 16 + 8 + 7 = 48 → 48/16 = 3,00
 *   per  T1 − T0  nine times −1, seven times 0: mean −9/16 = −0,5625 → −0,56
 *     sum of squared deviations 9 · 0,4375² + 7 · 0,5625² = 1,72265625 + 2,21484375 = 3,9375;
 *     SD(d) = √(3,9375 / 15) = √0,2625 = 0,512348; SE = 0,512348 / √16 = 0,128087;
 *     half-width 2,131450 · 0,128087 = 0,273011 → [−0,835511; −0,289489] → [−0,84; −0,29]:
 *     entirely below zero, so *duidelijk lager*.
 *   amb  T0       4 4 4 4 4 3 | 3 4 3 3 4  | 4 4 4    | 4 4
 *   amb  T1       4 4 5 4 4 3 | 3 4 4 3 4  | 4 4 4    | 4 4     two times +1: mean +0,125, SD(d) = √(1,75/15) = 0,341565,
 *     half-width 2,131450 · 0,341565/4 = 0,182005 → [−0,06; +0,31] contains 0 and 0,125 < 0,2: ongeveer gelijk.
 *   bel  T0       3 4 3 4 3 4 | 3 4 3 4 3  | 4 3 4    | 3 4     T1 the same but person 0 → 4 and person 7 → 3: mean 0, ongeveer gelijk
 *   org  T0       4 for everyone;           T1 the same but person 3 → 5 and person 12 → 3: mean 0, ongeveer gelijk
 *   pro  T0       3 for everyone;           T1 the same but persons 1 and 9 → 4: as amb, +0,125, ongeveer gelijk
 * So: "Van de 5 condities: 4 ongeveer gelijk en 1 duidelijk lager", and the biggest fall is per.
 *
 * The conversation points of T1: per is the only fall; its four statements fall alike, and one
 * statement per condition is named: the first, ks_per_01 "Vermogen tot verbinden", with per's numbers.
 *
 * Breakdown by sector at T1, minimum group size 5 (the default):
 *   zorg      6 people   per 17/6 = 2,8333 → 2,83   amb 24/6 = 4,00   (T0: per 22/6 = 3,6667 → 3,67)
 *   welzijn   5 people   per 16/5 = 3,20            amb 18/5 = 3,60   (T0: per 18/5 = 3,60)
 *   gemeente  3 people: below 5, hidden. What is left when the shown sectors are taken from the
 *   total, 16 − 6 − 5 = 5 (the three of Gemeente and the two without an organisation), is not a
 *   small group, so no other sector is hidden with it. Each sector is one organisation, so the
 *   organisations inside it leave nobody over.
 */
const ORG_OF = ['Z', 'Z', 'Z', 'Z', 'Z', 'Z', 'W', 'W', 'W', 'W', 'W', 'G', 'G', 'G', null, null] as const;
type Wave = 0 | 1;
const per: Record<Wave, number[]> = {
  0: [4, 4, 4, 3, 4, 3, 4, 3, 4, 4, 3, 3, 3, 4, 4, 3],
  1: [3, 3, 3, 3, 3, 2, 3, 3, 4, 3, 3, 3, 2, 3, 4, 3],
};
const amb: Record<Wave, number[]> = {
  0: [4, 4, 4, 4, 4, 3, 3, 4, 3, 3, 4, 4, 4, 4, 4, 4],
  1: [4, 4, 5, 4, 4, 3, 3, 4, 4, 3, 4, 4, 4, 4, 4, 4],
};
const belT0 = [3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4];
/** A score at T0 and its change at T1 for a few people (everyone else the same at T1). */
const changed = (t0: number, wave: Wave, person: number, changes: Record<number, number>) => t0 + (wave === 1 ? (changes[person] ?? 0) : 0);

function answersOf(wave: Wave, person: number): Record<string, number> {
  const scores: Record<string, number> = {
    amb: amb[wave][person]!,
    bel: changed(belT0[person]!, wave, person, { 0: +1, 7: -1 }),
    per: per[wave][person]!,
    org: changed(4, wave, person, { 3: +1, 12: -1 }),
    pro: changed(3, wave, person, { 1: +1, 9: +1 }),
  };
  const out: Record<string, number> = {};
  for (const [condition, score] of Object.entries(scores)) for (let i = 1; i <= 4; i++) out[`ks_${condition}_0${i}`] = score;
  out.ks_cijfer = person % 3 === 0 ? 8 : 7;
  return out;
}

const { newSession } = useE2eSessions();

async function respond(session: Session, waveId: string, code: string, organisationId: string | null, answers: Record<string, number>): Promise<void> {
  const r = await session.call('startResponse', { waveId, respondentCode: code, organisationId, mode: 'form' });
  for (const [itemId, value] of Object.entries(answers)) await session.call('saveAnswer', { responseId: r.id, instrumentId: KS, itemId, value, text: null });
  await session.call('completeResponse', { responseId: r.id });
}

/** axe-core on the screen as it is now: no finding at all. */
async function accessible(page: Page, step: string): Promise<void> {
  expect(await axeViolations(page), step).toEqual([]);
}

const cells = async (page: Page, testId: string) => (await page.getByTestId(testId).locator('td').allTextContents()).map((s) => s.trim());

describe('the coordinator’s walk through Resultaten', () => {
  it('goes from the networks to the summary, to the fall worth talking about, and to the breakdown by sector', async () => {
    const session = await newSession();
    const { page } = session;
    const network = await session.call('createNetwork', { name: NETWORK });
    const orgIds: Record<string, string> = {};
    for (const o of ORGS) orgIds[o.key] = (await session.call('addOrganisation', { networkId: network.id, name: o.name, sector: o.sector, sizeClass: o.sizeClass })).id;
    const instruments = [{ instrumentId: KS, version: 1 }];
    const t0 = await session.call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: '2026-03-01', instruments });
    const t1 = await session.call('createWave', { networkId: network.id, label: 'T1', kind: 'T1', plannedDate: '2027-03-01', instruments });
    for (const [w, wave] of [t0, t1].entries()) {
      for (const [p, org] of ORG_OF.entries()) {
        await respond(session, wave.id, `RL-${String(p + 1).padStart(2, '0')}`, org === null ? null : orgIds[org]!, answersOf(w as Wave, p));
      }
    }

    // --- From the list of networks to the network, to Resultaten -------------------------------------------
    await page.goto(session.harness.url);
    await accessible(page, 'the networks');
    await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
    await page.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
    await accessible(page, 'the network');
    await page.getByRole('button', { name: `Resultaten van netwerk ${NETWORK}` }).click();

    // --- The summary: the fall of Goed persoonlijk samenwerken in words, with its numbers -------------------
    const summary = page.getByTestId('section-summary');
    await summary.waitFor();
    expect(await page.getByRole('tab', { name: 'Samenvatting' }).getAttribute('aria-selected')).toBe('true');
    expect(await textOf(summary.getByRole('heading', { level: 2 }))).toBe('Samenvatting: T1 tegenover T0');
    expect(await textOf(page.getByTestId('summary-overall'))).toBe('Van de 5 condities: 4 ongeveer gelijk en 1 duidelijk lager.');
    expect(await textOf(page.getByTestId('summary-conditions-ks_per'))).toBe(
      '▼Goed persoonlijk samenwerken: duidelijk lager, van 3,56 naar 3,00, -0,56 (waarschijnlijk tussen -0,84 en -0,29). bekijk',
    );
    expect(await textOf(page.getByTestId('summary-conditions-ks_amb'))).toBe(
      '=Gedeelde ambitie: ongeveer gelijk, van 3,75 naar 3,88, +0,13 (waarschijnlijk tussen -0,06 en +0,31). bekijk',
    );
    expect(await textOf(page.getByTestId('summary-highlights'))).toContain(
      '▼De grootste daling sinds T0: Goed persoonlijk samenwerken, -0,56 (waarschijnlijk tussen -0,84 en -0,29): duidelijk lager.',
    );
    await accessible(page, 'Samenvatting');

    // --- The conversation point on the fall: the statement, its condition and the fall -----------------------
    const falls = page.getByTestId('conversation-fall');
    expect(await falls.locator(':scope > li').count()).toBe(1);
    const fall = page.getByTestId('conversation-fall-ks_per_01');
    expect(await textOf(fall.locator('.conversation-head'))).toBe(
      '▼ Vermogen tot verbinden (Goed persoonlijk samenwerken) T1: gedaald sinds T0, -0,56 (waarschijnlijk tussen -0,84 en -0,29): duidelijk lager; nu 3,00 bekijk',
    );
    expect(await textOf(fall.locator('.conversation-prompt'))).toMatch(/^Wat is er sinds de eerste meting veranderd/);

    // The summary line's "bekijk" opens the row of the same numbers on Per conditie and puts the focus there:
    // 16 at T0, 16 at T1, 16 pairs, −0,56, [−0,84; −0,29].
    await page.getByRole('button', { name: 'Bekijk de cijfers van Goed persoonlijk samenwerken bij Per conditie' }).first().click();
    expect(await page.getByRole('tab', { name: 'Per conditie' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.locator(':focus').getAttribute('data-testid')).toBe(`headline-${t1.id}-ks_per`);
    expect(await cells(page, `headline-${t1.id}-ks_per`)).toEqual(['16', '16', '16', '-0,56', '[-0,84; -0,29]', '▼ duidelijk lager']);
    await accessible(page, 'Per conditie');

    // The conversation point's "bekijk" opens its statement's row on Per uitspraak, with the same numbers.
    await openResultsTab(page, 'Samenvatting');
    await fall.getByRole('button', { name: 'Bekijk de cijfers van Vermogen tot verbinden bij Per uitspraak' }).click();
    expect(await page.getByRole('tab', { name: 'Per uitspraak' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.locator(':focus').getAttribute('data-testid')).toBe(`change-${t1.id}-items-ks_per_01`);
    const statementRow = page.locator(':focus');
    expect(await textOf(statementRow.locator('th'))).toContain('Vermogen tot verbinden');
    expect((await statementRow.locator('td').allTextContents()).map((s) => s.trim()).slice(-3)).toEqual(['-0,56', '[-0,84; -0,29]', '▼ duidelijk lager']);
    await accessible(page, 'Per uitspraak');

    // --- The breakdown by sector: chosen in the filter bar, read on Voor wie ----------------------------------
    await page.getByTestId('dashboard-filters').getByLabel('Uitsplitsen naar').selectOption({ label: 'Sector van de organisatie' });
    await openResultsTab(page, 'Voor wie');
    const breakdown = page.getByTestId('section-breakdown');
    await breakdown.getByRole('heading', { level: 2, name: 'Uitsplitsing naar sector' }).waitFor();
    expect(await textOf(breakdown.locator('caption'))).toBe('Gemiddelde per conditie naar sector bij T1');
    expect((await page.getByTestId('breakdown-table').locator('thead th').allTextContents()).map((s) => s.trim())).toEqual(['Conditie of schaal', 'Zorg', 'Welzijn']);
    expect(await textOf(page.getByTestId('breakdown-table-zorg-ks_per'))).toBe('2,83n = 6');
    expect(await textOf(page.getByTestId('breakdown-table-welzijn-ks_per'))).toBe('3,20n = 5');
    expect(await textOf(page.getByTestId('breakdown-table-zorg-ks_amb'))).toBe('4,00n = 6');
    expect(await textOf(page.getByTestId('breakdown-table-welzijn-ks_amb'))).toBe('3,60n = 5');
    expect(await textOf(page.getByTestId('hidden-groups'))).toBe(
      '1 groep is niet getoond, omdat die minder dan 5 respondenten heeft (of omdat de cijfers anders zijn af te leiden).',
    );
    expect(await textOf(breakdown)).not.toContain('Gemeente');
    await accessible(page, 'Voor wie, by sector at T1');

    // The same sectors at T0: where the fall started from.
    await breakdown.getByLabel('Meting').selectOption({ label: 'T0' });
    await expect.poll(() => textOf(page.getByTestId('breakdown-table-zorg-ks_per'))).toBe('3,67n = 6');
    expect(await textOf(page.getByTestId('breakdown-table-welzijn-ks_per'))).toBe('3,60n = 5');

    const visible = await page.locator('main').innerText();
    for (const bad of ['NaN', 'undefined', 'null', 'Infinity', '{{']) expect(visible, bad).not.toContain(bad);
    expect(session.problems).toEqual([]);
  });
});
