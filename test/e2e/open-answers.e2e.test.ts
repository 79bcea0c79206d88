import { describe, expect, it } from 'vitest';
import { axeViolations, textOf, useE2eSessions } from './support/harness';
import { heading, item, waitSaved } from './support/kiosk';

/**
 * *Open antwoorden*: an answer typed by hand in the questionnaire form appears on the wave's open
 * answers screen as plain text (markup shown, not applied), with the count, without the respondent
 * code until the researcher asks for codes, and with the organisation only for a large enough group.
 */

const KS = 'kansrijke-samenwerking';
const NETWORK = 'Palliatief Netwerk Twente';
const ORG = 'Hospice De Linde';
/** Typed in the form: two lines, and something that would be bold if it were read as HTML. */
const TYPED = 'Korte lijnen met de <b>huisarts</b>.\nWe bellen elkaar direct.';

const { newSession } = useE2eSessions();

describe('Open antwoorden', () => {
  it('shows an answer typed in the questionnaire form as text, with its count, and codes only on request', async () => {
    const session = await newSession();
    const { page } = session;
    const network = await session.call('createNetwork', { name: NETWORK });
    const hospice = await session.call('addOrganisation', { networkId: network.id, name: ORG, sector: 'zorg', sizeClass: 'lt100' });
    const wave = await session.call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    // Two more submitted questionnaires of the hospice through the API: 3 in all, fewer than the minimum of 5.
    for (const [code, text] of [
      ['R-002', 'Vaste aanspreekpunten per wijk.'],
      ['R-003', 'Een gezamenlijk dossier.'],
    ] as const) {
      const r = await session.call('startResponse', { waveId: wave.id, respondentCode: code, organisationId: hospice.id, mode: 'form' });
      await session.call('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_open_goed', value: null, text });
      await session.call('completeResponse', { responseId: r.id });
    }

    // --- The answer typed by hand ----------------------------------------------------------------
    await page.goto(session.harness.url);
    await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
    await page.getByRole('button', { name: 'Vragenlijst invullen voor meting T0' }).click();
    await page.getByLabel('Respondentcode').fill('R-001');
    await page.getByLabel(/Organisatie/).selectOption({ label: ORG });
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByTestId('response-form').waitFor();
    await item(page, 'ks_open_goed').getByRole('textbox').fill(TYPED);
    await item(page, 'ks_open_goed').getByRole('textbox').blur();
    await waitSaved(page, 'ks_open_goed');
    await page.getByRole('button', { name: 'Inleveren' }).click();
    await page.getByTestId('thank-you').waitFor();
    await page.getByRole('button', { name: 'Terug naar het netwerk' }).first().click();

    // --- The open answers of T0 ------------------------------------------------------------------
    await page.getByRole('button', { name: 'Open antwoorden van meting T0' }).click();
    await heading(page, /Open antwoorden: T0/).waitFor();
    const goed = page.getByTestId('open-answers-ks_open_goed');
    await goed.waitFor();
    expect(await textOf(page.getByTestId('open-answers-submitted'))).toBe('Uit 3 ingeleverde vragenlijsten.');
    expect(await textOf(page.getByTestId('open-answer-count-ks_open_goed'))).toBe('3 antwoorden');
    expect(await textOf(page.getByTestId('open-answer-count-ks_open_beter'))).toBe('0 antwoorden');
    expect(await textOf(page.getByTestId('open-question-ks_open_beter'))).toContain('Nog geen antwoorden op deze vraag.');
    // Alphabetical: "Een", "Korte", "Vaste". The typed text exactly, line break and markup as characters.
    const texts = await goed.locator('.open-answer-text').allTextContents();
    expect(texts).toEqual(['Een gezamenlijk dossier.', TYPED, 'Vaste aanspreekpunten per wijk.']);
    expect(await goed.locator('b').count()).toBe(0);
    expect(await goed.locator('.open-answer-text').nth(1).evaluate((el) => el.innerHTML)).toBe('Korte lijnen met de &lt;b&gt;huisarts&lt;/b&gt;.\nWe bellen elkaar direct.');
    // Three of the hospice, below the minimum of 5: the organisation is not named, and no code shows.
    expect(await goed.locator('.open-answer-source').allTextContents()).toEqual(Array(3).fill('organisatie niet getoond (kleine groep)'));
    const screen = await page.locator('main').textContent();
    expect(screen).not.toContain('R-001');
    expect(screen).not.toContain(ORG);

    const axe = await axeViolations(page);
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);
    await page.screenshot({ path: '/tmp/netwerkspiegel-open-answers.png', fullPage: true });

    // Codes on request, for the researcher alone.
    await page.getByLabel('Respondentcodes tonen').check();
    await page.getByTestId('open-answers-status').getByText('De respondentcodes staan nu bij de antwoorden.').waitFor();
    expect(await goed.locator('.open-answer-source').allTextContents()).toEqual([
      'organisatie niet getoond (kleine groep) · code R-003',
      'organisatie niet getoond (kleine groep) · code R-001',
      'organisatie niet getoond (kleine groep) · code R-002',
    ]);
    await page.screenshot({ path: '/tmp/netwerkspiegel-open-answers-codes.png', fullPage: true });
    await page.getByLabel('Respondentcodes tonen').uncheck();
    await expect.poll(() => page.locator('main').textContent()).not.toContain('R-001');
    expect(session.problems).toEqual([]);
  });
});
