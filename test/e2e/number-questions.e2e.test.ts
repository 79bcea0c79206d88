import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Session, useE2eSessions } from './support/harness';
import { heading, item, PIN, waitSaved } from './support/kiosk';

/**
 * A number question with a wide range (0 to 50 years) through the real stack (built renderer in
 * Chromium → window.api shim → HTTP → the real dispatcher and services → a real SQLite file):
 * typed into a field in the researcher's form, in kiosk mode and in paper entry, never drawn as
 * a row of radio buttons; a grade of 1 to 10 keeps its buttons.
 */

const { newSession } = useE2eSessions();
const NETWORK = 'Wijknetwerk Oost';
const INSTRUMENT = 'werkervaring';

const t = (nl: string, en: string) => ({ nl, en });
const werkervaring = {
  id: INSTRUMENT,
  version: 1,
  name: t('Werkervaring', 'Work experience'),
  description: t('Twee vragen over uw werk.', 'Two questions about your work.'),
  attribution: t('Geschreven voor deze test.', 'Written for this test.'),
  licence: t('Vrij te gebruiken.', 'Free to use.'),
  scales: [],
  items: [
    { id: 'jaren', type: 'number', text: t('Hoeveel jaar werkt u in dit netwerk?', 'How many years have you worked in this network?'), label: t('Jaren', 'Years'), min: 0, max: 50 },
    { id: 'cijfer', type: 'number', text: t('Welk cijfer geeft u de samenwerking?', 'What mark do you give the collaboration?'), label: t('Cijfer', 'Mark'), min: 1, max: 10 },
  ],
  subscales: [],
  sections: [{ id: 'over_u', title: t('Over uw werk', 'About your work'), items: ['jaren', 'cijfer'] }],
};

async function setUp(session: Session) {
  await session.call('importInstrument', { definitionJson: JSON.stringify(werkervaring) });
  const network = await session.call('createNetwork', { name: NETWORK });
  const wave = await session.call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: INSTRUMENT, version: 1 }] });
  return { network, wave };
}

/** The instrument and the wave set up, and the network's screen open. */
async function openNetwork(session: Session) {
  await setUp(session);
  await session.page.goto(session.harness.url);
  await session.page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
}

const storedValue = (session: Session, code: string, itemId: string) =>
  (
    session.db
      .prepare('SELECT a.value FROM answers a JOIN responses r ON r.id = a.response_id JOIN respondents p ON p.id = r.respondent_id WHERE p.code = ? AND a.item_id = ?')
      .get(code, itemId) as { value: number } | undefined
  )?.value;

/** The wide question is a field with its range as a hint; the grade keeps its ten buttons. */
async function expectFieldAndButtons(page: Page) {
  const jaren = item(page, 'jaren');
  await jaren.waitFor();
  expect(await jaren.getByRole('radio').count()).toBe(0);
  expect(await jaren.getByRole('textbox').count()).toBe(1);
  expect((await jaren.textContent()) ?? '').toContain('0 tot en met 50');
  expect(await item(page, 'cijfer').getByRole('radio').count()).toBe(10);
}

describe('a number question with a wide range', () => {
  it('is typed in the researcher form; a number outside the range is refused and stays on screen', async () => {
    const session = await newSession();
    const { page } = session;
    await openNetwork(session);
    await page.getByRole('button', { name: 'Vragenlijst invullen voor meting T0' }).click();
    await page.getByLabel('Respondentcode').fill('R-001');
    await page.getByRole('button', { name: 'Start' }).click();
    await expectFieldAndButtons(page);

    const field = item(page, 'jaren').getByRole('textbox', { name: /Hoeveel jaar werkt u in dit netwerk/ });
    await field.fill('12');
    await field.press('Tab');
    await waitSaved(page, 'jaren');
    expect(storedValue(session, 'R-001', 'jaren')).toBe(12);

    await field.fill('51');
    await field.press('Enter');
    const error = page.getByTestId('error-jaren');
    await expect.poll(async () => ((await error.textContent()) ?? '').trim()).toBe('Vul bij vraag jaren een heel getal in van 0 tot en met 50.');
    expect(await field.inputValue()).toBe('51');
    expect(storedValue(session, 'R-001', 'jaren')).toBe(12);
    expect(session.problems.filter((p) => !p.startsWith('http 4'))).toEqual([]);
  });

  it('is typed in kiosk mode, where digits go into the field instead of choosing a button', async () => {
    const session = await newSession();
    const { page } = session;
    const { wave } = await setUp(session);
    await session.call('setResearcherPin', { pin: PIN, currentPin: null });
    await session.call('startKiosk', { waveId: wave.id, pin: PIN });
    await page.goto(session.harness.url);
    await page.getByTestId('kiosk-start').click();
    await page.getByRole('button', { name: 'Ik doe mee', exact: true }).click();
    await page.getByLabel('Uw code').fill('K-001');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await heading(page, 'Over uw werk').waitFor();
    await expectFieldAndButtons(page);

    const field = item(page, 'jaren').getByRole('textbox');
    await field.click();
    await page.keyboard.type('7');
    await page.keyboard.press('Tab');
    await waitSaved(page, 'jaren');
    expect(storedValue(session, 'K-001', 'jaren')).toBe(7);
    // The "7" went into the field: no button of the grade was chosen with it.
    expect(await item(page, 'cijfer').getByRole('radio', { checked: true }).count()).toBe(0);
    expect(storedValue(session, 'K-001', 'cijfer')).toBeUndefined();
    expect(session.problems).toEqual([]);
  });

  it('is saved in paper entry as soon as no further digit can follow, without listing the range', async () => {
    const session = await newSession();
    const { page } = session;
    await openNetwork(session);
    await page.getByRole('button', { name: 'Papier invoeren voor meting T0' }).click();
    await page.getByTestId('paper-grid').waitFor();
    await page.getByTestId('paper-code-1').fill('P-001');
    await page.getByTestId('paper-code-1').press('Tab');
    const cell = page.getByTestId('paper-cell-1-jaren');
    await cell.click();
    // "4" may still become 40–49: it waits. "45" cannot grow (450 > 50): saved at once.
    await page.keyboard.type('4');
    expect(await cell.getAttribute('data-state')).toBe('idle');
    await page.keyboard.type('5');
    await expect.poll(() => cell.getAttribute('data-state')).toBe('saved');
    expect(storedValue(session, 'P-001', 'jaren')).toBe(45);
  });
});
