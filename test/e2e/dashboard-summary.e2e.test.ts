import { describe, expect, it } from 'vitest';
import { axeViolations, textOf, type Session, useE2eSessions } from './support/harness';

/**
 * *Samenvatting*: a network with two waves of the same six people, built so that every condition
 * gets a different verdict. The sentences on the screen are compared with sentences written out by
 * hand from the numbers below, not produced by the code under test.
 */

const INSTRUMENT = 'kansrijke-samenwerking';
const NETWORK = 'Wijknetwerk De Vonder';
const CODES = ['P-001', 'P-002', 'P-003', 'P-004', 'P-005', 'P-006'];
type Condition = 'amb' | 'bel' | 'per' | 'org' | 'pro';

/*
 * Every respondent gives all four statements of a condition the same answer, so a score is that
 * answer. All six took part in both waves (six pairs, nobody else): the comparison over everyone is
 * then the paired t-test, df = 5, t(0,975; 5) = 2,570582.
 *
 *            T0                    T1                    differences       mean   SD(d)    interval mean ± 2,570582 · SD(d)/√6
 *   amb      2 3 3 4 3 2 (2,83)    3 4 4 5 3 4 (3,83)    1 1 1 1 0 2       +1,00  0,63246  ± 0,66372 → [+0,34; +1,66]   duidelijk hoger
 *   bel      3 3 3 3 2 4 (3,00)    3 3 3 3 3 3 (3,00)    0 0 0 0 1 −1       0,00  0,63246  ± 0,66372 → [−0,66; +0,66]   ongeveer gelijk
 *   per      3 3 3 3 2 4 (3,00)    2 2 2 2 2 2 (2,00)    −1 −1 −1 −1 0 −2  −1,00  0,63246  ± 0,66372 → [−1,66; −0,34]   duidelijk lager
 *   org      3 3 3 3 3 3 (3,00)    4 4 3 3 3 3 (3,33)    1 1 0 0 0 0       +0,33  0,51640  ± 0,54193 → [−0,21; +0,88]   contains 0, 0,33 ≥ 0,2: mogelijk hoger
 *   pro      P-001…P-004 answer "weet niet" to two of four statements at T0: 50% < 75%, no score;
 *            T0 has 2 scores (< 5): te weinig gegevens.                       T1: 3 for everyone (3,00)
 *
 * ks_bel_04 at T1: P-001…P-003 answer "weet niet" (3 of 6: ongeveer de helft); their score is the
 * mean of the other three statements, 3, so bel stays as above.
 * Rapportcijfer T0 6 7 6 7 6 7 (6,5), T1 7 8 7 8 7 9 (46/6 = 7,67 → 7,7); differences 1 1 1 1 1 2:
 *   mean 7/6 = +1,17, SD(d) = √(1/6) = 0,40825, ± 2,570582 · 0,40825/√6 = ± 0,42843 → [+0,74; +1,60]: duidelijk hoger.
 * Strongest at T1: amb (3,83); weakest: per (2,00). Biggest rise amb (+1,00), biggest fall per (−1,00).
 */
// Per condition: the six scores at T0, then at T1.
const SCORES: Record<Condition, [number[], number[]]> = {
  amb: [[2, 3, 3, 4, 3, 2], [3, 4, 4, 5, 3, 4]],
  bel: [[3, 3, 3, 3, 2, 4], [3, 3, 3, 3, 3, 3]],
  per: [[3, 3, 3, 3, 2, 4], [2, 2, 2, 2, 2, 2]],
  org: [[3, 3, 3, 3, 3, 3], [4, 4, 3, 3, 3, 3]],
  pro: [[3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3]],
};
const GRADES = [
  [6, 7, 6, 7, 6, 7],
  [7, 8, 7, 8, 7, 9],
];

function answersOf(wave: 0 | 1, person: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [c, scores] of Object.entries(SCORES)) for (let i = 1; i <= 4; i++) out[`ks_${c}_0${i}`] = scores[wave][person]!;
  if (wave === 0 && person < 4) out.ks_pro_01 = out.ks_pro_02 = 9;
  if (wave === 1 && person < 3) out.ks_bel_04 = 9;
  out.ks_cijfer = GRADES[wave]![person]!;
  return out;
}

const { newSession } = useE2eSessions();

async function respond(session: Session, waveId: string, code: string, answers: Record<string, number>): Promise<void> {
  const r = await session.call('startResponse', { waveId, respondentCode: code, organisationId: null, mode: 'form' });
  for (const [itemId, value] of Object.entries(answers)) await session.call('saveAnswer', { responseId: r.id, instrumentId: INSTRUMENT, itemId, value, text: null });
  await session.call('completeResponse', { responseId: r.id });
}

const items = async (session: Session, testId: string) => (await session.page.getByTestId(testId).locator(':scope > li').allTextContents()).map((s) => s.trim());

describe('Samenvatting', () => {
  it('answers "did it improve, where?" first, in words that follow from the intervals, and points to the rows behind them', async () => {
    const session = await newSession();
    const { page } = session;
    const network = await session.call('createNetwork', { name: NETWORK });
    const instruments = [{ instrumentId: INSTRUMENT, version: 1 }];
    const t0 = await session.call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: '2026-03-01', instruments });
    const t1 = await session.call('createWave', { networkId: network.id, label: 'T1', kind: 'T1', plannedDate: '2027-03-01', instruments });
    for (const [w, wave] of [t0, t1].entries()) for (const [p, code] of CODES.entries()) await respond(session, wave.id, code, answersOf(w as 0 | 1, p));

    await page.goto(session.harness.url);
    await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
    await page.getByRole('button', { name: `Resultaten van netwerk ${NETWORK}` }).click();
    await page.getByTestId('section-summary').waitFor();

    // The summary is the open tab, and the first thing after the filter bar.
    expect(await page.getByRole('tab', { name: 'Samenvatting' }).getAttribute('aria-selected')).toBe('true');
    expect(await textOf(page.getByTestId('section-summary').getByRole('heading', { level: 2 }))).toBe('Samenvatting: T1 tegenover T0');
    expect(await textOf(page.getByTestId('summary-overall'))).toBe('Van de 5 condities: 1 duidelijk hoger, 1 mogelijk hoger, 1 ongeveer gelijk, 1 duidelijk lager en 1 te weinig gegevens.');

    const link = ' bekijk';
    expect(await items(session, 'summary-conditions')).toEqual([
      `▲Gedeelde ambitie: duidelijk hoger, van 2,83 naar 3,83, +1,00 (waarschijnlijk tussen +0,34 en +1,66).${link}`,
      `=Recht doen aan belangen: ongeveer gelijk, van 3,00 naar 3,00, 0,00 (waarschijnlijk tussen -0,66 en +0,66).${link}`,
      `▼Goed persoonlijk samenwerken: duidelijk lager, van 3,00 naar 2,00, -1,00 (waarschijnlijk tussen -1,66 en -0,34).${link}`,
      `△Professioneel organiseren: mogelijk hoger, van 3,00 naar 3,33, +0,33 (waarschijnlijk tussen -0,21 en +0,88).${link}`,
      `·Betekenisgevend proces: te weinig gegevens om te vergelijken. T0: te weinig antwoorden (minder dan 5); T1: 3,00.${link}`,
    ]);
    expect(await items(session, 'summary-highlights')).toEqual([
      `•Het sterkst bij T1: Gedeelde ambitie (3,83).${link}`,
      `•Het zwakst bij T1: Goed persoonlijk samenwerken (2,00).${link}`,
      `▲De grootste stijging sinds T0: Gedeelde ambitie, +1,00 (waarschijnlijk tussen +0,34 en +1,66): duidelijk hoger.${link}`,
      `▼De grootste daling sinds T0: Goed persoonlijk samenwerken, -1,00 (waarschijnlijk tussen -1,66 en -0,34): duidelijk lager.${link}`,
      `▲Rapportcijfer: 6,5 bij T0 (6 mensen); 7,7 bij T1 (6 mensen). Dat is duidelijk hoger: +1,17 (waarschijnlijk tussen +0,74 en +1,60).${link}`,
    ]);
    expect(await items(session, 'summary-response')).toEqual([`•Ingevuld: 6 bij T0; 6 bij T1.${link}`, `•6 mensen vulden zowel T0 als T1 in (gekoppeld via de code).${link}`]);

    // Gesprekspunten, one per condition in each kind: successes first (amb +1,00 before org +0,33), the fall
    // of "Goed persoonlijk samenwerken", low scores at T1 (bel and pro 3,00: (3 − 1)/4 = 0,5; org 3,33: 0,58;
    // per fell, so it is a fall and not also low), and "weet niet" in proportion.
    const ids = async (testId: string) => page.getByTestId(testId).locator(':scope > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.split('-').at(-1)));
    expect(await ids('conversation-success')).toEqual(['ks_amb_01', 'ks_org_01']);
    expect(await ids('conversation-fall')).toEqual(['ks_per_01']);
    expect(await ids('conversation-low')).toEqual(['ks_bel_01', 'ks_pro_01', 'ks_org_01']);
    expect(await textOf(page.getByTestId('conversation-fall-ks_per_01').locator('.conversation-facts'))).toBe('T1: gedaald sinds T0, -1,00 (waarschijnlijk tussen -1,66 en -0,34): duidelijk lager; nu 2,00');
    expect(await textOf(page.getByTestId('conversation-dont-know-ks_bel_04').locator('.conversation-facts'))).toBe('T1: ongeveer de helft (3 van de 6 mensen) antwoordde ‘weet niet / n.v.t.’');

    // The default view speaks the coordinator's language: no test statistics.
    const summaryText = await page.getByRole('tabpanel').innerText();
    for (const jargon of ['Wilcoxon', 'dz', 'rangbiserieel', 'Cronbach', 't (df)', 'df', 'Welch']) expect(summaryText, jargon).not.toContain(jargon);
    for (const bad of ['NaN', 'undefined', 'null', 'Infinity', '{{']) expect(summaryText, bad).not.toContain(bad);
    expect(await axeViolations(page)).toEqual([]);

    // "bekijk" opens the row the sentence rests on: Gedeelde ambitie in the change table of Per conditie.
    await page.getByRole('button', { name: 'Bekijk de cijfers van Gedeelde ambitie bij Per conditie' }).first().click();
    expect(await page.getByRole('tab', { name: 'Per conditie' }).getAttribute('aria-selected')).toBe('true');
    const focused = page.locator(':focus');
    await expect.poll(() => focused.getAttribute('data-testid')).toBe(`headline-${t1.id}-ks_amb`);
    expect(await focused.getByRole('cell').allTextContents()).toEqual(['6', '6', '6', '+1,00', '[+0,34; +1,66]', '▲ duidelijk hoger']);
    // The same numbers in the grade table the rapportcijfer line points to.
    // n, mean 46/6 = 7,67 → 7,7, median of 7 7 7 8 8 9 = 7,5.
    expect(await page.getByTestId(`grade-${t1.id}`).getByRole('cell').allTextContents()).toEqual(['6', '7,7', '7,5']);
    expect(await textOf(page.getByTestId('grade-change'))).toBe('T1 tegenover T0: +1,17 (waarschijnlijk tussen +0,74 en +1,60): duidelijk hoger.');

    // The tabs are a WAI-ARIA tablist: arrow keys move between the tabs and open them.
    await page.getByRole('tab', { name: 'Per conditie' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Per uitspraak' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Per uitspraak');
    // Per statement, from the largest rise to the largest fall; the clear changes marked with a symbol and in bold.
    const rows = page.getByTestId(`change-${t1.id}-items`).locator('tbody tr');
    const order = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.split('-').at(-1)));
    // amb +1,00, org +0,33, bel 0 (ks_bel_04 has 3 scores at T1: too few), pro_03 and pro_04 0, per −1,00;
    // then what cannot be compared: ks_bel_04, and ks_pro_01 and ks_pro_02 (2 scores at T0).
    expect(order).toEqual([
      ...['ks_amb_01', 'ks_amb_02', 'ks_amb_03', 'ks_amb_04', 'ks_org_01', 'ks_org_02', 'ks_org_03', 'ks_org_04'],
      ...['ks_bel_01', 'ks_bel_02', 'ks_bel_03', 'ks_pro_03', 'ks_pro_04', 'ks_per_01', 'ks_per_02', 'ks_per_03', 'ks_per_04'],
      ...['ks_bel_04', 'ks_pro_01', 'ks_pro_02'],
    ]);
    expect(await textOf(page.getByTestId(`change-${t1.id}-items-ks_per_01-verdict`))).toBe('▼ duidelijk lager');
    expect(await page.getByTestId(`change-${t1.id}-items-ks_per_01`).getAttribute('class')).toBe('clear-change');
    expect(await textOf(page.getByTestId(`change-${t1.id}-items-ks_org_01-verdict`))).toBe('△ mogelijk hoger');
    await page.keyboard.press('End');
    expect(await page.getByRole('tab', { name: 'Voor onderzoekers' }).getAttribute('aria-selected')).toBe('true');
    // The test statistics live here, each explained: the paired t-test of amb, t = 1 / 0,25820 = 3,87 on 5 df.
    expect((await page.getByTestId(`tests-${t1.id}-scales-ks_amb`).getByRole('cell').allTextContents()).at(-1)).toMatch(/^3,87 \(5,0\); 0,0\d\d$/);
    expect(await page.getByTestId('research-glossary').locator('dt').allTextContents()).toContain('Wilcoxon V');
    await page.keyboard.press('Home');
    expect(await page.getByRole('tab', { name: 'Samenvatting' }).getAttribute('aria-selected')).toBe('true');

    // English: the same summary in English words.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => textOf(page.getByTestId('summary-overall'))).toBe('Of the 5 conditions: 1 clearly higher, 1 possibly higher, 1 about the same, 1 clearly lower and 1 too little data.');
    expect((await items(session, 'summary-conditions'))[0]).toBe('▲Shared ambition: clearly higher, from 2.83 to 3.83, +1.00 (probably between +0.34 and +1.66). view');
    await page.screenshot({ path: '/tmp/netwerkspiegel-summary-en.png', fullPage: true });
    expect(session.problems).toEqual([]);
  });

  it('in Netwerken vergelijken, says that no chosen network has the questionnaire instead of an empty table', async () => {
    const session = await newSession();
    const { page } = session;
    const network = await session.call('createNetwork', { name: 'Teamnetwerk Oost' });
    await session.call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: 'interprofessioneel-samenwerken', version: 1 }] });
    await page.goto(session.harness.url);
    await page.getByTestId('open-compare').click();
    await page.getByRole('button', { name: 'Vergelijken' }).click();
    expect(await textOf(page.getByTestId('compare-none'))).toBe(
      'Geen van de gekozen netwerken heeft een meting met de vragenlijst Kansrijke samenwerking. Kies hierboven een andere vragenlijst, of maak eerst een meting met deze vragenlijst.',
    );
    expect(await page.getByTestId('compare-table').count()).toBe(0);
    expect(session.problems).toEqual([]);
  });
});
