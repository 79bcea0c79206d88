import { z } from 'zod';
import { CODE_POLICIES, RESPONSE_MODES, SECTORS, SIZE_CLASSES, WAVE_KINDS, type ResponseMode, type ResponseStatus } from './domain';

/**
 * Backups, study files (merging laptops), the audit log and erasure: the shapes the API returns
 * and the schema of a study file. The renderer imports types from here only (this module holds
 * zod schemas); the main process validates every study file against `studyFile`.
 *
 * A study file is one JSON document (see docs/decisions/2026-11-23-backups-and-study-files.md):
 *   { format, formatVersion, manifest, checksum: { algorithm: 'sha256', value }, data }
 * where `value` is the SHA-256 of JSON.stringify({ manifest, data }). Every row keeps its UUID and
 * the id of the device that wrote it; column names are the database's own.
 */

export const STUDY_FILE_FORMAT = 'netwerkspiegel-studiebestand';
/**
 * 2 added `link_decisions` (a researcher's decisions on near matches of self-made codes). A version-1
 * file is still read, as one without decisions; an app that knows only version 1 refuses a version-2
 * file as made by a newer app, rather than as a file with an unknown field.
 */
export const STUDY_FILE_VERSION = 2;
/** File extension of a study file (its content is JSON). */
export const STUDY_FILE_EXTENSION = 'nwstudie';
/** The largest study file accepted, in characters: far above what a few networks produce (~1 MB per 1000 responses). */
export const STUDY_FILE_MAX_CHARS = 25_000_000;

// --- What the API returns ------------------------------------------------------------------------

/** Why a backup was made; part of its file name, in Dutch. */
export type BackupReason = 'start' | 'dagelijks' | 'handmatig' | 'voor-import' | 'voor-herstel' | `voor-migratie-v${number}`;

export interface BackupInfo {
  /** File name inside the backups folder; the only way the renderer names a backup. */
  name: string;
  createdAt: string;
  reason: BackupReason;
  bytes: number;
  /** Made before (or at) the latest erasure, so it may still hold erased data. */
  beforeErasure: boolean;
}

export interface BackupList {
  folder: string;
  keep: number;
  backups: BackupInfo[];
  /** When the latest erasure happened (from this database's erasure register), or null. */
  lastErasureAt: string | null;
  /** A restore was interrupted (the app was closed or crashed during it); found at this start of the app. */
  interruptedRestore: InterruptedRestore | null;
}

export interface InterruptedRestore {
  /** When this start of the app found what the interrupted restore left behind. */
  foundAt: string;
  /** The backup that was being restored, when known. Nothing of it was put back. */
  backupName: string | null;
}

export interface RestoreResult {
  restored: BackupInfo;
  /** The copy of the database as it was just before the restore. */
  safetyBackup: BackupInfo;
  /**
   * Respondents the restore brought back: erased on another laptop, the erasure came in with a
   * study file imported after the backup was made (docs/decisions/2026-12-01-restore.md).
   */
  broughtBack: number;
}

export interface DataSettings {
  /** Shown in the audit log as who did something on this laptop; null when not set. */
  researcherName: string | null;
  /** How many backups are kept; older ones are removed automatically. */
  backupKeep: number;
  backupFolder: string;
  lastBackupAt: string | null;
  deviceId: string;
}

export interface AuditEntryView {
  id: string;
  at: string;
  deviceId: string;
  /** Written on this laptop (as opposed to imported from a study file). */
  thisDevice: boolean;
  actor: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: string | null;
}

export interface AuditPage {
  total: number;
  entries: AuditEntryView[];
}

export type StudyExportResult = { cancelled: true } | { cancelled: false; filePath: string; networks: number; responses: number };

export interface TableCount {
  added: number;
  skipped: number;
}

export const MERGE_TABLES = ['networks', 'organisations', 'instruments', 'waves', 'respondents', 'responses', 'answers', 'linkDecisions', 'auditLog', 'erasures'] as const;
export type MergeTable = (typeof MERGE_TABLES)[number];

export interface AnswerVersion {
  instrumentId: string;
  itemId: string;
  value: number | null;
  text: string | null;
}

export interface ResponseVersion {
  status: ResponseStatus;
  mode: ResponseMode;
  organisationName: string | null;
  startedAt: string;
  completedAt: string | null;
  /** The latest change to the response or one of its answers, and the device it was made on. */
  updatedAt: string;
  deviceId: string;
  answers: AnswerVersion[];
}

export interface AnswerDifference {
  instrumentId: string;
  itemId: string;
  local: number | string | null;
  incoming: number | string | null;
}

export type MergeChoice = 'local' | 'incoming' | 'both';

/**
 * Something the user decides: the same response edited on two laptops (`conflict`), or the same
 * respondent code used by two people in one wave (`duplicate`). Nothing is overwritten without a
 * choice.
 */
export interface MergeConflict {
  kind: 'conflict' | 'duplicate';
  /** The response's id in the study file; decisions name it. */
  incomingResponseId: string;
  localResponseId: string;
  networkName: string;
  waveLabel: string;
  respondentCode: string;
  local: ResponseVersion;
  incoming: ResponseVersion;
  /** The items whose answer differs (missing on one side counts as different). */
  differences: AnswerDifference[];
  choices: MergeChoice[];
  /** In the report of an import: what was chosen. */
  decision?: MergeChoice;
  /** With "both": the code the incoming person got (the local person keeps the original). */
  newRespondentCode?: string;
}

/** One side of a pair of respondents decided differently on two laptops. */
export interface LinkDecisionVersion {
  decision: 'accepted' | 'rejected';
  decidedAt: string;
  deviceId: string;
}

/**
 * The same near match of self-made codes decided differently here and in the file. Nobody is asked:
 * the later decision holds (at the same moment, the one from the smaller device id), so every
 * laptop ends up with the same one; both stay recorded.
 */
export interface LinkDecisionConflict {
  networkName: string;
  baselineCode: string;
  followUpCode: string;
  /** The decision that held here before the import. */
  local: LinkDecisionVersion;
  incoming: LinkDecisionVersion;
  holds: 'local' | 'incoming';
}

export interface StudyFileInfo {
  createdAt: string;
  appVersion: string;
  deviceId: string;
  researcher: string | null;
  networks: { id: string; name: string }[];
  checksum: string;
}

export interface MergeReport {
  file: StudyFileInfo;
  counts: Record<MergeTable, TableCount>;
  /** Incoming rows matched to an existing row by name, label or code (set up twice on two laptops). */
  matched: { organisations: number; waves: number; respondents: number };
  /** Responses that only grew on the other laptop (nothing local is lost) and were brought up to date. */
  updatedResponses: number;
  /** Incoming rows not imported because they were erased on this laptop. */
  erasedSkipped: number;
  /** Local rows erased because the study file records their erasure on another laptop. */
  erasuresApplied: number;
  conflicts: MergeConflict[];
  /** Near matches decided differently here and in the file, and which decision holds (see LinkDecisionConflict). */
  linkConflicts: LinkDecisionConflict[];
  /** Conflicts decided at an earlier import of the same content, decided the same way again. */
  decidedEarlier: number;
  /** Import only: the backup taken just before. */
  backup: string | null;
  /** True when the import changed nothing (the same file imported again). */
  nothingChanged: boolean;
}

export interface ErasurePreview {
  networkName: string;
  respondentCode: string;
  responses: { waveLabel: string; status: ResponseStatus }[];
}

export interface ErasureResult {
  erasedResponses: number;
  /** Backups that still hold the erased data; the user may remove them. */
  backupsBeforeErasure: BackupInfo[];
}

// --- The study file ------------------------------------------------------------------------------

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Dit is geen geldige id');
const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/, 'Dit is geen geldig tijdstip');
const text = (max: number) => z.string().max(max);
const rows = <T extends z.ZodType>(row: T, max: number) => z.array(row).max(max, `Te veel rijen (hoogstens ${max})`);

export const studyNetworkRow = z.strictObject({
  id: uuid,
  name: z.string().min(1).max(120),
  description: text(2000).nullable(),
  min_group_size: z.number().int().min(1).max(100),
  created_at: timestamp,
  updated_at: timestamp,
  device_id: uuid,
  consent_nl: text(8000).nullable(),
  consent_en: text(8000).nullable(),
  code_policy: z.enum(CODE_POLICIES),
  idle_seconds: z.number().int().min(30).max(3600),
});

export const studyOrganisationRow = z.strictObject({
  id: uuid,
  network_id: uuid,
  name: z.string().min(1).max(120),
  sector: z.enum(SECTORS),
  size_class: z.enum(SIZE_CLASSES).nullable(),
  created_at: timestamp,
  updated_at: timestamp,
  device_id: uuid,
});

export const studyInstrumentRow = z.strictObject({
  instrument_id: z.string().min(1).max(64),
  version: z.number().int().min(1),
  /** The definition as JSON text, checked against the instrument schema on import. */
  definition: z.string().min(2).max(1_000_000),
  built_in: z.union([z.literal(0), z.literal(1)]),
  frozen_at: timestamp.nullable(),
  created_at: timestamp,
  device_id: uuid,
});

export const studyWaveRow = z.strictObject({
  id: uuid,
  network_id: uuid,
  label: z.string().min(1).max(40),
  kind: z.enum(WAVE_KINDS),
  planned_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  status: z.enum(['open', 'closed']),
  created_at: timestamp,
  updated_at: timestamp,
  device_id: uuid,
});

export const studyWaveInstrumentRow = z.strictObject({
  wave_id: uuid,
  instrument_id: z.string().min(1).max(64),
  instrument_version: z.number().int().min(1),
  position: z.number().int().min(0).max(100),
});

export const studyRespondentRow = z.strictObject({
  id: uuid,
  network_id: uuid,
  code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,15}$/, 'Een respondentcode heeft 3 tot 16 letters, cijfers of streepjes'),
  code_kind: z.enum(['free', 'assigned', 'self']),
  organisation_id: uuid.nullable(),
  role_group: text(120).nullable(),
  discipline: text(120).nullable(),
  created_at: timestamp,
  updated_at: timestamp,
  device_id: uuid,
});

export const studyResponseRow = z
  .strictObject({
    id: uuid,
    respondent_id: uuid,
    wave_id: uuid,
    status: z.enum(['in_progress', 'complete']),
    mode: z.enum(RESPONSE_MODES),
    started_at: timestamp,
    completed_at: timestamp.nullable(),
    updated_at: timestamp,
    device_id: uuid,
    consent_at: timestamp.nullable(),
    language: z.enum(['nl', 'en']),
    organisation_id: uuid.nullable(),
  })
  .refine((r) => (r.status === 'complete') === (r.completed_at !== null), { message: 'Status en tijdstip van inleveren passen niet bij elkaar' });

export const studyAnswerRow = z
  .strictObject({
    id: uuid,
    response_id: uuid,
    instrument_id: z.string().min(1).max(64),
    instrument_version: z.number().int().min(1),
    item_id: z.string().min(1).max(32),
    value: z.number().int().min(-99).max(999).nullable(),
    text: text(4000).nullable(),
    updated_at: timestamp,
    device_id: uuid,
  })
  .refine((a) => a.value !== null || a.text !== null, { message: 'Een antwoord zonder waarde' });

export const studyAuditRow = z.strictObject({
  id: uuid,
  at: timestamp,
  device_id: uuid,
  actor: text(80).nullable(),
  action: z.string().min(1).max(64),
  entity: z.string().min(1).max(64),
  entity_id: text(200).nullable(),
  details: text(4000).nullable(),
});

/** An erasure carried to other laptops: only the ids of the erased rows, never a code. */
export const studyErasureRow = z.strictObject({
  id: uuid,
  kind: z.enum(['respondent', 'response']),
  network_id: uuid,
  erased_at: timestamp,
  device_id: uuid,
});

/** A researcher's decision on a near match of self-made codes: two respondent ids, never codes. */
export const studyLinkDecisionRow = z
  .strictObject({
    id: uuid,
    network_id: uuid,
    baseline_respondent_id: uuid,
    follow_up_respondent_id: uuid,
    decision: z.enum(['accepted', 'rejected']),
    decided_at: timestamp,
    device_id: uuid,
  })
  .refine((d) => d.baseline_respondent_id !== d.follow_up_respondent_id, { message: 'Een koppelbesluit over één en dezelfde respondent' });

export const studyData = z.strictObject({
  networks: rows(studyNetworkRow, 1_000),
  organisations: rows(studyOrganisationRow, 20_000),
  instruments: rows(studyInstrumentRow, 500),
  waves: rows(studyWaveRow, 10_000),
  wave_instruments: rows(studyWaveInstrumentRow, 50_000),
  respondents: rows(studyRespondentRow, 200_000),
  responses: rows(studyResponseRow, 200_000),
  answers: rows(studyAnswerRow, 2_000_000),
  audit_log: rows(studyAuditRow, 1_000_000),
  erasures: rows(studyErasureRow, 200_000),
  link_decisions: rows(studyLinkDecisionRow, 200_000),
});
export type StudyData = z.infer<typeof studyData>;

export const studyManifest = z.strictObject({
  createdAt: timestamp,
  appVersion: z.string().min(1).max(40),
  schemaVersion: z.number().int().min(1),
  deviceId: uuid,
  researcher: text(80).nullable(),
  networks: z.array(z.strictObject({ id: uuid, name: z.string().min(1).max(120) })).max(1_000),
});
export type StudyManifest = z.infer<typeof studyManifest>;

export const studyFile = z.strictObject({
  format: z.literal(STUDY_FILE_FORMAT),
  formatVersion: z.literal(STUDY_FILE_VERSION),
  manifest: studyManifest,
  checksum: z.strictObject({ algorithm: z.literal('sha256'), value: z.string().regex(/^[0-9a-f]{64}$/) }),
  data: studyData,
});
export type StudyFile = z.infer<typeof studyFile>;

/** Keys that would reach an object's prototype if a careless reader merged them; a study file never has them. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
