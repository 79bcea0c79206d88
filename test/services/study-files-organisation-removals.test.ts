import { describe, expect, it } from 'vitest';
import { studyChecksum } from '../../electron/services/data/study-files';
import type { StudyFile } from '../../shared/study';
import { studyFileOf, useServices, type Laptop } from '../support/services';

/**
 * A partner organisation removed on one laptop travels in study files: merged in any order, on any
 * laptop, it does not come back; one that responses name on another laptop stays there, and the
 * preview says so.
 */

const open = useServices();
const KS = 'kansrijke-samenwerking';

const importFile = (s: Laptop, content: string) => s.ok('importStudyFile', { content, decisions: [] });

/** The organisations and the register of removals, every column, in id order. */
function organisationsOf(s: Laptop) {
  return {
    organisations: s.db.prepare('SELECT * FROM organisations ORDER BY id').all(),
    removed: s.db.prepare('SELECT * FROM removed_organisations ORDER BY id').all(),
  };
}
/** A study file changed by hand, with its checksum made right again (as if a laptop had written it). */
async function edited(s: Laptop, networkId: string, change: (data: Record<string, unknown[]>) => void): Promise<string> {
  const file = JSON.parse(await studyFileOf(s, [networkId])) as StudyFile;
  change(file.data as unknown as Record<string, unknown[]>);
  file.checksum.value = studyChecksum(file.manifest, file.data);
  return JSON.stringify(file);
}

const deviceOf = (s: Laptop) => s.services.deviceId;

const names = (s: Laptop) => (s.db.prepare('SELECT name FROM organisations ORDER BY name').all() as { name: string }[]).map((o) => o.name);

/** Laptop A sets up a network with two partners and a wave, and hands copies to B, C and D. */
async function fourLaptops() {
  const [a, b, c, d] = [open(), open(), open(), open()];
  const network = await a.ok('createNetwork', { name: 'Dementie Twente' });
  const thuiszorg = await a.ok('addOrganisation', { networkId: network.id, name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: 'ge100' });
  const welzijn = await a.ok('addOrganisation', { networkId: network.id, name: 'Welzijn West', sector: 'welzijn', sizeClass: 'lt100' });
  const wave = await a.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  const base = await studyFileOf(a, [network.id]);
  for (const laptop of [b, c, d]) await importFile(laptop, base);
  return { a, b, c, d, network, thuiszorg, welzijn, wave };
}

describe('an organisation removed on one laptop', () => {
  it('stays away after merging in both orders, on both laptops and on two others', async () => {
    const { a, b, c, d, network, welzijn } = await fourLaptops();
    await a.ok('removeOrganisation', { organisationId: welzijn.id });
    expect(names(a)).toEqual(['Thuiszorg Oost']);
    expect(a.db.prepare('SELECT id, network_id AS networkId FROM removed_organisations').all()).toEqual([{ id: welzijn.id, networkId: network.id }]);
    const fileA = await studyFileOf(a, [network.id]);
    const fileB = await studyFileOf(b, [network.id]);

    // B still has Welzijn West, without responses: A's file removes it there, and says so.
    const onB = await b.ok('previewStudyFile', { content: fileA });
    expect(onB.organisationsRemoved).toEqual(['Welzijn West']);
    expect(onB.removedOrganisationsKept).toEqual([]);
    expect(onB.counts.organisationRemovals).toEqual({ added: 1, skipped: 0 });
    expect(onB.nothingChanged).toBe(false);
    // A gets B's copy of Welzijn West: not added back.
    const onA = await a.ok('previewStudyFile', { content: fileB });
    expect(onA.removedOrganisationsSkipped).toBe(1);
    expect(onA.counts.organisations).toEqual({ added: 0, skipped: 2 });
    expect(onA.organisationsRemoved).toEqual([]);

    await importFile(b, fileA);
    await importFile(a, fileB);
    await importFile(c, fileA);
    await importFile(c, fileB);
    await importFile(d, fileB);
    await importFile(d, fileA);

    for (const laptop of [a, b, c, d]) expect(names(laptop)).toEqual(['Thuiszorg Oost']);
    const onEveryLaptop = organisationsOf(a);
    for (const laptop of [b, c, d]) expect(organisationsOf(laptop)).toEqual(onEveryLaptop);
    // B logged the removal with the name, as removeOrganisation does.
    expect(b.db.prepare("SELECT entity_id AS entityId, details FROM audit_log WHERE action = 'organisation.removed' AND device_id = ?").all(deviceOf(b))).toEqual([
      { entityId: network.id, details: JSON.stringify({ from: 'Welzijn West' }) },
    ]);

    // B's file again, now that both agree: no organisation comes or goes (only B's log entries are new).
    const again = await a.ok('previewStudyFile', { content: await studyFileOf(b, [network.id]) });
    expect([again.counts.organisations.added, again.counts.organisationRemovals.added, again.organisationsRemoved, again.removedOrganisationsSkipped]).toEqual([0, 0, [], 0]);
  });

  it('stays on a laptop where a questionnaire names it, and comes back with that questionnaire; the preview says so', async () => {
    const { a, b, network, welzijn, wave } = await fourLaptops();
    await a.ok('removeOrganisation', { organisationId: welzijn.id });
    // Meanwhile on B someone of Welzijn West starts a questionnaire.
    await b.ok('startResponse', { waveId: wave.id, respondentCode: 'W01', organisationId: welzijn.id, mode: 'paper' });
    const fileA = await studyFileOf(a, [network.id]);
    const fileB = await studyFileOf(b, [network.id]);

    const onB = await b.ok('previewStudyFile', { content: fileA });
    expect(onB.organisationsRemoved).toEqual([]);
    expect(onB.removedOrganisationsKept).toEqual(['Welzijn West']);
    await importFile(b, fileA);
    expect(names(b)).toEqual(['Thuiszorg Oost', 'Welzijn West']);

    // On A the organisation comes back with the questionnaire that names it: never a response without its organisation.
    const onA = await a.ok('previewStudyFile', { content: fileB });
    expect(onA.removedOrganisationsKept).toEqual(['Welzijn West']);
    expect(onA.removedOrganisationsSkipped).toBe(0);
    await importFile(a, fileB);
    expect(names(a)).toEqual(['Thuiszorg Oost', 'Welzijn West']);
    expect(a.db.prepare('SELECT organisation_id AS organisationId FROM responses').all()).toEqual([{ organisationId: welzijn.id }]);
    expect(organisationsOf(a)).toEqual(organisationsOf(b));
  });

  it('reads a file from before the register (no removed_organisations section) as one without removals', async () => {
    const { a, b, network } = await fourLaptops();
    const file = await edited(a, network.id, (data) => delete data['removed_organisations']);
    const report = await b.ok('previewStudyFile', { content: file });
    expect(report.counts.organisationRemovals).toEqual({ added: 0, skipped: 0 });
    expect(report.nothingChanged).toBe(true);
  });

  it('refuses a removal of an organisation of a network the file does not carry, and changes nothing', async () => {
    const { a, b, network, thuiszorg } = await fourLaptops();
    const other = await b.ok('createNetwork', { name: 'Palliatief West' });
    const file = await edited(a, network.id, (data) =>
      data.removed_organisations!.push({ id: thuiszorg.id, network_id: other.id, removed_at: '2026-11-30T10:00:00.000Z', device_id: deviceOf(a) }),
    );
    const before = organisationsOf(b);
    const refusal = await b.call('previewStudyFile', { content: file });
    expect(refusal.ok).toBe(false);
    if (!refusal.ok) expect(refusal.error.message).toContain('verwijderde organisatie buiten de netwerken van dit bestand');
    expect(organisationsOf(b)).toEqual(before);
  });
});
