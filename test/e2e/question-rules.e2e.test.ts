import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { structuredInstrument } from '../support/structured-instrument';
import { expectAccessible, testIdText, type Session, useE2eSessions } from './support/harness';
import { heading, item, PIN, radio, toCode, waitWelcome } from './support/kiosk';

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

async function kioskOnStructuredWave(session: Session) {
  const { call, page } = session;
  await call('importInstrument', { definitionJson: JSON.stringify(structuredInstrument()) });
  const network = await call('createNetwork', { name: 'Dementienetwerk Zuid' });
  const wave = await call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: CO, version: 1 }] });
  await call('setResearcherPin', { pin: PIN, currentPin: null });
  await call('startKiosk', { waveId: wave.id, pin: PIN });
  await page.goto(session.harness.url);
  await waitWelcome(page);
  await toCode(page);
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
