import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { structuredInstrument } from '../support/structured-instrument';
import { expectAccessible, testIdText, type Session, useE2eSessions } from './support/harness';
import { heading, item, PIN, radio, waitWelcome } from './support/kiosk';

/**
 * Required questions, a follow-up shown on a condition and select-all-that-apply, in the kiosk in
 * Chromium against the real services and SQLite file (test/support/structured-instrument.ts):
 * page "Over u": 1 co_rol (required), 2 co_rol_anders (only after "Anders"); page "Contact en
 * afstemming": 3 co_kanalen (checkboxes, required; "Geen van deze" is its not-scored option),
 * 4 co_app (required, only when "Beveiligde app" is ticked), 5 co_01 and 6 co_02 (required).
 */

const { newSession } = useE2eSessions();
const CO = 'clientoverleg';

const checkbox = (page: Page, itemId: string, name: string) => item(page, itemId).getByRole('checkbox', { name, exact: true });

/** The ticked options of a question, by their labels. */
const tickedOf = (page: Page, itemId: string) =>
  item(page, itemId)
    .locator('label.choice')
    .evaluateAll((labels) => labels.filter((l) => l.querySelector<HTMLInputElement>('input')!.checked).map((l) => l.querySelector('.choice-label')!.textContent));

/** The test id of the question holding focus. */
const focusedItem = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-testid^="item-"]')?.getAttribute('data-testid') ?? null);

/** What the database holds for the response now: item → value or text. */
function stored(session: Session): Record<string, number | string> {
  const rows = session.db.prepare('SELECT item_id AS itemId, value, text FROM answers WHERE instrument_id = ? ORDER BY item_id').all(CO) as {
    itemId: string;
    value: number | null;
    text: string | null;
  }[];
  return Object.fromEntries(rows.map((r) => [r.itemId, r.value ?? r.text!]));
}

async function kioskOnStructuredWave(session: Session, definition: { id: string } = structuredInstrument()) {
  const { call, page } = session;
  await call('importInstrument', { definitionJson: JSON.stringify(definition) });
  const network = await call('createNetwork', { name: 'Dementienetwerk Zuid' });
  const wave = await call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: CO, version: 1 }] });
  await call('setResearcherPin', { pin: PIN, currentPin: null });
  await call('startKiosk', { waveId: wave.id, pin: PIN });
  await page.goto(session.harness.url);
  await waitWelcome(page);
  await page.getByTestId('kiosk-start').click();
  // The standard consent text does not promise that every question may be skipped.
  const consent = await page.getByTestId('kiosk-consent-text').innerText();
  expect(consent).toContain('Vragen met een * moeten beantwoord zijn om de vragenlijst in te leveren; de andere vragen mag u overslaan.');
  expect(consent).not.toContain('U mag elke vraag overslaan');
  await page.getByRole('button', { name: 'Ik doe mee', exact: true }).click();
  await page.getByTestId('kiosk-code').waitFor();
  await page.getByTestId('kiosk-code-input').fill('CO-0001');
  await page.getByTestId('kiosk-code').getByRole('button').last().click();
  await item(page, 'co_rol').waitFor();
}

describe('a questionnaire with required questions, a follow-up and multiple choice in the kiosk', () => {
  it('shows follow-ups as their condition is met, ticks boxes, keeps the respondent on a page with a required question open, and stores what was shown', async () => {
    const session = await newSession();
    const { page } = session;
    await kioskOnStructuredWave(session);

    // Page "Over u": the marker beside the required question, explained once; no follow-up yet.
    await heading(page, 'Over u').waitFor();
    expect(await testIdText(page, 'required-explanation')).toBe('Vragen met een * zijn verplicht.');
    expect(await item(page, 'co_rol').getByTestId('required-marker-co_rol').count()).toBe(1);
    expect(await radio(page, 'co_rol', 'Anders').evaluate((el) => (el as HTMLInputElement).required)).toBe(true);
    expect(await item(page, 'co_rol_anders').count()).toBe(0);

    // On without the required answer: stays on the page, says why, focus to the question.
    await page.getByTestId('kiosk-next').click();
    expect(await testIdText(page, 'required-co_rol')).toBe('Deze vraag is verplicht.');
    expect(await testIdText(page, 'kiosk-required')).toBe('Vraag 1 is verplicht. Beantwoord die vraag om verder te gaan.');
    expect(await focusedItem(page)).toBe('item-co_rol');
    await heading(page, 'Over u').waitFor();
    await page.screenshot({ path: '/tmp/netwerkspiegel-question-rules-required.png', fullPage: true });

    // "Anders" brings the follow-up (numbered 2, as on paper); another role takes it away again.
    await radio(page, 'co_rol', 'Anders').check();
    await item(page, 'co_rol_anders').waitFor();
    expect(await item(page, 'co_rol_anders').locator('.item-number').textContent()).toBe('2.');
    expect(await page.getByTestId('required-co_rol').count()).toBe(0);
    await radio(page, 'co_rol', 'Zorgverlener').check();
    await item(page, 'co_rol_anders').waitFor({ state: 'detached' });
    await expect.poll(() => stored(session)).toEqual({ co_rol: 1 });
    await page.getByTestId('kiosk-next').click();

    // Page "Contact en afstemming": checkboxes; the app statement hangs on "Beveiligde app".
    await heading(page, 'Contact en afstemming').waitFor();
    // The question says "Kruis alles aan wat van toepassing is." itself, so no hint repeats it.
    expect(await item(page, 'co_kanalen').locator('.item-multiple-hint').count()).toBe(0);
    expect(await item(page, 'co_app').count()).toBe(0);
    await checkbox(page, 'co_kanalen', 'Telefoon').check();
    await checkbox(page, 'co_kanalen', 'Beveiligde app').check();
    await item(page, 'co_app').waitFor();
    expect(await item(page, 'co_app').locator('.item-number').textContent()).toBe('4.');
    await expect.poll(() => stored(session)).toEqual({ co_rol: 1, co_kanalen: '1,4' });

    // "Geen van deze" unticks the others (and so hides the app statement); another tick unticks it.
    await checkbox(page, 'co_kanalen', 'Geen van deze').check();
    expect(await tickedOf(page, 'co_kanalen')).toEqual(['Geen van deze']);
    await item(page, 'co_app').waitFor({ state: 'detached' });
    await expect.poll(() => stored(session)).toEqual({ co_rol: 1, co_kanalen: '9' });
    await checkbox(page, 'co_kanalen', 'E-mail').check();
    expect(await tickedOf(page, 'co_kanalen')).toEqual(['E-mail']);

    // The keyboard: Space ticks and unticks the focused box.
    await checkbox(page, 'co_kanalen', 'Overleg').focus();
    await page.keyboard.press('Space');
    expect(await tickedOf(page, 'co_kanalen')).toEqual(['E-mail', 'Overleg']);
    await page.keyboard.press('Space');
    expect(await tickedOf(page, 'co_kanalen')).toEqual(['E-mail']);

    // Keyboard only: a number key ticks or unticks the box at that place, saved as a click, and the
    // respondent stays on the question; N ticks "Geen van deze", which unticks the others.
    expect(await testIdText(page, 'kiosk-keys')).toBe(
      'Met het toetsenbord: een cijfertoets kiest het antwoord op die plaats (1 is het eerste, 0 het tiende), N kiest het eerste antwoord onder de vraag (‘Geen van deze’ of ‘Weet niet’), Enter gaat naar de volgende pagina. Bij ‘kruis alles aan’ zet of haalt een cijfertoets het kruisje op die plaats weg.',
    );
    await page.keyboard.press('3');
    expect(await tickedOf(page, 'co_kanalen')).toEqual(['E-mail', 'Overleg']);
    expect(await focusedItem(page)).toBe('item-co_kanalen');
    await expect.poll(() => stored(session)).toEqual({ co_rol: 1, co_kanalen: '2,3' });
    await page.keyboard.press('2');
    expect(await tickedOf(page, 'co_kanalen')).toEqual(['Overleg']);
    await expect.poll(() => stored(session)).toEqual({ co_rol: 1, co_kanalen: '3' });
    await page.keyboard.press('n');
    expect(await tickedOf(page, 'co_kanalen')).toEqual(['Geen van deze']);
    await expect.poll(() => stored(session)).toEqual({ co_rol: 1, co_kanalen: '9' });
    await page.keyboard.press('1');
    expect(await tickedOf(page, 'co_kanalen')).toEqual(['Telefoon']);
    await expect.poll(() => stored(session)).toEqual({ co_rol: 1, co_kanalen: '1' });
    await page.keyboard.press('1');
    expect(await tickedOf(page, 'co_kanalen')).toEqual([]);
    await expect.poll(() => stored(session)).toEqual({ co_rol: 1 });
    await page.keyboard.press('2');
    expect(await tickedOf(page, 'co_kanalen')).toEqual(['E-mail']);
    await expect.poll(() => stored(session)).toEqual({ co_rol: 1, co_kanalen: '2' });
    await checkbox(page, 'co_kanalen', 'Beveiligde app').check();
    await item(page, 'co_app').waitFor();
    await expect.poll(() => stored(session)).toEqual({ co_rol: 1, co_kanalen: '2,4' });
    await expectAccessible(page, 'kiosk page with checkboxes and a follow-up');
    await page.screenshot({ path: '/tmp/netwerkspiegel-question-rules-multiple.png', fullPage: true });

    // On with three required statements open: focus to the first of them, the app statement.
    await page.getByTestId('kiosk-next').click();
    expect(await testIdText(page, 'kiosk-required')).toBe('De vragen 4, 5 en 6 zijn verplicht. Beantwoord die vragen om verder te gaan.');
    expect(await focusedItem(page)).toBe('item-co_app');
    for (const id of ['co_app', 'co_01', 'co_02']) expect(await testIdText(page, `required-${id}`)).toBe('Deze vraag is verplicht.');
    await radio(page, 'co_app', 'Eens').check();
    await radio(page, 'co_01', 'Helemaal eens').check();
    expect(await testIdText(page, 'kiosk-required')).toBe('Vraag 6 is verplicht. Beantwoord die vraag om verder te gaan.');
    await radio(page, 'co_02', 'Neutraal').check();
    await page.getByTestId('kiosk-next').click();

    // The review counts the shown questions: 5 of the 6 (the role's follow-up is hidden), all answered.
    await page.getByTestId('kiosk-review').waitFor();
    expect(await testIdText(page, 'kiosk-review-count')).toBe('U heeft 5 van de 5 vragen beantwoord.');
    await page.getByTestId('kiosk-submit').click();
    await page.getByTestId('kiosk-thanks').waitFor();
    expect(session.db.prepare('SELECT status FROM responses').pluck().all()).toEqual(['complete']);
    expect(stored(session)).toEqual({ co_rol: 1, co_kanalen: '2,4', co_app: 4, co_01: 5, co_02: 3 });
    expect(session.problems).toEqual([]);
  });
});

describe('a kiosk page whose questions are all hidden', () => {
  it('is passed over going on and going back, and shown once its condition is met', async () => {
    const session = await newSession();
    const { page } = session;
    // The follow-up on "Anders" on a page of its own, between "Over u" and "Contact en afstemming".
    const definition = structuredInstrument();
    definition.sections = [
      { id: 'wie', title: { nl: 'Over u' }, items: ['co_rol'] },
      { id: 'anders', title: { nl: 'Uw rol' }, items: ['co_rol_anders'] },
      definition.sections[1]!,
    ];
    await kioskOnStructuredWave(session, definition);
    await radio(page, 'co_rol', 'Mantelzorger').check();
    await page.getByTestId('kiosk-next').click();
    await heading(page, 'Contact en afstemming').waitFor();
    // The passed-over page is not counted: two pages and the check before handing in.
    expect(await testIdText(page, 'kiosk-progress-text')).toBe('Stap 2 van 3');
    await page.getByRole('button', { name: 'Vorige' }).click();
    await heading(page, 'Over u').waitFor();
    await radio(page, 'co_rol', 'Anders').check();
    expect(await testIdText(page, 'kiosk-progress-text')).toBe('Stap 1 van 4');
    expect(await testIdText(page, 'kiosk-next')).toBe('Volgende');
    await page.getByTestId('kiosk-next').click();
    await heading(page, 'Uw rol').waitFor();
    expect(await testIdText(page, 'kiosk-progress-text')).toBe('Stap 2 van 4');
    expect(await item(page, 'co_rol_anders').count()).toBe(1);
    expect(session.problems).toEqual([]);
  });
});

/** A network with a wave of the structured instrument, and the researcher's button `action` for it pressed. */
async function researcherOnStructuredWave(action: string): Promise<Session> {
  const session = await newSession();
  const { call, page } = session;
  await call('importInstrument', { definitionJson: JSON.stringify(structuredInstrument()) });
  const network = await call('createNetwork', { name: 'Dementienetwerk Zuid' });
  await call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: CO, version: 1 }] });
  await page.goto(session.harness.url);
  await page.getByRole('button', { name: 'Netwerk Dementienetwerk Zuid openen' }).click();
  await page.getByRole('button', { name: action }).click();
  return session;
}

describe('the paper questionnaire and paper entry of such a questionnaire', () => {
  it('prints tick boxes for multiple choice, the required marker and when to answer a follow-up', async () => {
    const session = await researcherOnStructuredWave('Papieren vragenlijst afdrukken voor meting T0');
    const { page } = session;
    const form = page.getByTestId('paper-form');
    await form.waitFor();
    expect(await testIdText(page, 'pf-required-explanation')).toBe('Vragen met een * zijn verplicht.');
    expect(await form.locator('.pf-consent').innerText()).toContain('Vragen met een * moeten beantwoord zijn');
    // 1 (role) and 3 (ways of contact) are required, 2 (the other role) is not.
    expect(await page.getByTestId('pf-required-1').count()).toBe(1);
    expect(await page.getByTestId('pf-required-2').count()).toBe(0);
    expect(await page.getByTestId('pf-required-3').count()).toBe(1);
    expect(await testIdText(page, 'pf-condition-2')).toBe('Alleen invullen als u bij vraag 1 ‘Anders’ koos.');
    expect(await testIdText(page, 'pf-condition-4')).toBe('Alleen invullen als u bij vraag 3 ‘Beveiligde app’ aankruiste.');
    // Question 3 as a list of tick boxes, each with its code, "Geen van deze" among them.
    const channels = page.getByTestId('pf-question-3');
    expect(await channels.getAttribute('data-type')).toBe('multiple');
    expect(await channels.locator('.pf-option').allTextContents()).toEqual(['Telefoon 1', 'E-mail 2', 'Overleg 3', 'Beveiligde app 4', 'Geen van deze 9']);
    await form.screenshot({ path: '/tmp/netwerkspiegel-question-rules-paper-form.png' });
    expect(session.problems).toEqual([]);
  });

  it('takes the ticked codes of a multiple-choice cell in any order, refuses unknown ones by cell, and warns about a skipped question answered and a required one left open', async () => {
    const session = await researcherOnStructuredWave('Papier invoeren voor meting T0');
    const { page } = session;
    await page.getByTestId('paper-grid').waitFor();
    await page.getByTestId('paper-code-1').fill('P-001');
    await page.keyboard.press('Tab');
    const cell = (itemId: string) => page.getByTestId(`paper-cell-1-${itemId}`);
    const saved = (itemId: string) => expect.poll(() => cell(itemId).getAttribute('data-state'), { message: `${itemId} saved` }).toBe('saved');

    // Role 1 (Zorgverlener), yet the form has the other role filled in: kept, with a warning.
    await cell('co_rol').press('1');
    await saved('co_rol');
    await cell('co_rol_anders').fill('Buurtcoach');
    await cell('co_rol_anders').press('Tab');
    await saved('co_rol_anders');
    await expect
      .poll(() => testIdText(page, 'paper-warnings'))
      .toBe('respondent P-001: Vraag 2 hoeft volgens vraag 1 niet te worden ingevuld, maar staat op papier wel ingevuld. Het antwoord wordt bewaard, maar telt niet mee.');

    // 5 is no option of question 3: refused in this cell, the typing stays to be put right.
    await cell('co_kanalen').fill('1 5');
    await cell('co_kanalen').press('Tab');
    await expect.poll(() => cell('co_kanalen').getAttribute('data-state')).toBe('error');
    expect(await testIdText(page, 'paper-errors')).toBe(
      "Vraag 3, respondent P-001: ‘1,5’ past niet bij deze vraag. Typ de aangekruiste antwoorden, gescheiden door spaties of komma's; kies uit 1 tot en met 4 of 9 (Geen van deze).",
    );
    expect(await cell('co_kanalen').inputValue()).toBe('1 5');
    // In any order, with spaces: stored and shown as "1,4".
    await cell('co_kanalen').fill('4 1');
    await cell('co_kanalen').press('Tab');
    await saved('co_kanalen');
    expect(await cell('co_kanalen').inputValue()).toBe('1,4');
    expect(await testIdText(page, 'paper-errors')).toBe('');

    // Statements 5 and 6 answered, the app statement (4, shown since "Beveiligde app" is ticked) left open.
    await cell('co_01').press('4');
    await saved('co_01');
    await cell('co_02').press('5');
    await saved('co_02');
    await page.getByTestId('paper-complete-1').click();
    await page.getByTestId('paper-status-1').waitFor();
    await expect.poll(() => testIdText(page, 'paper-warnings')).toContain('respondent P-001: Vraag 4 is verplicht maar is op papier niet ingevuld.');
    await page.screenshot({ path: '/tmp/netwerkspiegel-question-rules-paper-grid.png', fullPage: true });
    await expectAccessible(page, 'paper grid with warnings');

    expect(session.db.prepare('SELECT status FROM responses').pluck().all()).toEqual(['complete']);
    expect(stored(session)).toEqual({ co_rol: 1, co_rol_anders: 'Buurtcoach', co_kanalen: '1,4', co_01: 4, co_02: 5 });
    expect(session.problems).toEqual([]);
  });
});

describe("the researcher's questionnaire form of such a questionnaire", () => {
  it('hides the follow-ups until their condition is met, and refuses to submit with the required questions left open, named', async () => {
    const session = await researcherOnStructuredWave('Vragenlijst invullen voor meting T0');
    const { page } = session;
    await page.getByLabel('Respondentcode').fill('F-001');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByTestId('response-form').waitFor();
    expect(await item(page, 'co_rol_anders').count()).toBe(0);
    expect(await item(page, 'co_app').count()).toBe(0);
    // Four questions shown and none answered: the hidden follow-ups are not counted.
    expect(await testIdText(page, 'progress-text')).toBe('0 van 4 vragen beantwoord');

    await page.getByTestId('submit').click();
    expect(await testIdText(page, 'submit-error')).toBe('De vragen 1, 3, 5 en 6 zijn verplicht en nog niet beantwoord. Beantwoord die vragen en lever dan in.');
    expect(await focusedItem(page)).toBe('item-co_rol');
    expect(await testIdText(page, 'required-co_kanalen')).toBe('Deze vraag is verplicht.');
    await expectAccessible(page, 'researcher form with required questions left open');

    await radio(page, 'co_rol', 'Anders').check();
    await item(page, 'co_rol_anders').waitFor();
    await checkbox(page, 'co_kanalen', 'Beveiligde app').check();
    await item(page, 'co_app').waitFor();
    await radio(page, 'co_01', 'Eens').check();
    await radio(page, 'co_02', 'Eens').check();
    await expect.poll(() => stored(session)).toEqual({ co_rol: 3, co_kanalen: '4', co_01: 4, co_02: 4 });
    await page.getByTestId('submit').click();
    expect(await testIdText(page, 'submit-error')).toBe('Vraag 4 is verplicht en nog niet beantwoord. Beantwoord die vraag en lever dan in.');
    expect(await focusedItem(page)).toBe('item-co_app');
    await radio(page, 'co_app', 'Oneens').check();
    await page.getByTestId('submit').click();
    await page.getByText('De antwoorden van F-001 zijn ingeleverd en opgeslagen.').waitFor();
    expect(session.db.prepare('SELECT status FROM responses').pluck().all()).toEqual(['complete']);
    expect(stored(session)).toEqual({ co_rol: 3, co_kanalen: '4', co_app: 2, co_01: 4, co_02: 4 });
    expect(session.problems).toEqual([]);
  });
});
