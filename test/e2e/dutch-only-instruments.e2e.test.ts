import { describe, expect, it } from 'vitest';
import { bilingualInstrument, dutchOnlyInstrument } from '../support/dutch-only-instrument';
import { expectAccessible, testIdText, type Session, useE2eSessions } from './support/harness';
import { heading, item, PIN, toCode, waitWelcome } from './support/kiosk';

/**
 * A wave whose instruments are not all in English offers no English: the kiosk shows no language
 * switch and speaks Dutch even when the researcher's screen is in English, and the paper form has
 * no language to choose. A wave of bilingual instruments still offers both. In Chromium against
 * the real services; the researcher's screen is switched to English first.
 */

const { newSession } = useE2eSessions();

/** The instrument imported, a network with a wave of it and the researcher's PIN; the app's own language English. */
async function waveOf(session: Session, definition: { id: string }) {
  const { call, page } = session;
  await call('importInstrument', { definitionJson: JSON.stringify(definition) });
  const network = await call('createNetwork', { name: 'Buurtnetwerk Noord' });
  const wave = await call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: definition.id, version: 1 }] });
  await call('setResearcherPin', { pin: PIN, currentPin: null });
  await page.goto(session.harness.url);
  await page.getByTestId('language-en').click();
  await page.getByRole('button', { name: 'Open network Buurtnetwerk Noord' }).waitFor();
  return { network, wave };
}

/** From the kiosk's welcome screen to the first page of questions. */
async function toQuestions(session: Session, consent: string, code: string) {
  const { page } = session;
  await toCode(page, consent);
  await page.getByTestId('kiosk-code-input').fill(code);
  await page.getByTestId('kiosk-code').getByRole('button').last().click();
  await item(page, 'bt_01').waitFor();
}

describe('a wave of a Dutch-only instrument', () => {
  it('in kiosk mode shows no language switch and runs in Dutch, though the researcher works in English', async () => {
    const session = await newSession();
    const { page, call } = session;
    const { wave } = await waveOf(session, dutchOnlyInstrument());
    await call('startKiosk', { waveId: wave.id, pin: PIN });
    await page.goto(session.harness.url);
    await waitWelcome(page);
    expect(await page.getByTestId('kiosk').getAttribute('lang')).toBe('nl');
    await toQuestions(session, 'Ik doe mee', 'NL-0001');
    // The questions are on screen, so the wave's instruments are loaded: still no switch.
    await heading(page, 'Samenwerken').waitFor();
    expect(await page.getByTestId('kiosk-language-en').count()).toBe(0);
    expect(await page.getByTestId('kiosk-language-nl').count()).toBe(0);
    expect(await testIdText(page, 'kiosk-progress-text')).toBe('Stap 1 van 2');
    expect(await item(page, 'bt_01').getByRole('radio', { name: 'Helemaal eens', exact: true }).count()).toBe(1);
    await expectAccessible(page, 'Dutch-only questions');
    await page.screenshot({ path: '/tmp/netwerkspiegel-dutch-only-kiosk.png' });
    const responses = session.db.prepare('SELECT language FROM responses').pluck().all();
    expect(responses).toEqual(['nl']);
    expect(session.problems).toEqual([]);
  });

  it('is marked Dutch only on the questionnaires screen; a bilingual one is not', async () => {
    const session = await newSession();
    const { page, call } = session;
    await call('importInstrument', { definitionJson: JSON.stringify(bilingualInstrument()) });
    await waveOf(session, dutchOnlyInstrument());
    await page.getByRole('button', { name: 'View, import and export questionnaires' }).click();
    await page.getByTestId('instrument-buurtteam-v1').waitFor();
    expect(await testIdText(page, 'instrument-buurtteam-v1')).toContain('Dutch only');
    expect(await page.getByTestId('instrument-buurtteam-tweetalig-v1').getByTestId('instrument-dutch-only').count()).toBe(0);
    expect(await page.getByTestId('instrument-dutch-only').count()).toBe(1);
    await page.getByTestId('instrument-buurtteam-v1').screenshot({ path: '/tmp/netwerkspiegel-dutch-only-card.png' });
    // The new-wave form says it beside the instrument's name too.
    await page.getByRole('button', { name: 'Back', exact: false }).first().click();
    await page.getByRole('button', { name: 'Open network Buurtnetwerk Noord' }).click();
    const choice = page.getByRole('checkbox', { name: /^Samenwerking in het buurtteam/ });
    expect(await choice.locator('xpath=ancestor::label').textContent()).toContain('Dutch only');
    await choice.locator('xpath=ancestor::fieldset').screenshot({ path: '/tmp/netwerkspiegel-dutch-only-wave-form.png' });
    expect(session.problems).toEqual([]);
  });

  it('offers no English paper form, and says why', async () => {
    const session = await newSession();
    const { page } = session;
    await waveOf(session, dutchOnlyInstrument());
    await page.getByRole('button', { name: 'Open network Buurtnetwerk Noord' }).click();
    await page.getByRole('button', { name: 'Print paper questionnaire for wave T0' }).click();
    await page.getByTestId('paper-form').waitFor();
    expect(await page.getByTestId('paper-form-language').count()).toBe(0);
    expect(await testIdText(page, 'paper-form-dutch-only')).toBe('Language of the questionnaire: Dutch. The questionnaires of this wave are in Dutch only, so the paper form is too.');
    expect(await page.getByTestId('paper-form').getByText('We kennen elkaars werk.').count()).toBe(1);
    await page.screenshot({ path: '/tmp/netwerkspiegel-dutch-only-paper-form.png' });
    expect(session.problems).toEqual([]);
  });

  it('shows the researcher’s form in Dutch, questions and answer labels alike, with a note in English', async () => {
    const session = await newSession();
    const { page } = session;
    await waveOf(session, dutchOnlyInstrument());
    await page.getByRole('button', { name: 'Open network Buurtnetwerk Noord' }).click();
    await page.getByRole('button', { name: 'Fill in questionnaire for wave T0' }).click();
    await page.getByLabel('Respondent code').fill('NL-0002');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByTestId('response-form').waitFor();
    expect(await testIdText(page, 'questionnaire-dutch-only')).toBe('The questionnaires of this wave are in Dutch only.');
    const question = item(page, 'bt_01');
    expect(await question.getByText('We kennen elkaars werk.').count()).toBe(1);
    expect(await question.getByRole('radio', { name: 'Helemaal eens', exact: true }).count()).toBe(1);
    expect(await page.locator('section.instrument').getAttribute('lang')).toBe('nl');
    await expectAccessible(page, 'Dutch-only researcher form');
    await page.screenshot({ path: '/tmp/netwerkspiegel-dutch-only-form.png' });
    expect(session.problems).toEqual([]);
  });
});

describe('a wave of bilingual instruments', () => {
  it('in kiosk mode still has the language switch, and English shows the English questions', async () => {
    const session = await newSession();
    const { page, call } = session;
    const { wave } = await waveOf(session, bilingualInstrument());
    await call('startKiosk', { waveId: wave.id, pin: PIN });
    await page.goto(session.harness.url);
    await waitWelcome(page);
    await page.getByTestId('kiosk-language-en').click();
    await waitWelcome(page, 'Welcome');
    await toQuestions(session, 'I take part', 'EN-0001');
    await heading(page, 'EN: Samenwerken').waitFor();
    expect(await page.getByTestId('kiosk-language-en').count()).toBe(1);
    expect(await item(page, 'bt_01').getByRole('radio', { name: 'EN: Helemaal eens', exact: true }).count()).toBe(1);
    expect(session.db.prepare('SELECT language FROM responses').pluck().all()).toEqual(['en']);
    expect(session.problems).toEqual([]);
  });
});
