import { describe, expect, it } from 'vitest';
import { answersFor, KS } from '../support/results-study';
import { expectAccessible, textOf, type Session, useE2eSessions } from './support/harness';

/**
 * Correcting a network and its partner organisations on the network page: *Wijzigen* of the
 * network (a name another network has is refused in Dutch and changes nothing), *Wijzigen* of an
 * organisation, *Archiveren* of one with a submitted questionnaire (no longer offered when a
 * questionnaire starts) and *Terugzetten*, and *Verwijderen* of one nobody answered for (gone, and
 * written in the removal register). The database file is read after each step.
 */

const NETWORK = 'Dementie Twente';
const OTHER = 'Jeugdnetwerk Hengelo';
const { newSession } = useE2eSessions();

async function openNetwork({ page, harness }: Session, name: string): Promise<void> {
  await page.goto(harness.url);
  await page.getByRole('button', { name: `Netwerk ${name} openen` }).click();
  await page.getByTestId('organisation-table').waitFor();
}

describe('Wijzigen, Archiveren, Terugzetten and Verwijderen of a network and its organisations', () => {
  it('renames a network and changes its description, and refuses the name of another network', async () => {
    const session = await newSession();
    const { page, db } = session;
    const network = await session.call('createNetwork', { name: NETWORK });
    await session.call('createNetwork', { name: OTHER });
    await session.call('addOrganisation', { networkId: network.id, name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: 'ge100' });
    const row = () => db.prepare('SELECT name, description FROM networks WHERE id = ?').get(network.id);
    await openNetwork(session, NETWORK);

    await page.getByRole('button', { name: `Wijzigen: naam en beschrijving van netwerk ${NETWORK}` }).click();
    const form = page.getByTestId('network-edit-form');
    await form.getByLabel('Naam van het netwerk').fill('Dementienetwerk Twente-Oost');
    await form.getByLabel('Beschrijving').fill('Zorg en welzijn rond mensen met dementie in Oost-Twente.');
    await form.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dementienetwerk Twente-Oost' }).waitFor();
    // The h1 carries the kicker "Netwerk" before the name.
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Netwerk Dementienetwerk Twente-Oost');
    expect(await form.count()).toBe(0);
    expect(await textOf(page.locator('p.lead'))).toBe('Zorg en welzijn rond mensen met dementie in Oost-Twente.');
    expect(row()).toEqual({ name: 'Dementienetwerk Twente-Oost', description: 'Zorg en welzijn rond mensen met dementie in Oost-Twente.' });

    // The name of the other network: a Dutch sentence in the form, and nothing written.
    await page.getByRole('button', { name: 'Wijzigen: naam en beschrijving van netwerk Dementienetwerk Twente-Oost' }).click();
    await form.getByLabel('Naam van het netwerk').fill(OTHER);
    await form.getByLabel('Beschrijving').fill('');
    await form.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await textOf(alert)).toBe(`Er is al een netwerk met de naam "${OTHER}". Kies een andere naam; er is niets gewijzigd.`);
    expect(row()).toEqual({ name: 'Dementienetwerk Twente-Oost', description: 'Zorg en welzijn rond mensen met dementie in Oost-Twente.' });
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Netwerk Dementienetwerk Twente-Oost');
    expect(db.prepare('SELECT count(*) FROM networks WHERE name = ?').pluck().get(OTHER)).toBe(1);
  });

  it('corrects an organisation: name, sector, expected participants and date joined, with the form passing axe', async () => {
    const session = await newSession();
    const { page, db } = session;
    const network = await session.call('createNetwork', { name: NETWORK });
    const org = await session.call('addOrganisation', { networkId: network.id, name: 'Welzijn West', sector: 'welzijn', sizeClass: 'lt100' });
    await openNetwork(session, NETWORK);

    await page.getByRole('button', { name: 'Wijzigen: organisatie Welzijn West' }).click();
    const form = page.getByTestId(`organisation-edit-form-${org.id}`);
    await form.getByLabel('Naam').fill('Welzijn West-Twente');
    await form.getByLabel('Sector').selectOption({ label: 'Gemeente' });
    await form.getByLabel('Toegetreden op').fill('2025-09-01');
    await form.getByLabel('Verwacht aantal deelnemers').fill('6');
    await expectAccessible(page, 'network page with an organisation being corrected');
    await page.screenshot({ path: '/tmp/netwerkspiegel-organisation-edit-form.png', fullPage: true });
    await form.getByRole('button', { name: 'Wijzigingen opslaan' }).click();

    const tableRow = page.getByTestId('organisation-Welzijn West-Twente');
    await tableRow.waitFor();
    expect(await tableRow.locator('th, td').evaluateAll((cells) => cells.slice(0, 4).map((c) => (c.textContent ?? '').trim()))).toEqual([
      'Welzijn West-Twente',
      'Gemeente',
      'minder dan 100 fte',
      'sinds 1 september 2025 · 6 verwacht',
    ]);
    expect(await page.getByTestId('organisation-Welzijn West').count()).toBe(0);
    expect(
      db.prepare('SELECT name, sector, size_class AS sizeClass, joined_on AS joinedOn, left_on AS leftOn, expected_participants AS expected, archived_at AS archivedAt FROM organisations WHERE id = ?').get(org.id),
    ).toEqual({ name: 'Welzijn West-Twente', sector: 'gemeente', sizeClass: 'lt100', joinedOn: '2025-09-01', leftOn: null, expected: 6, archivedAt: null });
  });

  it('archives an organisation with a submitted questionnaire so it is no longer offered, restores it, and removes one without any', async () => {
    const session = await newSession();
    const { page, db } = session;
    const network = await session.call('createNetwork', { name: NETWORK });
    const wave = await session.call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: '2026-03-01', instruments: [{ instrumentId: KS, version: 1 }] });
    const thuiszorg = await session.call('addOrganisation', { networkId: network.id, name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: 'ge100' });
    const ziekenhuis = await session.call('addOrganisation', { networkId: network.id, name: 'Ziekenhuis Midden', sector: 'ziekenhuis', sizeClass: 'ge100' });
    const response = await session.call('startResponse', { waveId: wave.id, respondentCode: 'R-001', organisationId: thuiszorg.id, mode: 'form' });
    for (const [itemId, value] of Object.entries(answersFor(3))) await session.call('saveAnswer', { responseId: response.id, instrumentId: KS, itemId, value, text: null });
    await session.call('completeResponse', { responseId: response.id });
    const archivedAt = () => db.prepare('SELECT archived_at FROM organisations WHERE id = ?').pluck().get(thuiszorg.id);
    const offered = async () => {
      await page.getByRole('button', { name: 'Vragenlijst invullen voor meting T0' }).click();
      await page.getByTestId('start-form').waitFor();
      const choices = await page.getByTestId('start-form').getByLabel('Organisatie').locator('option').allTextContents();
      await page.getByRole('button', { name: 'Terug naar het netwerk' }).click();
      await page.getByTestId('organisation-table').waitFor();
      return choices.map((c) => c.trim());
    };
    await openNetwork(session, NETWORK);
    expect(await offered()).toEqual(['Geen of onbekend', 'Thuiszorg Oost', 'Ziekenhuis Midden']);

    // --- Archiveren: with a submitted questionnaire it cannot be removed, only archived -----------
    expect(await page.getByRole('button', { name: 'Verwijderen: organisatie Thuiszorg Oost' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Archiveren: organisatie Thuiszorg Oost' }).click();
    await page.getByRole('button', { name: 'Terugzetten: organisatie Thuiszorg Oost' }).waitFor();
    expect(await textOf(page.getByTestId('organisation-Thuiszorg Oost').locator('td').nth(2))).toBe('gearchiveerd');
    expect(archivedAt()).toEqual(expect.any(String));
    expect(await offered()).toEqual(['Geen of onbekend', 'Ziekenhuis Midden']);
    // The submitted questionnaire keeps its organisation.
    expect(db.prepare('SELECT organisation_id FROM responses WHERE id = ?').pluck().get(response.id)).toBe(thuiszorg.id);

    // --- Terugzetten -------------------------------------------------------------------------------
    await page.getByRole('button', { name: 'Terugzetten: organisatie Thuiszorg Oost' }).click();
    await page.getByRole('button', { name: 'Archiveren: organisatie Thuiszorg Oost' }).waitFor();
    expect(await textOf(page.getByTestId('organisation-Thuiszorg Oost').locator('td').nth(2))).toBe('–');
    expect(archivedAt()).toBeNull();
    expect(await offered()).toEqual(['Geen of onbekend', 'Thuiszorg Oost', 'Ziekenhuis Midden']);

    // --- Verwijderen: nobody answered for it, so it goes, and the removal register keeps its id ------
    await page.getByRole('button', { name: 'Verwijderen: organisatie Ziekenhuis Midden' }).click();
    await page.getByTestId('organisation-Ziekenhuis Midden').waitFor({ state: 'detached' });
    expect(await page.getByTestId('organisation-table').locator('tbody tr').count()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM organisations WHERE id = ?').pluck().get(ziekenhuis.id)).toBe(0);
    expect(db.prepare('SELECT id, network_id AS networkId FROM removed_organisations').all()).toEqual([{ id: ziekenhuis.id, networkId: network.id }]);
    expect(db.prepare('SELECT count(*) FROM organisations WHERE id = ?').pluck().get(thuiszorg.id)).toBe(1);
  });
});
