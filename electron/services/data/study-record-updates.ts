import { holdingVersion } from '../../../shared/later-change';
import type { RecordConflict, StudyData } from '../../../shared/study';
import type { Db } from '../../db/open';
import { prepared } from '../../db/prepared';
import { appendAudit } from '../../db/repositories/audit';
import type { StudyFileProblems } from './study-file-problems';

/**
 * Networks, partner organisations and waves corrected on two laptops. A row this laptop already
 * has (same id) but that the file has otherwise is not skipped: the later change holds, at the
 * same moment the one from the smaller device id (shared/later-change.ts, the rule link decisions
 * follow), and the row here takes the file's version, with its moment and device, when that one
 * holds. Merged in any order, every laptop ends with the same row. What a row's parents are (its
 * network, a wave's kind and instruments) never changes; only what a researcher can correct.
 */

/** What a study file may change in a row this laptop has, per table. */
const CHANGEABLE = {
  networks: ['name', 'description', 'min_group_size', 'consent_nl', 'consent_en', 'code_policy', 'idle_seconds', 'kiosk_stop'],
  organisations: ['name', 'sector', 'size_class', 'joined_on', 'left_on', 'expected_participants', 'archived_at'],
  waves: ['label', 'planned_date', 'status'],
} as const;
type RecordTable = keyof typeof CHANGEABLE;
const KIND = { networks: 'network', organisations: 'organisation', waves: 'wave' } as const;
/** The column that names a row of each table, and that must stay unique in a network (networks aside). */
const NAME = { networks: 'name', organisations: 'name', waves: 'label' } as const;

type RowValues = Record<string, unknown> & { id: string; updated_at: string; device_id: string };

export interface PlannedRecordUpdate {
  table: RecordTable;
  /** The file's row: it holds, and replaces the changeable columns here. */
  row: RowValues;
  /** The name here before the import, for the audit log. */
  localName: string;
}

export interface RecordUpdatePlan {
  updates: PlannedRecordUpdate[];
  conflicts: RecordConflict[];
}

const columns = (table: RecordTable) => [...CHANGEABLE[table], 'updated_at', 'device_id'];

function localRow(db: Db, table: RecordTable, id: string): RowValues | undefined {
  const parent = table === 'networks' ? 'id AS network_id' : 'network_id';
  return prepared(db, `SELECT id, ${parent}, ${columns(table).join(', ')} FROM ${table} WHERE id = ?`).get(id) as RowValues | undefined;
}

function nameTaken(db: Db, table: 'organisations' | 'waves', networkId: string, name: string, exceptId: string): boolean {
  return !!prepared(db, `SELECT 1 FROM ${table} WHERE network_id = ? AND ${NAME[table]} = ? COLLATE NOCASE AND id <> ?`).get(networkId, name, exceptId);
}

/**
 * The rows of the file this laptop has in another version, and which version holds. A name the
 * file's version would give that another organisation or wave of the network has here is a problem
 * (the database keeps names unique in a network).
 */
export function planRecordUpdates(db: Db, data: StudyData, problems: StudyFileProblems): RecordUpdatePlan {
  const plan: RecordUpdatePlan = { updates: [], conflicts: [] };
  const networkNames = new Map(data.networks.map((n) => [n.id, n.name]));
  for (const table of Object.keys(CHANGEABLE) as RecordTable[]) {
    for (const incoming of data[table] as unknown as RowValues[]) {
      const local = localRow(db, table, incoming.id);
      if (!local) continue;
      if (CHANGEABLE[table].every((c) => (local[c] ?? null) === (incoming[c] ?? null))) continue;
      const holds = holdingVersion({ at: local.updated_at, deviceId: local.device_id }, { at: incoming.updated_at, deviceId: incoming.device_id });
      const name = (row: RowValues) => String(row[NAME[table]]);
      const networkId = String(local['network_id']);
      plan.conflicts.push({
        kind: KIND[table],
        networkName: networkNames.get(networkId) ?? name(local),
        local: { name: name(local), updatedAt: local.updated_at, deviceId: local.device_id },
        incoming: { name: name(incoming), updatedAt: incoming.updated_at, deviceId: incoming.device_id },
        holds,
      });
      if (holds === 'local') continue;
      if (table !== 'networks' && nameTaken(db, table, networkId, name(incoming), incoming.id)) {
        problems.add('renamedToTakenName', `"${name(incoming)}" in netwerk ${networkNames.get(networkId) ?? ''}`);
      }
      plan.updates.push({ table, row: incoming, localName: name(local) });
    }
  }
  return plan;
}

/** Writes the versions of the file that hold, each with an audit entry naming the old and new name. */
export function applyRecordUpdates(db: Db, deviceId: string, updates: readonly PlannedRecordUpdate[], now: string): void {
  for (const { table, row, localName } of updates) {
    const cols = columns(table);
    prepared(db, `UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => row[c] ?? null), row.id);
    const name = String(row[NAME[table]]);
    appendAudit(
      db,
      deviceId,
      { action: `${KIND[table]}.updated_from_study`, entity: KIND[table], entityId: row.id, details: localName === name ? { sourceDevice: row.device_id } : { from: localName, to: name, sourceDevice: row.device_id } },
      now,
    );
  }
}
