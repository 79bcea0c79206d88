import { z } from 'zod';
import { contract, respondentCode } from './contract';
import type { ResponseMode, ResponseStatus } from './domain';
import { variableName } from './instruments/schema';
import { OCCASION_MOMENTS } from './occasions';
import { refusingControlCharacters } from './text-rules';

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
  /**
   * What the entry is about, looked up when the log is read (the log holds ids only): the network,
   * the wave's label, the organisation's name; null when not known here.
   */
  networkId: string | null;
  networkName: string | null;
  waveLabel: string | null;
  organisationName: string | null;
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

export const MERGE_TABLES = ['networks', 'organisations', 'instruments', 'waves', 'occasions', 'respondents', 'responses', 'answers', 'linkDecisions', 'auditLog', 'erasures', 'discards', 'organisationRemovals'] as const;
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

/** A questionnaire as this laptop and a study file each have it, and the answers in which they differ. */
interface TwoVersions {
  networkName: string;
  waveLabel: string;
  respondentCode: string;
  local: ResponseVersion;
  incoming: ResponseVersion;
  /** The items whose answer differs (missing on one side counts as different). */
  differences: AnswerDifference[];
}

/**
 * Something the user decides: the same response edited on two laptops (`conflict`), or the same
 * respondent code used by two people in one wave (`duplicate`). Nothing is overwritten without a
 * choice.
 */
export interface MergeConflict extends TwoVersions {
  kind: 'conflict' | 'duplicate';
  /** The response's id in the study file; decisions name it. */
  incomingResponseId: string;
  localResponseId: string;
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

/** One side of a network, organisation or wave changed on two laptops: its name or label then, and when and where it was changed. */
export interface RecordVersion {
  name: string;
  updatedAt: string;
  deviceId: string;
}

/**
 * A network, partner organisation or wave changed both here and in the file. Nobody is asked: the
 * later change holds (at the same moment, the one from the smaller device id; shared/later-change.ts),
 * so every laptop ends up with the same one.
 */
export interface RecordConflict {
  kind: 'network' | 'organisation' | 'wave';
  networkName: string;
  local: RecordVersion;
  incoming: RecordVersion;
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
  /**
   * Preview only: the respondents this laptop would erase because the file records their erasure
   * (only of the networks the file carries). The import needs `confirmErasures` for them. The
   * codes are shown here, to the researcher, and written nowhere.
   */
  plannedErasures?: PlannedErasure[];
  conflicts: MergeConflict[];
  /** Submitted questionnaires corrected here or in the file, and which version holds (see CorrectionConflict). */
  correctionConflicts: CorrectionConflict[];
  /** Unfinished responses in the file not imported because they were thrown away (here or on the laptop the file comes from). */
  discardedSkipped: number;
  /** Unfinished responses here thrown away because the file records that they were thrown away on another laptop. */
  discardsApplied: number;
  /**
   * Responses thrown away on one laptop while another completed its copy: the submitted version is
   * kept (a submitted questionnaire is never thrown away silently; erasure is the way to remove it).
   */
  discardedButSubmitted: number;
  /** Organisations in the file not added because they were removed (here or on the laptop the file comes from). */
  removedOrganisationsSkipped: number;
  /** Organisations here removed because the file records that they were removed on another laptop (their names). */
  organisationsRemoved: string[];
  /**
   * Organisations removed on another laptop that stay here because responses or respondents here (or
   * arriving with the file) name them (their names). They can be archived here instead.
   */
  removedOrganisationsKept: string[];
  /** Near matches decided differently here and in the file, and which decision holds (see LinkDecisionConflict). */
  linkConflicts: LinkDecisionConflict[];
  /** Networks, organisations and waves changed here and in the file, and which change holds (see RecordConflict). */
  recordConflicts: RecordConflict[];
  /** Networks, organisations and waves here brought up to the file's later change. */
  updatedRecords: number;
  /** Conflicts decided at an earlier import of the same content, decided the same way again. */
  decidedEarlier: number;
  /** Import only: the backup taken just before. */
  backup: string | null;
  /** True when the import changed nothing (the same file imported again). */
  nothingChanged: boolean;
}

/**
 * A submitted questionnaire corrected here or in the file: the same submission with other answers.
 * Nobody is asked: the version changed last holds (at the same moment, the one from the smaller
 * device id), so every laptop ends up with the same answers whatever order files arrive in.
 */
export interface CorrectionConflict extends TwoVersions {
  responseId: string;
  holds: 'local' | 'incoming';
}

/** A respondent (or some of their responses) that an import erases on this laptop. */
export interface PlannedErasure {
  networkName: string;
  respondentCode: string;
  /** The waves whose responses go, in the order of the waves. */
  waves: string[];
  /** The respondent goes too (not only some of their responses). */
  wholeRespondent: boolean;
}

/** How far reading, checking or importing a study file is; `running: false` when none runs. */
export type StudyFileProgress =
  | { running: false }
  | { running: true; phase: 'reading' | 'checking' | 'planning' | 'backup' | 'writing'; done: number; total: number };

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

/**
 * The API's own rules for each field (shared/contract.ts), so that a row from a study file passes
 * exactly what the API that creates such a row accepts: names and labels trimmed and bounded, real
 * dates, a minimum group size of at least 3, codes as the app writes them; and no control
 * characters (shared/text-rules.ts, part of each contract field), tabs and line breaks only where a
 * field holds several lines.
 */
const api = {
  networkName: contract.createNetwork.input.shape.name,
  description: contract.createNetwork.input.shape.description.unwrap(),
  consent: contract.updateNetworkSettings.input.shape.consentNl,
  codePolicy: contract.updateNetworkSettings.input.shape.codePolicy,
  idleSeconds: contract.updateNetworkSettings.input.shape.idleSeconds,
  kioskStop: contract.updateNetworkSettings.input.shape.kioskStop.unwrap(),
  minGroupSize: contract.updateNetworkSettings.input.shape.minGroupSize,
  organisationName: contract.addOrganisation.input.shape.name,
  sector: contract.addOrganisation.input.shape.sector,
  sizeClass: contract.addOrganisation.input.shape.sizeClass,
  expectedParticipants: contract.updateOrganisation.input.shape.expectedParticipants,
  waveLabel: contract.createWave.input.shape.label,
  waveKind: contract.createWave.input.shape.kind,
  occasionLabel: contract.createOccasion.input.shape.label,
  isoDate: contract.createWave.input.shape.plannedDate.unwrap(),
  instrumentId: contract.getInstrument.input.shape.instrumentId,
  instrumentVersion: contract.getInstrument.input.shape.version,
  respondentCode: respondentCode,
  mode: contract.startResponse.input.shape.mode,
  language: contract.kioskBegin.input.shape.language,
  answerValue: contract.saveAnswer.input.shape.value,
  answerText: contract.saveAnswer.input.shape.text,
  itemId: variableName,
  researcherName: contract.updateDataSettings.input.shape.researcherName,
  linkDecision: contract.decideLinkProposal.input.shape.decision,
};

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Dit is geen geldige id');
/** A moment as the app writes it (ISO 8601 with a zone), on a date that exists. */
const timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/, 'Dit is geen geldig tijdstip')
  .refine((value) => api.isoDate.safeParse(value.slice(0, 10)).success, 'Deze datum bestaat niet');
/** A text of one line, of at most `max` characters. */
const line = (max: number) => refusingControlCharacters(z.string().max(max));
const rows = <T extends z.ZodType>(row: T, max: number) => z.array(row).max(max, `Te veel rijen (hoogstens ${max})`);
const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

export const studyNetworkRow = z.strictObject({
  id: uuid,
  name: api.networkName,
  description: api.description.nullable(),
  min_group_size: api.minGroupSize,
  created_at: timestamp,
  updated_at: timestamp,
  device_id: uuid,
  consent_nl: api.consent,
  consent_en: api.consent,
  code_policy: api.codePolicy,
  idle_seconds: api.idleSeconds,
  /** Added with schema v6; a file from before it keeps the answers of who stops, as the app then did. */
  kiosk_stop: api.kioskStop.default('keep'),
});

export const studyOrganisationRow = z
  .strictObject({
  id: uuid,
  network_id: uuid,
  name: api.organisationName,
  sector: api.sector,
  size_class: api.sizeClass,
  created_at: timestamp,
  updated_at: timestamp,
  device_id: uuid,
  /** Added with schema v7; a file from before it has none of them: no dates, no number expected, not archived. */
  joined_on: api.isoDate.nullable().default(null),
  left_on: api.isoDate.nullable().default(null),
  expected_participants: api.expectedParticipants.default(null),
  archived_at: timestamp.nullable().default(null),
}).refine((o) => o.joined_on === null || o.left_on === null || o.left_on >= o.joined_on, { message: 'De datum van uittreding ligt vóór de datum van toetreding' });

export const studyInstrumentRow = z.strictObject({
  instrument_id: api.instrumentId,
  version: api.instrumentVersion,
  /** The definition as JSON text, checked against the instrument schema on import. */
  definition: z.string().min(2).max(1_000_000),
  built_in: z.union([z.literal(0), z.literal(1)]),
  frozen_at: timestamp.nullable(),
  created_at: timestamp,
  device_id: uuid,
});

export const studyWaveRow = z
  .strictObject({
    id: uuid,
    network_id: uuid,
    label: api.waveLabel,
    kind: api.waveKind,
    planned_date: api.isoDate.nullable(),
    status: z.enum(['open', 'closed']),
    created_at: timestamp,
    updated_at: timestamp,
    device_id: uuid,
    /** Added with schema v11: the occasion (an MDO) this is the before or after wave of; a file from before it has none. */
    occasion_id: uuid.nullable().default(null),
    occasion_moment: z.enum(OCCASION_MOMENTS).nullable().default(null),
  })
  .refine((w) => (w.occasion_id === null) === (w.occasion_moment === null), { message: 'Een meting van een MDO heeft een MDO en een moment (voor of na), of geen van beide' });

/** An occasion within a wave (an MDO, shared/occasions.ts); its before and after waves point to it. Optional in the file. */
export const studyOccasionRow = z.strictObject({
  id: uuid,
  wave_id: uuid,
  label: api.occasionLabel,
  held_on: api.isoDate.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
  device_id: uuid,
});

export const studyWaveInstrumentRow = z.strictObject({
  wave_id: uuid,
  instrument_id: api.instrumentId,
  instrument_version: api.instrumentVersion,
  position: z.number().int().min(0).max(100),
});

export const studyRespondentRow = z.strictObject({
  id: uuid,
  network_id: uuid,
  code: api.respondentCode,
  code_kind: z.enum(['free', 'assigned', 'self']),
  organisation_id: uuid.nullable(),
  role_group: line(120).nullable(),
  discipline: line(120).nullable(),
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
    mode: api.mode,
    started_at: timestamp,
    completed_at: timestamp.nullable(),
    updated_at: timestamp,
    device_id: uuid,
    consent_at: timestamp.nullable(),
    language: api.language,
    organisation_id: uuid.nullable(),
  })
  .refine((r) => (r.status === 'complete') === (r.completed_at !== null), { message: 'Status en tijdstip van inleveren passen niet bij elkaar' });

export const studyAnswerRow = z
  .strictObject({
    id: uuid,
    response_id: uuid,
    instrument_id: api.instrumentId,
    instrument_version: api.instrumentVersion,
    item_id: api.itemId,
    value: api.answerValue,
    text: api.answerText,
    updated_at: timestamp,
    device_id: uuid,
  })
  .refine((a) => a.value !== null || a.text !== null, { message: 'Een antwoord zonder waarde' });

/**
 * An answer about one partner organisation (a relation item). Optional in the file (files from
 * before relation items have none, read as an empty table); counted with the answers in a merge
 * report, and merged with its response like the answers.
 */
export const studyRelationAnswerRow = z.strictObject({
  id: uuid,
  response_id: uuid,
  instrument_id: api.instrumentId,
  instrument_version: api.instrumentVersion,
  item_id: api.itemId,
  organisation_id: uuid,
  value: api.answerValue.unwrap(),
  updated_at: timestamp,
  device_id: uuid,
});

export const studyAuditRow = z.strictObject({
  id: uuid,
  at: timestamp,
  device_id: uuid,
  actor: api.researcherName,
  action: line(64).min(1),
  entity: line(64).min(1),
  entity_id: line(200).nullable(),
  details: line(4000).refine(isJson, 'Dit is geen geldige JSON').nullable(),
});

/** An erasure carried to other laptops: only the ids of the erased rows, never a code. */
export const studyErasureRow = z.strictObject({
  id: uuid,
  kind: z.enum(['respondent', 'response']),
  network_id: uuid,
  erased_at: timestamp,
  device_id: uuid,
});

/**
 * An unfinished response thrown away on some laptop (`discardResponse`): its id only. Optional in
 * the file (older files have none, read as an empty register).
 */
export const studyDiscardRow = z.strictObject({
  id: uuid,
  network_id: uuid,
  discarded_at: timestamp,
  device_id: uuid,
});

/**
 * A partner organisation removed on some laptop (`removeOrganisation`): its id only. Optional in the
 * file (older files have none, read as an empty register).
 */
export const studyOrganisationRemovalRow = z.strictObject({
  id: uuid,
  network_id: uuid,
  removed_at: timestamp,
  device_id: uuid,
});

/** A researcher's decision on a near match of self-made codes: two respondent ids, never codes. */
export const studyLinkDecisionRow = z
  .strictObject({
    id: uuid,
    network_id: uuid,
    baseline_respondent_id: uuid,
    follow_up_respondent_id: uuid,
    decision: api.linkDecision,
    decided_at: timestamp,
    device_id: uuid,
  })
  .refine((d) => d.baseline_respondent_id !== d.follow_up_respondent_id, { message: 'Een koppelbesluit over één en dezelfde respondent' });

/** Every table of a study file: the schema of one row and the most rows a file may hold. */
export const STUDY_TABLES = {
  networks: [studyNetworkRow, 1_000],
  organisations: [studyOrganisationRow, 20_000],
  instruments: [studyInstrumentRow, 500],
  waves: [studyWaveRow, 10_000],
  wave_instruments: [studyWaveInstrumentRow, 50_000],
  occasions: [studyOccasionRow, 10_000],
  respondents: [studyRespondentRow, 200_000],
  responses: [studyResponseRow, 200_000],
  answers: [studyAnswerRow, 2_000_000],
  audit_log: [studyAuditRow, 1_000_000],
  erasures: [studyErasureRow, 200_000],
  link_decisions: [studyLinkDecisionRow, 200_000],
  discarded_responses: [studyDiscardRow, 200_000],
  removed_organisations: [studyOrganisationRemovalRow, 20_000],
  relation_answers: [studyRelationAnswerRow, 2_000_000],
} as const;
export type StudyTable = keyof typeof STUDY_TABLES;

export const studyData = z.strictObject({
  networks: rows(studyNetworkRow, STUDY_TABLES.networks[1]),
  organisations: rows(studyOrganisationRow, STUDY_TABLES.organisations[1]),
  instruments: rows(studyInstrumentRow, STUDY_TABLES.instruments[1]),
  waves: rows(studyWaveRow, STUDY_TABLES.waves[1]),
  wave_instruments: rows(studyWaveInstrumentRow, STUDY_TABLES.wave_instruments[1]),
  occasions: rows(studyOccasionRow, STUDY_TABLES.occasions[1]),
  respondents: rows(studyRespondentRow, STUDY_TABLES.respondents[1]),
  responses: rows(studyResponseRow, STUDY_TABLES.responses[1]),
  answers: rows(studyAnswerRow, STUDY_TABLES.answers[1]),
  audit_log: rows(studyAuditRow, STUDY_TABLES.audit_log[1]),
  erasures: rows(studyErasureRow, STUDY_TABLES.erasures[1]),
  link_decisions: rows(studyLinkDecisionRow, STUDY_TABLES.link_decisions[1]),
  discarded_responses: rows(studyDiscardRow, STUDY_TABLES.discarded_responses[1]),
  removed_organisations: rows(studyOrganisationRemovalRow, STUDY_TABLES.removed_organisations[1]),
  relation_answers: rows(studyRelationAnswerRow, STUDY_TABLES.relation_answers[1]),
});
export type StudyData = z.infer<typeof studyData>;

/**
 * The data of a study file with its tables' rows left unchecked: every table present (and no other),
 * each a list of at most its number of rows. The rows are checked one by one afterwards
 * (`STUDY_TABLES`), in steps, so a large file does not hold up the app.
 */
export const studyDataTables = z.strictObject(
  Object.fromEntries(Object.entries(STUDY_TABLES).map(([table, [, max]]) => [table, rows(z.unknown(), max)])) as { [K in StudyTable]: z.ZodArray<z.ZodUnknown> },
);

export const studyManifest = z.strictObject({
  createdAt: timestamp,
  appVersion: line(40).min(1),
  schemaVersion: z.number().int().min(1),
  deviceId: uuid,
  researcher: api.researcherName,
  networks: z.array(z.strictObject({ id: uuid, name: api.networkName })).max(1_000),
});
export type StudyManifest = z.infer<typeof studyManifest>;

const studyFileParts = {
  format: z.literal(STUDY_FILE_FORMAT),
  formatVersion: z.literal(STUDY_FILE_VERSION),
  manifest: studyManifest,
  checksum: z.strictObject({ algorithm: z.literal('sha256'), value: z.string().regex(/^[0-9a-f]{64}$/) }),
};

export const studyFile = z.strictObject({ ...studyFileParts, data: studyData });
export type StudyFile = z.infer<typeof studyFile>;

/** A study file up to its tables' rows (see `studyDataTables`). */
export const studyFileOutline = z.strictObject({ ...studyFileParts, data: studyDataTables });

/** Tables a study file may leave out (added after version 2 without a new version): read as empty. */
export const OPTIONAL_STUDY_TABLES: readonly StudyTable[] = ['discarded_responses', 'removed_organisations', 'occasions', 'relation_answers'];

/** Keys that would reach an object's prototype if a careless reader merged them; a study file never has them. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
