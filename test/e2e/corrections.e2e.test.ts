import { describe, expect, it } from 'vitest';
import { axeViolations, testIdText, useE2eSessions, type Session } from './support/harness';

/**
 * Correcting a submitted questionnaire in the built renderer in Chromium against the real services:
 * from the list of questionnaires, and a completed paper row from the paper entry screen. The
 * answers and the audit log are read back from SQLite.
 */

const { newSession } = useE2eSessions();
const KS = 'kansrijke-samenwerking';
const NETWORK = 'Dementie Twente';

async function submittedQuestionnaire(session: Session, code: string, mode: 'form' | 'paper') {
  const network = await session.call('createNetwork', { name: NETWORK });
  const wave = await session.call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  const r = await session.call('startResponse', { waveId: wave.id, respondentCode: code, organisationId: null, mode });
  await session.call('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_amb_01', value: 4, text: null });
  await session.call('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_amb_02', value: 2, text: null });
  await session.call('completeResponse', { responseId: r.id });
  return { network, wave, response: r };
}

const answersOf = (session: Session, responseId: string) =>
  session.db.prepare('SELECT item_id AS itemId, value FROM answers WHERE response_id = ? ORDER BY item_id').all(responseId);

describe('correcting a submitted questionnaire', () => {
  it('reopens a submitted questionnaire with a reason, changes an answer and hands it in again', async () => {
    const session = await newSession();
    const { page } = session;
    const { response } = await submittedQuestionnaire(session, 'R-001', 'form');
    await page.goto(session.harness.url);
    await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
    await page.getByRole('button', { name: 'Ingevulde vragenlijsten van meting T0' }).click();
    await page.getByRole('button', { name: 'Corrigeren: ingeleverde vragenlijst van R-001' }).click();
    const form = page.getByTestId('correction-form');
    await form.waitFor();
    const radio = (itemId: string, name: string) => page.getByTestId(`item-${itemId}`).getByRole('radio', { name, exact: true });
    expect(await radio('ks_amb_01', 'Eens').isChecked()).toBe(true);

    // Without a reason the main process refuses, and nothing changes.
    await radio('ks_amb_01', 'Oneens').click();
    expect(await testIdText(page, 'correction-changed')).toBe('1 antwoord veranderd.');
    await page.getByTestId('correction-submit').click();
    expect(await testIdText(page, 'correction-error')).toMatch(/reden/i);
    expect(answersOf(session, response.id)).toEqual([
      { itemId: 'ks_amb_01', value: 4 },
      { itemId: 'ks_amb_02', value: 2 },
    ]);

    await page.getByLabel('Reden van de correctie').fill('Respondent belde: bedoelde oneens');
    await page.screenshot({ path: '/tmp/netwerkspiegel-correction.png', fullPage: true });
    const axe = await axeViolations(page);
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);
    await page.getByTestId('correction-submit').click();
    expect(await testIdText(page, 'correction-status')).toBe('De correctie van de vragenlijst van R-001 is opgeslagen.');
    expect(answersOf(session, response.id)).toEqual([
      { itemId: 'ks_amb_01', value: 2 },
      { itemId: 'ks_amb_02', value: 2 },
    ]);
    expect(session.db.prepare("SELECT status FROM responses WHERE id = ?").get(response.id)).toEqual({ status: 'complete' });
    const logged = session.db.prepare("SELECT details FROM audit_log WHERE action = 'response.corrected'").pluck().get() as string;
    expect(JSON.parse(logged)).toMatchObject({ correctionReason: 'Respondent belde: bedoelde oneens', changes: [{ itemId: 'ks_amb_01', old: 4, new: 2 }] });
    await page.screenshot({ path: '/tmp/netwerkspiegel-responses-corrected.png', fullPage: true });
    expect(session.problems).toEqual([]);
  });

  it('reopens a completed paper row from the paper entry screen', async () => {
    const session = await newSession();
    const { page } = session;
    const { response } = await submittedQuestionnaire(session, 'P-001', 'paper');
    await page.goto(session.harness.url);
    await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
    await page.getByRole('button', { name: 'Papier invoeren voor meting T0' }).click();
    await page.getByTestId('paper-correction-row-P-001').waitFor();
    await page.screenshot({ path: '/tmp/netwerkspiegel-paper-corrections.png', fullPage: true });
    await page.getByRole('button', { name: 'Corrigeren: ingeleverde vragenlijst van P-001' }).click();
    await page.getByTestId('correction-form').waitFor();
    await page.getByLabel('Reden van de correctie').fill('Overtypfout: op papier staat 5');
    await page.getByTestId('item-ks_amb_02').getByRole('radio', { name: 'Helemaal eens', exact: true }).click();
    await page.getByTestId('correction-submit').click();
    expect(await testIdText(page, 'paper-correction-status')).toBe('De correctie van de vragenlijst van P-001 is opgeslagen.');
    expect(answersOf(session, response.id)).toEqual([
      { itemId: 'ks_amb_01', value: 4 },
      { itemId: 'ks_amb_02', value: 5 },
    ]);
    const axe = await axeViolations(page);
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
