import type { BackupReason, AuditEntryView } from '../../../../shared/study';
import type { Translate } from '../dashboard/notices';
import { reasonKey, shortDevice } from './format';

/**
 * An audit entry as a sentence people read ("Respondent gewist uit netwerk Dementie Oost"), from
 * its kind, the names the service looked up (network, wave, organisation) and the plain facts in
 * its details. Pure: the sentences are in the locale files (`data.auditSentence`), the short name
 * of each kind in `data.auditKinds` (the filter's list, and the fallback when a sentence lacks a
 * name it needs). A kind this version does not know gets a generic sentence, never JSON.
 */

/** Every kind of entry the app writes or has written. */
export const AUDIT_KINDS = [
  'database.created',
  'database.migrated',
  'network.created',
  'network.settings_changed',
  'organisation.created',
  'wave.created',
  'network.updated',
  'organisation.updated',
  'organisation.archived',
  'organisation.restored',
  'organisation.removed',
  'wave.updated',
  'wave.closed',
  'wave.reopened',
  'occasion.created',
  'occasion.updated',
  'network.updated_from_study',
  'organisation.updated_from_study',
  'wave.updated_from_study',
  'codes.generated',
  'instrument.imported',
  'instrument.created',
  'instrument.changed',
  'export.instrument',
  'response.started',
  'response.resumed',
  'response.completed',
  'response.left_unfinished',
  'response.stopped',
  'response.deleted',
  'response.edited',
  'response.updated_from_study',
  'response.corrected',
  'response.brought_back',
  'respondent.erased',
  'respondent.brought_back',
  'pin.set',
  'kiosk.started',
  'kiosk.ended',
  'meeting.started',
  'meeting.ended',
  'export.study',
  'export.wave',
  'export.results_pdf',
  'export.report',
  'backup.created',
  'backup.restored',
  'backup.restore_interrupted',
  'backups.deleted_after_erasure',
  'settings.data_changed',
  'study.exported',
  'study.imported',
  'study.conflict_decided',
  'study.erasures_applied',
  'study.discards_applied',
  'audit.exported',
  'link.accepted',
  'link.rejected',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const isAuditKind = (action: string): action is AuditKind => (AUDIT_KINDS as readonly string[]).includes(action);

/** The i18n key part of a kind: `response.left_unfinished` → `response_left_unfinished`. */
const auditKindKey = (kind: AuditKind) => kind.replace(/\./g, '_');

/** A kind's short name ("Respondent gewist"), for the filter's list. */
export const auditKindLabel = (kind: AuditKind, translate: Translate) => translate(`data.auditKinds.${auditKindKey(kind)}`);

/** The entry's details as an object; anything that is not a JSON object counts as none. */
function detailsOf(entry: Pick<AuditEntryView, 'details'>): Record<string, unknown> {
  if (!entry.details) return {};
  try {
    const parsed: unknown = JSON.parse(entry.details);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

type Facts = Record<string, string | number>;

/** The plain facts a sentence may name: numbers and short words from the details, translated where they are codes. */
function factsOf(entry: AuditEntryView, details: Record<string, unknown>, translate: Translate): Facts {
  const facts: Facts = {};
  const put = (name: string, value: unknown) => {
    if (typeof value === 'number' && Number.isFinite(value)) facts[name] = value;
    else if (typeof value === 'string' && value !== '') facts[name] = value;
  };
  put('network', entry.networkName);
  put('wave', entry.waveLabel);
  put('organisation', entry.organisationName);
  put('from', details.from);
  put('to', details.to);
  put('networks', details.networks);
  put('responses', details.responses);
  put('rows', details.rows);
  put('keep', details.backupKeep);
  put('backup', details.backup);
  put('started', details.started);
  put('submitted', details.submitted);
  // A count for the plural forms: whatever the entry counts.
  put('count', details.count ?? details.rows ?? details.files);
  if (entry.entity === 'backup') put('backup', entry.entityId);
  if (entry.entity === 'instrument' && entry.entityId) {
    const [id, version] = entry.entityId.split('@');
    put('instrument', translate('data.auditSentence.instrument', { id: id ?? '', version: version ?? '' }));
  }
  if (typeof details.reason === 'string') put('reason', translate(reasonKey(details.reason as BackupReason)));
  if (details.format === 'xlsx' || details.format === 'csv' || details.format === 'docx' || details.format === 'pptx') put('format', translate(`data.auditSentence.format.${details.format}`));
  if (details.mode === 'form' || details.mode === 'kiosk' || details.mode === 'paper' || details.mode === 'meeting') put('mode', translate(`data.auditSentence.mode.${details.mode}`));
  if (details.choice === 'local' || details.choice === 'incoming' || details.choice === 'both') put('choice', translate(`data.auditSentence.choice.${details.choice}`));
  if (typeof details.sourceDevice === 'string') put('device', shortDevice(details.sourceDevice));
  if (entry.action === 'response.corrected') correctionFacts(details, translate, put);
  // Where a questionnaire belongs, as far as it is known: the wave and network, the network, or nothing.
  facts.where =
    entry.waveLabel && entry.networkName
      ? translate('data.auditSentence.where.wave', { wave: entry.waveLabel, network: entry.networkName })
      : entry.networkName
        ? translate('data.auditSentence.where.network', { network: entry.networkName })
        : '';
  return facts;
}

/** One changed answer of a correction as the log keeps it (services/administration/corrections.ts). */
interface LoggedChange {
  itemId?: unknown;
  /** Of an answer about a partner organisation: which organisation. */
  organisationName?: unknown;
  old?: unknown;
  new?: unknown;
  textChanged?: unknown;
  /** Multiple choice: the question's label, the ticked codes before and after, and those options' labels. */
  label?: unknown;
  oldCodes?: unknown;
  newCodes?: unknown;
  optionLabels?: unknown;
}

const isCodeList = (value: unknown): value is number[] => Array.isArray(value) && value.every((code) => typeof code === 'number');

/** A multiple-choice change ("Contactvormen: Telefoon, E-mail → Telefoon, Beveiligde app"), or null when the entry has no codes. */
function tickedChange(change: LoggedChange, translate: Translate): string | null {
  if (!isCodeList(change.oldCodes) || !isCodeList(change.newCodes)) return null;
  const labels = change.optionLabels !== null && typeof change.optionLabels === 'object' ? (change.optionLabels as Record<string, unknown>) : {};
  const named = (codes: number[]) => {
    if (codes.length === 0) return translate('data.auditSentence.correction.empty');
    return codes.map((code) => (typeof labels[String(code)] === 'string' ? (labels[String(code)] as string) : String(code))).join(', ');
  };
  const item = typeof change.label === 'string' && change.label !== '' ? change.label : (change.itemId as string);
  return translate('data.auditSentence.correctionTicks.change', { item, old: named(change.oldCodes), new: named(change.newCodes) });
}

/**
 * A correction's facts: the reason, how many answers changed, and each change ("ks_amb_01 van 4
 * naar 2"; a multiple-choice answer by its ticked options; an open answer only "tekst gewijzigd",
 * its text is never logged).
 */
function correctionFacts(details: Record<string, unknown>, translate: Translate, put: (name: string, value: unknown) => void): void {
  const changes = (Array.isArray(details.changes) ? details.changes : []).filter(
    (c): c is LoggedChange => c !== null && typeof c === 'object' && typeof (c as LoggedChange).itemId === 'string',
  );
  const shown = (value: unknown) => (typeof value === 'number' ? String(value) : translate('data.auditSentence.correction.empty'));
  const itemOf = (c: LoggedChange) => (typeof c.organisationName === 'string' ? `${c.itemId as string} (${c.organisationName})` : (c.itemId as string));
  const described = changes.map(
    (c) =>
      tickedChange(c, translate) ??
      (c.textChanged === true
        ? translate('data.auditSentence.correction.text', { item: itemOf(c) })
        : translate('data.auditSentence.correction.value', { item: itemOf(c), old: shown(c.old), new: shown(c.new) })),
  );
  put('correctionReason', details.correctionReason);
  put('changes', described.join(', '));
  put('count', changes.length);
}

/** Corrections whose details carry the old and new name (`from`, `to`) when the name changed. */
const RENAMING_KINDS: readonly AuditKind[] = ['network.updated', 'organisation.updated', 'wave.updated', 'network.updated_from_study', 'organisation.updated_from_study', 'wave.updated_from_study'];

/** The sentence key of an entry: its kind, or a variant its details call for. */
function sentenceKey(kind: AuditKind, entry: AuditEntryView, details: Record<string, unknown>): string {
  const key = auditKindKey(kind);
  if (kind === 'response.started' && details.birthMonthAsked === true) return `${key}_birthMonth`;
  if (kind === 'response.stopped') return details.kept === false ? `${key}_discarded` : `${key}_kept`;
  if (kind === 'export.study' && entry.entity !== 'network') return `${key}_networks`;
  if (kind === 'study.imported' && details.nothingChanged === true) return `${key}_nothing`;
  if (kind === 'export.report' && details.openAnswers === true) return `${key}_openAnswers`;
  if (RENAMING_KINDS.includes(kind) && typeof details.from === 'string' && typeof details.to === 'string') return `${key}_renamed`;
  return key;
}

/** A sentence is complete when every placeholder was filled (i18next leaves `{{name}}` for a missing one). */
const complete = (text: string, key: string) => text !== '' && text !== key && !text.includes('{{');

/** Spaces a left-out fragment (an unknown wave or network) leaves behind. */
const tidy = (text: string) => text.replace(/\s+([;:,)])/g, '$1').replace(/\s{2,}/g, ' ').trim();

/** An entry that is one of several parts (a long correction) says which part it is. */
function inPart(sentence: string, details: Record<string, unknown>, translate: Translate): string {
  if (typeof details.part !== 'number' || typeof details.parts !== 'number') return sentence;
  return translate('data.auditSentence.correction.part', { sentence, part: details.part, parts: details.parts });
}

export function auditSentence(entry: AuditEntryView, translate: Translate): string {
  if (!isAuditKind(entry.action)) return translate('data.auditSentence.unknown', { kind: entry.action });
  const details = detailsOf(entry);
  const key = `data.auditSentence.${sentenceKey(entry.action, entry, details)}`;
  const sentence = translate(key, factsOf(entry, details, translate));
  if (complete(sentence, key)) return tidy(inPart(sentence, details, translate));
  // A name the sentence needs is not known on this laptop: the kind's short name says what happened.
  return auditKindLabel(entry.action, translate);
}
