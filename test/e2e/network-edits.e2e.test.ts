import { describe, expect, it } from 'vitest';
import { expectAccessible, textOf, useE2eSessions } from './support/harness';

/**
 * Correcting a wave on the network page: *Wijzigen* renames it, *Sluiten* closes it (its ways in,
 * the form, kiosk mode and paper entry, disappear, and the main process refuses paper entry), and
 * *Heropenen* brings them back. The database file is read after each step.
 */

const KS = 'kansrijke-samenwerking';
const NETWORK = 'Dementie Twente';
const { newSession } = useE2eSessions();

describe('Wijzigen, Sluiten and Heropenen of a wave', () => {
  it('renames a wave, closes it so nothing can start on it, and reopens it', async () => {
    const session = await newSession();
    const { page, db } = session;
    const network = await session.call('createNetwork', { name: NETWORK });
    await session.call('addOrganisation', { networkId: network.id, name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: 'ge100' });
    const huisarts = await session.call('addOrganisation', { networkId: network.id, name: 'Huisartsen Centrum', sector: 'huisartsenzorg', sizeClass: null });
    await session.call('updateOrganisation', { organisationId: huisarts.id, name: 'Huisartsen Centrum', sector: 'huisartsenzorg', sizeClass: null, joinedOn: '2025-09-01', leftOn: null, expectedParticipants: 8 });
    const wave = await session.call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: '2026-03-01', instruments: [{ instrumentId: KS, version: 1 }] });
    const label = () => db.prepare('SELECT label, planned_date AS plannedDate, status FROM waves WHERE id = ?').get(wave.id);

    await page.goto(session.harness.url);
    await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
    await page.getByTestId('wave-list').waitFor();

    // --- Rename ---------------------------------------------------------------------------------
    await page.getByRole('button', { name: 'Wijzigen: meting T0' }).click();
    const form = page.getByTestId(`wave-edit-form-${wave.id}`);
    // A label another wave has would be refused; here the form sends a new one.
    await form.getByLabel('Naam').fill('Nulmeting');
    await form.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByTestId('wave-Nulmeting').waitFor();
    expect(label()).toEqual({ label: 'Nulmeting', plannedDate: '2026-03-01', status: 'open' });
    await page.screenshot({ path: '/tmp/netwerkspiegel-corrections-open.png', fullPage: true });

    // --- Close: the ways in disappear, and paper entry is refused by the main process ---------------
    const card = page.getByTestId('wave-Nulmeting');
    expect(await card.getByRole('button', { name: 'Papier invoeren voor meting Nulmeting' }).count()).toBe(1);
    await page.getByRole('button', { name: /^Sluiten: meting Nulmeting/ }).click();
    await page.getByTestId(`wave-closed-${wave.id}`).waitFor();
    expect(label()).toMatchObject({ status: 'closed' });
    expect(await textOf(card.locator('.card-meta'))).toContain('gesloten');
    expect(await card.getByRole('button', { name: 'Papier invoeren voor meting Nulmeting' }).count()).toBe(0);
    expect(await card.getByRole('button', { name: 'Vragenlijst invullen voor meting Nulmeting' }).count()).toBe(0);
    expect(await card.getByTestId(`kiosk-wave-${wave.id}`).count()).toBe(0);
    const refused = await page.evaluate(
      (waveId) =>
        (window as unknown as { api: { startResponse: (input: unknown) => Promise<unknown> } }).api.startResponse({ waveId, respondentCode: 'ABC123', organisationId: null, mode: 'paper' }),
      wave.id,
    );
    expect(refused).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Meting Nulmeting is gesloten. Open de meting opnieuw of kies een andere.' } });
    expect(db.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(0);
    await page.screenshot({ path: '/tmp/netwerkspiegel-corrections-closed.png', fullPage: true });
    await expectAccessible(page, 'network page with a closed wave');

    // --- Reopen --------------------------------------------------------------------------------
    await page.getByRole('button', { name: /^Heropenen: meting Nulmeting/ }).click();
    await card.getByRole('button', { name: 'Papier invoeren voor meting Nulmeting' }).waitFor();
    expect(label()).toMatchObject({ status: 'open' });
    expect(await page.getByTestId(`wave-closed-${wave.id}`).count()).toBe(0);
    // The organisation table says who joined when and how many are expected.
    expect(await textOf(page.getByTestId('organisation-Huisartsen Centrum'))).toContain('8 verwacht');
  });
});
