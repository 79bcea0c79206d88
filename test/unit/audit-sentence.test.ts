import { describe, expect, it } from 'vitest';
import { AUDIT_KINDS, auditSentence } from '../../renderer/src/features/data/auditSentence';
import type { AuditEntryView } from '../../shared/study';
import { useLocaleTranslator } from '../support/locale-translator';

/**
 * Audit entries as sentences, through the real nl.json and en.json and a real i18next. Every
 * expected sentence is written out by hand.
 */

const translator = useLocaleTranslator();

const DEVICE = '3f2a9c1e-0b7d-4e55-9a21-6c0d2b8e4f10';
const OTHER = 'a1b2c3d4-1111-4222-8333-944455556666';

/** An entry of `action` about nothing in particular; `over` fills in what the case needs. */
function entry(action: string, over: Partial<AuditEntryView> & { detailsOf?: Record<string, unknown> } = {}): AuditEntryView {
  const { detailsOf, ...rest } = over;
  return {
    id: '0b9c1f7e-2d3a-4c5b-8e6f-7a8b9c0d1e2f',
    at: '2026-03-12T14:05:09.123Z',
    deviceId: DEVICE,
    thisDevice: true,
    actor: null,
    action,
    entity: 'network',
    entityId: null,
    details: detailsOf ? JSON.stringify(detailsOf) : null,
    networkId: null,
    networkName: null,
    waveLabel: null,
    organisationName: null,
    ...rest,
  };
}

const oost = { networkId: 'n', networkName: 'Dementie Oost' };
const t0 = { ...oost, waveLabel: 'T0' };

/** One entry of every kind, with the Dutch sentence it must read as. */
const DUTCH: [string, AuditEntryView, string][] = [
  ['database.created', entry('database.created', { entity: 'database', detailsOf: { from: 0, to: 6 } }), 'Gegevensbestand aangemaakt (versie 6)'],
  ['database.migrated', entry('database.migrated', { entity: 'database', detailsOf: { from: 5, to: 6 } }), 'Gegevensbestand bijgewerkt van versie 5 naar versie 6'],
  ['network.created', entry('network.created', { ...oost }), 'Netwerk Dementie Oost aangemaakt'],
  ['network.settings_changed', entry('network.settings_changed', { ...oost }), 'Instellingen van netwerk Dementie Oost gewijzigd'],
  ['organisation.created', entry('organisation.created', { entity: 'organisation', ...oost, organisationName: 'Thuiszorg Oost' }), 'Organisatie Thuiszorg Oost toegevoegd aan netwerk Dementie Oost'],
  ['wave.created', entry('wave.created', { entity: 'wave', ...t0, detailsOf: { label: 'T0' } }), 'Meting T0 aangemaakt in netwerk Dementie Oost'],
  ['network.updated', entry('network.updated', { ...oost, detailsOf: {} }), 'Naam of beschrijving van netwerk Dementie Oost gewijzigd'],
  ['organisation.updated', entry('organisation.updated', { entity: 'organisation', ...oost, organisationName: 'Thuiszorg Oost' }), 'Gegevens van organisatie Thuiszorg Oost in netwerk Dementie Oost gewijzigd'],
  ['organisation.archived', entry('organisation.archived', { entity: 'organisation', ...oost, organisationName: 'Thuiszorg Oost' }), 'Organisatie Thuiszorg Oost in netwerk Dementie Oost gearchiveerd'],
  ['organisation.restored', entry('organisation.restored', { entity: 'organisation', ...oost, organisationName: 'Thuiszorg Oost' }), 'Organisatie Thuiszorg Oost in netwerk Dementie Oost teruggezet uit het archief'],
  ['organisation.removed', entry('organisation.removed', { ...oost, detailsOf: { from: 'Huisartsen Centrum' } }), 'Organisatie Huisartsen Centrum verwijderd uit netwerk Dementie Oost'],
  ['wave.updated', entry('wave.updated', { entity: 'wave', ...t0, detailsOf: { label: 'T0' } }), 'Naam of datum van meting T0 in netwerk Dementie Oost gewijzigd'],
  ['wave.closed', entry('wave.closed', { entity: 'wave', ...t0, detailsOf: { label: 'T0' } }), 'Meting T0 in netwerk Dementie Oost gesloten'],
  ['wave.reopened', entry('wave.reopened', { entity: 'wave', ...t0, detailsOf: { label: 'T0' } }), 'Meting T0 in netwerk Dementie Oost heropend'],
  ['occasion.created', entry('occasion.created', { entity: 'wave', ...t0, detailsOf: { label: 'MDO 12 maart' } }), 'MDO toegevoegd aan meting T0 in netwerk Dementie Oost, met een meting vóór en een meting na'],
  ['occasion.updated', entry('occasion.updated', { entity: 'wave', ...t0, detailsOf: { label: 'MDO 9 april' } }), 'Naam of datum van een MDO in meting T0 van netwerk Dementie Oost gewijzigd'],
  ['network.updated_from_study', entry('network.updated_from_study', { ...oost, detailsOf: { sourceDevice: OTHER } }), 'Netwerk Dementie Oost bijgewerkt uit een studiebestand van laptop a1b2c3d4'],
  [
    'organisation.updated_from_study',
    entry('organisation.updated_from_study', { entity: 'organisation', ...oost, organisationName: 'Thuiszorg Oost', detailsOf: { sourceDevice: OTHER } }),
    'Organisatie Thuiszorg Oost in netwerk Dementie Oost bijgewerkt uit een studiebestand van laptop a1b2c3d4',
  ],
  ['wave.updated_from_study', entry('wave.updated_from_study', { entity: 'wave', ...t0, detailsOf: { sourceDevice: OTHER } }), 'Meting T0 in netwerk Dementie Oost bijgewerkt uit een studiebestand van laptop a1b2c3d4'],
  ['codes.generated', entry('codes.generated', { ...oost, detailsOf: { count: 40 } }), '40 respondentcodes gemaakt voor netwerk Dementie Oost'],
  ['instrument.imported', entry('instrument.imported', { entity: 'instrument', entityId: 'aitcs-ii@2' }), 'Vragenlijst aitcs-ii versie 2 geïmporteerd'],
  ['instrument.created', entry('instrument.created', { entity: 'instrument', entityId: 'clientoverleg@1' }), 'Vragenlijst clientoverleg versie 1 gemaakt in de app'],
  ['instrument.changed', entry('instrument.changed', { entity: 'instrument', entityId: 'clientoverleg@1' }), 'Vragenlijst clientoverleg versie 1 gewijzigd in de app (nog niet gebruikt)'],
  ['export.instrument', entry('export.instrument', { entity: 'instrument', entityId: 'achtergrond@1' }), 'Vragenlijst achtergrond versie 1 opgeslagen als bestand'],
  ['response.started', entry('response.started', { entity: 'response', ...t0, detailsOf: { mode: 'kiosk', waveId: 'w' } }), 'Vragenlijst begonnen in meting T0 van netwerk Dementie Oost (afnamemodus)'],
  ['response.resumed', entry('response.resumed', { entity: 'response', ...t0 }), 'Vragenlijst hervat in meting T0 van netwerk Dementie Oost'],
  ['response.completed', entry('response.completed', { entity: 'response', ...t0 }), 'Vragenlijst ingeleverd in meting T0 van netwerk Dementie Oost'],
  [
    'response.left_unfinished',
    entry('response.left_unfinished', { entity: 'response', ...t0 }),
    'Vragenlijst onafgemaakt verlaten in de afnamemodus in meting T0 van netwerk Dementie Oost; de antwoorden zijn bewaard',
  ],
  [
    'response.stopped',
    entry('response.stopped', { entity: 'response', ...t0, detailsOf: { kept: true, waveId: 'w' } }),
    'Respondent gestopt in de afnamemodus in meting T0 van netwerk Dementie Oost; de antwoorden zijn bewaard als onvolledige vragenlijst',
  ],
  ['response.deleted', entry('response.deleted', { entity: 'response', ...t0, detailsOf: { waveId: 'w' } }), 'Onafgemaakte vragenlijst weggegooid in meting T0 van netwerk Dementie Oost'],
  ['response.edited', entry('response.edited', { entity: 'response', ...t0, detailsOf: { field: 'organisation' } }), 'Organisatie bij een vragenlijst gewijzigd in meting T0 van netwerk Dementie Oost'],
  ['response.updated_from_study', entry('response.updated_from_study', { entity: 'response', ...t0 }), 'Vragenlijst bijgewerkt uit een studiebestand in meting T0 van netwerk Dementie Oost'],
  [
    'response.corrected',
    entry('response.corrected', {
      entity: 'response',
      ...t0,
      detailsOf: { waveId: 'w', correctionReason: 'Overtypfout bij papier', changes: [{ instrumentId: 'kansrijke-samenwerking', itemId: 'ks_amb_01', old: 4, new: 2 }, { instrumentId: 'kansrijke-samenwerking', itemId: 'ks_amb_02', old: null, new: 5 }] },
    }),
    'Ingeleverde vragenlijst gecorrigeerd in meting T0 van netwerk Dementie Oost, 2 antwoorden: ks_amb_01 van 4 naar 2, ks_amb_02 van leeg naar 5. Reden: Overtypfout bij papier',
  ],
  [
    'response.brought_back',
    entry('response.brought_back', { entity: 'response', ...oost, detailsOf: { backup: 'netwerkspiegel-2026-03-01T09-00-00-000Z-voor-import.sqlite' } }),
    'Gewiste vragenlijst teruggezet met reservekopie netwerkspiegel-2026-03-01T09-00-00-000Z-voor-import.sqlite; ze was gewist via een studiebestand',
  ],
  ['respondent.erased', entry('respondent.erased', { entity: 'respondent', ...oost }), 'Respondent gewist uit netwerk Dementie Oost'],
  [
    'respondent.brought_back',
    entry('respondent.brought_back', { entity: 'respondent', ...oost, detailsOf: { backup: 'kopie.sqlite' } }),
    'Gewiste respondent teruggezet met reservekopie kopie.sqlite; hij of zij was gewist via een studiebestand',
  ],
  ['pin.set', entry('pin.set', { entity: 'kiosk' }), 'Pincode voor de afnamemodus ingesteld'],
  ['kiosk.started', entry('kiosk.started', { entity: 'wave', ...t0 }), 'Afnamemodus gestart voor meting T0 van netwerk Dementie Oost'],
  ['kiosk.ended', entry('kiosk.ended', { entity: 'wave', ...t0 }), 'Afnamemodus beëindigd voor meting T0 van netwerk Dementie Oost'],
  ['meeting.started', entry('meeting.started', { entity: 'wave', ...t0 }), 'Bijeenkomstmodus gestart voor meting T0 van netwerk Dementie Oost: telefoons op het eigen netwerk van de laptop'],
  [
    'meeting.ended',
    entry('meeting.ended', { entity: 'wave', ...t0, detailsOf: { started: 23, submitted: 21 } }),
    'Bijeenkomstmodus beëindigd voor meting T0 van netwerk Dementie Oost: 23 begonnen op een telefoon, 21 ingeleverd',
  ],
  ['export.study', entry('export.study', { ...oost, detailsOf: { format: 'xlsx', networks: 1, waves: 2, rows: 37 } }), 'Antwoorden van netwerk Dementie Oost geëxporteerd naar Excel: 37 rijen'],
  ['export.wave', entry('export.wave', { entity: 'wave', ...t0 }), 'Antwoorden van een meting geëxporteerd'],
  ['export.results_pdf', entry('export.results_pdf', { ...oost, detailsOf: { bytes: 120000 } }), 'Afdrukversie van de resultaten van netwerk Dementie Oost opgeslagen als PDF'],
  [
    'export.report',
    entry('export.report', { ...oost, detailsOf: { format: 'docx', target: 'folder', files: 30, openAnswers: false } }),
    'Rapporten van netwerk Dementie Oost opgeslagen als Word: 30 bestanden',
  ],
  ['backup.created', entry('backup.created', { entity: 'backup', entityId: 'b.sqlite', detailsOf: { reason: 'handmatig' } }), 'Reservekopie gemaakt (zelf gemaakt)'],
  ['backup.restored', entry('backup.restored', { entity: 'backup', entityId: 'netwerkspiegel-x-dagelijks.sqlite' }), 'Reservekopie netwerkspiegel-x-dagelijks.sqlite teruggezet'],
  [
    'backup.restore_interrupted',
    entry('backup.restore_interrupted', { entity: 'backup', entityId: 'b.sqlite' }),
    'Onderbroken terugzetten van b.sqlite opgeruimd; er is niets teruggezet',
  ],
  ['backups.deleted_after_erasure', entry('backups.deleted_after_erasure', { entity: 'backup', detailsOf: { count: 1 } }), '1 reservekopie van vóór een wissing verwijderd'],
  ['settings.data_changed', entry('settings.data_changed', { entity: 'settings', detailsOf: { backupKeep: 30 } }), 'Instellingen voor gegevens gewijzigd: de nieuwste 30 reservekopieën bewaren'],
  ['study.exported', entry('study.exported', { entity: 'study-file', detailsOf: { networks: 2, responses: 85 } }), 'Studiebestand opgeslagen (netwerken: 2, vragenlijsten: 85)'],
  ['study.imported', entry('study.imported', { entity: 'study-file', detailsOf: { sourceDevice: OTHER, nothingChanged: false } }), 'Studiebestand van laptop a1b2c3d4 ingelezen'],
  [
    'study.conflict_decided',
    entry('study.conflict_decided', { entity: 'response', ...t0, detailsOf: { kind: 'conflict', choice: 'incoming' } }),
    'Conflict bij samenvoegen beslist in meting T0 van netwerk Dementie Oost: de versie uit het bestand genomen',
  ],
  ['study.erasures_applied', entry('study.erasures_applied', { entity: 'respondent', detailsOf: { count: 2 } }), 'Wissingen van een andere laptop uitgevoerd (respondenten: 2)'],
  [
    'study.discards_applied',
    entry('study.discards_applied', { entity: 'response', detailsOf: { count: 3 } }),
    '3 onafgemaakte vragenlijsten weggegooid, omdat die op een andere laptop zijn weggegooid',
  ],
  ['audit.exported', entry('audit.exported', { entity: 'audit-log', detailsOf: { rows: 412, format: 'csv' } }), 'Auditlog opgeslagen als CSV (regels: 412)'],
  ['link.accepted', entry('link.accepted', { entity: 'link-decision', ...oost }), 'Koppeling bevestigd in netwerk Dementie Oost: zelfde persoon'],
  ['link.rejected', entry('link.rejected', { entity: 'link-decision', ...oost }), 'Koppeling afgewezen in netwerk Dementie Oost: niet dezelfde persoon'],
];

describe('audit entries as sentences', () => {
  it('has a hand-written case for every kind the app knows', () => {
    expect(DUTCH.map(([kind]) => kind).sort()).toEqual([...AUDIT_KINDS].sort());
  });

  it.each(DUTCH)('%s', (_kind, e, sentence) => {
    expect(auditSentence(e, translator('nl'))).toBe(sentence);
  });

  it('uses the variant the details call for', () => {
    const nl = translator('nl');
    expect(auditSentence(entry('response.started', { entity: 'response', ...t0, detailsOf: { mode: 'form', birthMonthAsked: true } }), nl)).toBe(
      'Vragenlijst begonnen in meting T0 van netwerk Dementie Oost (ingevuld op het scherm van de onderzoeker); de geboortemaand is gevraagd omdat iemand anders dezelfde zelfgemaakte code had',
    );
    expect(auditSentence(entry('response.stopped', { entity: 'response', ...t0, detailsOf: { kept: false } }), nl)).toBe(
      'Respondent gestopt in de afnamemodus in meting T0 van netwerk Dementie Oost; de antwoorden zijn weggegooid',
    );
    expect(auditSentence(entry('export.study', { entity: 'study', detailsOf: { format: 'csv', networks: 3, rows: 1 } }), nl)).toBe(
      'Antwoorden van 3 netwerken geëxporteerd naar CSV met SPSS-syntax en R-script: 1 rij',
    );
    expect(auditSentence(entry('study.imported', { entity: 'study-file', detailsOf: { sourceDevice: OTHER, nothingChanged: true } }), nl)).toBe(
      'Studiebestand van laptop a1b2c3d4 ingelezen; er veranderde niets',
    );
    expect(auditSentence(entry('codes.generated', { ...oost, detailsOf: { count: 1 } }), nl)).toBe('1 respondentcode gemaakt voor netwerk Dementie Oost');
    expect(auditSentence(entry('export.report', { ...oost, detailsOf: { format: 'pptx', target: 'file', files: 1, openAnswers: true } }), nl)).toBe(
      'Rapport van netwerk Dementie Oost met open antwoorden opgeslagen als PowerPoint: 1 bestand',
    );
  });

  it('names one changed answer of a correction, an open answer without its text, and the part of a long correction', () => {
    const nl = translator('nl');
    const one = { waveId: 'w', correctionReason: 'Respondent belde', changes: [{ instrumentId: 'x', itemId: 'ks_amb_03', old: 3, new: null }] };
    expect(auditSentence(entry('response.corrected', { entity: 'response', ...t0, detailsOf: one }), nl)).toBe(
      'Ingeleverde vragenlijst gecorrigeerd in meting T0 van netwerk Dementie Oost: ks_amb_03 van 3 naar leeg. Reden: Respondent belde',
    );
    const open = { waveId: 'w', correctionReason: 'Naam weggehaald', changes: [{ instrumentId: 'x', itemId: 'ip_open', textChanged: true }], part: 2, parts: 3 };
    expect(auditSentence(entry('response.corrected', { entity: 'response', ...t0, detailsOf: open }), nl)).toBe(
      'Ingeleverde vragenlijst gecorrigeerd in meting T0 van netwerk Dementie Oost: ip_open (tekst gewijzigd). Reden: Naam weggehaald (deel 2 van 3)',
    );
    expect(auditSentence(entry('response.corrected', { entity: 'response', ...t0, detailsOf: one }), translator('en'))).toBe(
      'Submitted questionnaire corrected in wave T0 of network Dementie Oost: ks_amb_03 from 3 to empty. Reason: Respondent belde',
    );
    const relation = {
      waveId: 'w',
      correctionReason: 'Respondent belde',
      changes: [{ instrumentId: 'partnernetwerk', itemId: 'pa_frequentie', organisationId: 'o', organisationName: 'Welzijn Oost', old: 1, new: 4 }],
    };
    expect(auditSentence(entry('response.corrected', { entity: 'response', ...t0, detailsOf: relation }), nl)).toBe(
      'Ingeleverde vragenlijst gecorrigeerd in meting T0 van netwerk Dementie Oost: pa_frequentie (Welzijn Oost) van 1 naar 4. Reden: Respondent belde',
    );
    // Without a reason (an entry from elsewhere that lacks it) the kind's short name says what happened.
    expect(auditSentence(entry('response.corrected', { entity: 'response', ...t0, detailsOf: { changes: [] } }), nl)).toBe('Ingeleverde vragenlijst gecorrigeerd');
  });

  it('leaves out what is not known of a questionnaire: the wave, or the wave and the network', () => {
    const nl = translator('nl');
    expect(auditSentence(entry('response.completed', { entity: 'response', ...oost }), nl)).toBe('Vragenlijst ingeleverd in netwerk Dementie Oost');
    expect(auditSentence(entry('response.completed', { entity: 'response' }), nl)).toBe('Vragenlijst ingeleverd');
    expect(auditSentence(entry('response.started', { entity: 'response', detailsOf: { mode: 'paper' } }), nl)).toBe('Vragenlijst begonnen (papier)');
  });

  it('says the short name of the kind when a name the sentence needs is unknown here', () => {
    const nl = translator('nl');
    expect(auditSentence(entry('respondent.erased', { entity: 'respondent' }), nl)).toBe('Respondent gewist');
    expect(auditSentence(entry('kiosk.started', { entity: 'wave', networkName: 'Dementie Oost' }), nl)).toBe('Afnamemodus gestart');
    // Details that are not an object count as none; a sentence needing them falls back too.
    expect(auditSentence(entry('codes.generated', { ...oost, details: '[1,2]' }), nl)).toBe('Respondentcodes gemaakt');
    expect(auditSentence(entry('database.migrated', { entity: 'database', details: 'geen json' }), nl)).toBe('Gegevensbestand bijgewerkt');
  });

  it('turns an unknown kind into a readable sentence, never JSON', () => {
    const unknown = entry('survey.archived', { entity: 'survey', details: JSON.stringify({ secret: { nested: true } }) });
    expect(auditSentence(unknown, translator('nl'))).toBe(
      'Een gebeurtenis die deze versie van Netwerkspiegel niet kent (survey.archived); waarschijnlijk van een nieuwere versie op een andere laptop',
    );
    expect(auditSentence(unknown, translator('en'))).toBe('An event this version of Netwerkspiegel does not know (survey.archived); probably from a newer version on another laptop');
  });

  it('speaks English in the English UI', () => {
    const en = translator('en');
    expect(auditSentence(entry('respondent.erased', { entity: 'respondent', ...oost }), en)).toBe('Respondent erased from network Dementie Oost');
    expect(auditSentence(entry('response.stopped', { entity: 'response', ...t0, detailsOf: { kept: true } }), en)).toBe(
      'Respondent stopped in kiosk mode in wave T0 of network Dementie Oost; the answers are kept as an incomplete questionnaire',
    );
    expect(auditSentence(entry('backup.created', { entity: 'backup', detailsOf: { reason: 'voor-migratie-v6' } }), en)).toBe('Backup made (before an update)');
    expect(auditSentence(entry('export.study', { ...oost, detailsOf: { format: 'xlsx', rows: 2 } }), en)).toBe('Answers of network Dementie Oost exported to Excel: 2 rows');
  });
});
