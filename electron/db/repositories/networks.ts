import type { CodePolicy, InstrumentRef, KioskStop, Network, NetworkSummary, Organisation, Sector, SizeClass, Wave, WaveKind } from '../../../shared/domain';
import type { Db } from '../open';
import { orderWaves } from '../../../shared/waves';
import { insertNewRow, prepared } from '../prepared';

const networkColumns = `id, name, description, min_group_size AS minGroupSize, created_at AS createdAt,
  consent_nl AS consentNl, consent_en AS consentEn, code_policy AS codePolicy, idle_seconds AS idleSeconds, kiosk_stop AS kioskStop`;

export function insertNetwork(db: Db, deviceId: string, input: { name: string; description: string | null; kioskStop?: KioskStop }, now: string): Network {
  const columns = { name: input.name, description: input.description, ...(input.kioskStop ? { kiosk_stop: input.kioskStop } : {}) };
  const id = insertNewRow(db, 'networks', columns, { now, deviceId });
  return getNetwork(db, id)!;
}

export function getNetwork(db: Db, id: string): Network | undefined {
  return prepared(db, `SELECT ${networkColumns} FROM networks WHERE id = ?`).get(id) as Network | undefined;
}

export function updateNetworkSettings(
  db: Db,
  input: { networkId: string; consentNl: string | null; consentEn: string | null; codePolicy: CodePolicy; idleSeconds: number; minGroupSize: number; kioskStop?: KioskStop },
  now: string,
): void {
  // Without a kiosk stop choice the network keeps the one it has.
  prepared(db, 
    `UPDATE networks SET consent_nl = ?, consent_en = ?, code_policy = ?, idle_seconds = ?, min_group_size = ?, kiosk_stop = coalesce(?, kiosk_stop), updated_at = ? WHERE id = ?`,
  ).run(input.consentNl, input.consentEn, input.codePolicy, input.idleSeconds, input.minGroupSize, input.kioskStop ?? null, now, input.networkId);
}

export function listNetworks(db: Db): NetworkSummary[] {
  return prepared(db, 
      `SELECT ${networkColumns},
        (SELECT count(*) FROM organisations o WHERE o.network_id = n.id) AS organisationCount,
        (SELECT count(*) FROM waves w WHERE w.network_id = n.id AND w.occasion_id IS NULL) AS waveCount
       FROM networks n ORDER BY name COLLATE NOCASE, created_at`,
    )
    .all() as NetworkSummary[];
}

export function insertOrganisation(
  db: Db,
  deviceId: string,
  input: { networkId: string; name: string; sector: Sector; sizeClass: SizeClass | null },
  now: string,
): Organisation {
  const id = insertNewRow(db, 'organisations', { network_id: input.networkId, name: input.name, sector: input.sector, size_class: input.sizeClass }, { now, deviceId });
  return findOrganisation(db, id)!;
}

const organisationColumns = `id, network_id AS networkId, name, sector, size_class AS sizeClass, joined_on AS joinedOn, left_on AS leftOn,
  expected_participants AS expectedParticipants, archived_at IS NOT NULL AS archived,
  (EXISTS (SELECT 1 FROM responses r WHERE r.organisation_id = o.id) OR EXISTS (SELECT 1 FROM respondents p WHERE p.organisation_id = o.id)
   OR EXISTS (SELECT 1 FROM relation_answers ra WHERE ra.organisation_id = o.id)) AS inUse`;

type OrganisationRow = Omit<Organisation, 'archived' | 'inUse'> & { archived: 0 | 1; inUse: 0 | 1 };
const organisationOf = (row: OrganisationRow): Organisation => ({ ...row, archived: row.archived === 1, inUse: row.inUse === 1 });

export function listOrganisations(db: Db, networkId: string): Organisation[] {
  return (prepared(db, `SELECT ${organisationColumns} FROM organisations o WHERE network_id = ? ORDER BY name COLLATE NOCASE`).all(networkId) as OrganisationRow[]).map(organisationOf);
}

export function findOrganisation(db: Db, id: string): Organisation | undefined {
  const row = prepared(db, `SELECT ${organisationColumns} FROM organisations o WHERE id = ?`).get(id) as OrganisationRow | undefined;
  return row && organisationOf(row);
}

/** A correction of an organisation; the device that made it is recorded with the moment, for merging laptops. */
export function updateOrganisation(
  db: Db,
  deviceId: string,
  input: { organisationId: string; name: string; sector: Sector; sizeClass: SizeClass | null; joinedOn: string | null; leftOn: string | null; expectedParticipants: number | null },
  now: string,
): void {
  prepared(
    db,
    'UPDATE organisations SET name = ?, sector = ?, size_class = ?, joined_on = ?, left_on = ?, expected_participants = ?, updated_at = ?, device_id = ? WHERE id = ?',
  ).run(input.name, input.sector, input.sizeClass, input.joinedOn, input.leftOn, input.expectedParticipants, now, deviceId, input.organisationId);
}

export function setOrganisationArchived(db: Db, deviceId: string, organisationId: string, archived: boolean, now: string): void {
  prepared(db, 'UPDATE organisations SET archived_at = ?, updated_at = ?, device_id = ? WHERE id = ?').run(archived ? now : null, now, deviceId, organisationId);
}

export function deleteOrganisation(db: Db, organisationId: string): void {
  prepared(db, 'DELETE FROM organisations WHERE id = ?').run(organisationId);
}

export function updateNetwork(db: Db, deviceId: string, input: { networkId: string; name: string; description: string | null }, now: string): void {
  prepared(db, 'UPDATE networks SET name = ?, description = ?, updated_at = ?, device_id = ? WHERE id = ?').run(input.name, input.description, now, deviceId, input.networkId);
}

/** Another network already has this name (case aside). */
export function networkNameTaken(db: Db, name: string, exceptId: string): boolean {
  return !!prepared(db, 'SELECT 1 FROM networks WHERE name = ? COLLATE NOCASE AND id <> ?').get(name, exceptId);
}

export function updateWave(db: Db, deviceId: string, input: { waveId: string; label: string; plannedDate: string | null }, now: string): void {
  prepared(db, 'UPDATE waves SET label = ?, planned_date = ?, updated_at = ?, device_id = ? WHERE id = ?').run(input.label, input.plannedDate, now, deviceId, input.waveId);
}

export function setWaveStatus(db: Db, deviceId: string, waveId: string, status: 'open' | 'closed', now: string): void {
  prepared(db, 'UPDATE waves SET status = ?, updated_at = ?, device_id = ? WHERE id = ?').run(status, now, deviceId, waveId);
}

/** The network has an organisation of this name (case aside), other than `exceptId`. */
export function organisationNameTaken(db: Db, networkId: string, name: string, exceptId = ''): boolean {
  return !!prepared(db, 'SELECT 1 FROM organisations WHERE network_id = ? AND name = ? COLLATE NOCASE AND id <> ?').get(networkId, name, exceptId);
}

/** The network has a wave of this label (case aside), other than `exceptId`. */
export function waveLabelTaken(db: Db, networkId: string, label: string, exceptId = ''): boolean {
  return !!prepared(db, 'SELECT 1 FROM waves WHERE network_id = ? AND label = ? COLLATE NOCASE AND id <> ?').get(networkId, label, exceptId);
}

export function insertWave(
  db: Db,
  deviceId: string,
  input: { networkId: string; label: string; kind: WaveKind; plannedDate: string | null; instruments: InstrumentRef[] },
  now: string,
): Wave {
  const id = insertNewRow(db, 'waves', { network_id: input.networkId, label: input.label, kind: input.kind, planned_date: input.plannedDate }, { now, deviceId });
  const link = prepared(db, 'INSERT INTO wave_instruments (wave_id, instrument_id, instrument_version, position) VALUES (?, ?, ?, ?)');
  input.instruments.forEach((ref, i) => link.run(id, ref.instrumentId, ref.version, i));
  return getWave(db, id)!;
}

interface WaveRow {
  id: string;
  networkId: string;
  label: string;
  kind: WaveKind;
  plannedDate: string | null;
  status: 'open' | 'closed';
}

const waveColumns = 'id, network_id AS networkId, label, kind, planned_date AS plannedDate, status';

function withInstruments(db: Db, row: WaveRow): Wave {
  const instruments = prepared(db, 'SELECT instrument_id AS instrumentId, instrument_version AS version FROM wave_instruments WHERE wave_id = ? ORDER BY position')
    .all(row.id) as InstrumentRef[];
  return { ...row, instruments };
}

export function getWave(db: Db, id: string): Wave | undefined {
  const row = prepared(db, `SELECT ${waveColumns} FROM waves WHERE id = ?`).get(id) as WaveRow | undefined;
  return row && withInstruments(db, row);
}

/**
 * The network's measurement waves (T0, T1, T2, interim) in time order (shared/waves.ts: planned
 * date, then T0 < T1 < T2 < interim). The before and after waves of occasions (each MDO) are not
 * among them: they are listed with their occasion (repositories/occasions.ts).
 */
export function listWaves(db: Db, networkId: string): Wave[] {
  return wavesInOrder(db, networkId, 'AND occasion_id IS NULL');
}

/** The before and after waves of the network's occasions (each MDO), in time order. */
export function listOccasionWaves(db: Db, networkId: string): Wave[] {
  return wavesInOrder(db, networkId, 'AND occasion_id IS NOT NULL');
}

/** Every wave of the network, occasion waves too (exports), in time order. */
export function listWavesWithOccasionWaves(db: Db, networkId: string): Wave[] {
  return wavesInOrder(db, networkId, '');
}

function wavesInOrder(db: Db, networkId: string, filter: '' | 'AND occasion_id IS NULL' | 'AND occasion_id IS NOT NULL'): Wave[] {
  // Before ahead of after when an occasion's two waves tie on date and creation.
  const rows = prepared(db, `SELECT ${waveColumns}, created_at AS createdAt FROM waves WHERE network_id = ? ${filter} ORDER BY occasion_moment = 'after'`).all(networkId) as (WaveRow & { createdAt: string })[];
  return orderWaves(rows).map(({ createdAt: _createdAt, ...r }) => withInstruments(db, r));
}
