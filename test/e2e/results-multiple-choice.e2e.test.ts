import { describe, expect, it } from 'vitest';
import { axeViolations, openResultsTab, textOf, useE2eSessions } from './support/harness';
import { structuredStudy } from '../support/structured-study';

/**
 * *Resultaten* of an instrument with a select-all-that-apply question, in the real renderer: per
 * option how many respondents ticked it, of those who answered (test/support/structured-study.ts has
 * the answers; the counts below are worked out by hand from them). T1 has two respondents, below the
 * network's minimum of 3, so it shows nothing.
 */

const { newSession } = useE2eSessions();
const NETWORK = 'Wijknetwerk Zuid';

describe('a multiple-choice question on the results screen', () => {
  it('shows per option the respondents who ticked it and their share, and nothing for a group below the minimum', async () => {
    const session = await newSession();
    const { page } = session;
    await structuredStudy({ ok: session.call, db: session.harness.services.db });
    await page.goto(session.harness.url);
    await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
    await page.getByRole('button', { name: `Resultaten van netwerk ${NETWORK}` }).click();
    await page.getByTestId('section-summary').waitFor();
    await openResultsTab(page, 'Per uitspraak');
    const section = page.getByTestId('section-multiple');
    await section.waitFor();
    expect(await textOf(section.getByRole('heading', { level: 3 }))).toBe('Contactvormen');
    const row = async (code: number | string) => (await section.getByTestId(`multiple-co_kanalen-${code}`).locator('th, td').allTextContents()).map((x) => x.trim());
    // Six answered at T0: telephone 3 (50%), e-mail 2 (33%), meeting 1 (17%), app 3 (50%), none 1 (17%).
    expect(await row(1)).toEqual(['Telefoon', '3 (50%)', 'te weinig antwoorden (minder dan 3)']);
    expect(await row(2)).toEqual(['E-mail', '2 (33%)']);
    expect(await row(3)).toEqual(['Overleg', '1 (17%)']);
    expect(await row(4)).toEqual(['Beveiligde app', '3 (50%)']);
    expect(await row(9)).toEqual(['Geen van deze', '1 (17%)']);
    expect(await row('answered')).toEqual(['Beantwoord door', '6']);
    expect(await row('missing')).toEqual(['Niet beantwoord', '0']);
    // Not among the stacked distributions, whose shares add up to 100%.
    expect(await page.getByTestId('section-distribution').getByText('Contactvormen').count()).toBe(0);
    if (process.env.SCREENSHOT_DIR) await section.screenshot({ path: `${process.env.SCREENSHOT_DIR}/results-multiple-choice.png` });
    expect(await axeViolations(page)).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
