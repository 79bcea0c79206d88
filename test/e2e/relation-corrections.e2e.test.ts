import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, testIdText, useE2eSessions } from './support/harness';

/**
 * Correcting an answer about a partner organisation of a submitted questionnaire, in the built
 * renderer in Chromium against the real services: the correction form shows the relation grid with
 * the submitted answers; the changed choice is stored only when the correction is sent, and the
 * relation answers and the audit log are read back from SQLite.
 */

const { newSession } = useE2eSessions();
const PA = 'partnernetwerk';
const row = (page: Page, itemId: string, organisationName: string) => page.locator(`[data-testid^="item-${itemId}-"][data-organisation="${organisationName}"]`);

describe('correcting an answer about a partner organisation', () => {
  it('shows the stored answers in the grid, changes one with a reason, and logs which organisation changed', async () => {
    const session = await newSession();
    const { page, call } = session;
    const network = await call('createNetwork', { name: 'Wijknetwerk Zuid' });
    const org = (name: string) => call('addOrganisation', { networkId: network.id, name, sector: 'zorg', sizeClass: null });
    const own = await org('Thuiszorg Zuid');
    const welzijn = await org('Welzijn Zuid');
    const wave = await call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: PA, version: 1 }] });
    const response = await call('startResponse', { waveId: wave.id, respondentCode: 'R-001', organisationId: own.id, mode: 'form' });
    await call('saveRelationAnswer', { responseId: response.id, instrumentId: PA, itemId: 'pa_frequentie', organisationId: welzijn.id, value: 4 });
    await call('saveRelationAnswer', { responseId: response.id, instrumentId: PA, itemId: 'pa_vertrouwen', organisationId: welzijn.id, value: 3 });
    await call('completeResponse', { responseId: response.id });
    const stored = () =>
      session.db.prepare('SELECT item_id AS itemId, value FROM relation_answers WHERE response_id = ? ORDER BY item_id').all(response.id);

    await page.goto(session.harness.url);
    await page.getByRole('button', { name: 'Netwerk Wijknetwerk Zuid openen' }).click();
    await page.getByRole('button', { name: 'Ingevulde vragenlijsten van meting T0' }).click();
    await page.getByRole('button', { name: 'Corrigeren: ingeleverde vragenlijst van R-001' }).click();
    await page.getByTestId('correction-form').waitFor();
    expect(await row(page, 'pa_frequentie', 'Welzijn Zuid').getByRole('radio', { name: 'Wekelijks', exact: true }).isChecked()).toBe(true);
    expect(await row(page, 'pa_vertrouwen', 'Welzijn Zuid').getByRole('radio', { name: 'Redelijk', exact: true }).isChecked()).toBe(true);
    // Nothing is said to be saved in a correction before it is sent.
    expect(await page.getByTestId('correction-form').getByText('Opgeslagen', { exact: true }).count()).toBe(0);

    await row(page, 'pa_vertrouwen', 'Welzijn Zuid').getByRole('radio', { name: 'Heel erg', exact: true }).check();
    expect(await testIdText(page, 'correction-changed')).toBe('1 antwoord veranderd.');
    // Nothing is stored before the correction is sent.
    expect(stored()).toEqual([
      { itemId: 'pa_frequentie', value: 4 },
      { itemId: 'pa_vertrouwen', value: 3 },
    ]);
    await page.getByLabel('Reden van de correctie').fill('Respondent belde: vertrouwt Welzijn heel erg');
    await expectAccessible(page, 'relation grid in a correction');
    await page.screenshot({ path: '/tmp/netwerkspiegel-relation-correction.png', fullPage: true });
    await page.getByTestId('correction-submit').click();
    expect(await testIdText(page, 'correction-status')).toBe('De correctie van de vragenlijst van R-001 is opgeslagen.');
    expect(stored()).toEqual([
      { itemId: 'pa_frequentie', value: 4 },
      { itemId: 'pa_vertrouwen', value: 4 },
    ]);
    const logged = session.db.prepare("SELECT details FROM audit_log WHERE action = 'response.corrected'").pluck().get() as string;
    expect(JSON.parse(logged)).toMatchObject({
      correctionReason: 'Respondent belde: vertrouwt Welzijn heel erg',
      changes: [{ itemId: 'pa_vertrouwen', organisationId: welzijn.id, organisationName: 'Welzijn Zuid', old: 3, new: 4 }],
    });
    expect(session.problems).toEqual([]);
  });
});
