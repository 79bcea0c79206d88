import { z } from 'zod';
import {
  ANSWER_CODE_MAX,
  ANSWER_CODE_MIN,
  CODE_POLICIES,
  KIOSK_STOP_CHOICES,
  RESPONSE_MODES,
  SECTORS,
  SIZE_CLASSES,
  WAVE_KINDS,
  type AppInfo,
  type ExportResult,
  type AssignedCode,
  type InstrumentSummary,
  type KioskState,
  type Network,
  type NetworkDetail,
  type NetworkSummary,
  type Organisation,
  type ResponseRecord,
  type ResponseSummary,
  type SavedAnswer,
  type SavedRelationAnswer,
  type Wave,
  type WaveOverview,
} from './domain';
import type { Envelope } from './errors';
import { BREAKDOWN_CHOICES, type Dashboard, type LinkProposalList, type NetworkComparison } from './results';
import type { WaveOpenAnswers } from './open-answers';
import type { Occasion, OccasionComparisons } from './occasions';
import { REPORT_FORMATS, REPORT_LIMITS, REPORT_TARGETS, reportDocumentSchema, reportImageId, reportPresentationSchema, type ReportFileWritten, type ReportFinished, type ReportStarted } from './report';
import type { MeetingState } from './meeting';
import type { PartnerNetwork } from './partner-network';
import type { InstrumentDefinition } from './instruments/schema';
import { INSTRUMENT_FILE_FORMATS, type InstrumentFilePreview } from './instruments/formats/files';
import { multilineText, plainText } from './text-rules';
import type { AuditPage, BackupInfo, BackupList, DataSettings, ErasurePreview, ErasureResult, MergeReport, RestoreResult, StudyExportResult, StudyFileProgress } from './study';

/**
 * The one API contract. Every method has a zod schema for its input and a declared output
 * type; the main process, the preload, the renderer and the test harness are all checked
 * against it. Inputs are strict objects with bounded strings, so oversized or unknown fields
 * are refused before any handler runs. Every free text field refuses invisible control
 * characters (`plainText`, or `multilineText` where paragraphs belong; shared/text-rules.ts).
 */

const id = z.uuid({ error: 'Dit is geen geldige id' });
const name = plainText().trim().min(1, 'Vul een naam in').max(120, 'Gebruik hoogstens 120 tekens');
const isoDate = z.iso.date({ error: 'Gebruik een datum als 2026-03-31' });
/** Pseudonymous respondent code: letters, digits and dashes; never a name. */
export const respondentCode = plainText()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{2,15}$/, 'Een respondentcode heeft 3 tot 16 letters, cijfers of streepjes');

/**
 * The birth month, asked only when two people made the same self-made code (SELF_CODE_TAKEN);
 * gives the second one a code of their own. Ignored when there is no collision.
 */
const monthChoice = 'Kies een geboortemaand uit de lijst (1 tot en met 12)';
const birthMonth = z.number().int().min(1, monthChoice).max(12, monthChoice).optional();

const none = z.strictObject({});
const description = multilineText().trim().max(2000, 'Gebruik hoogstens 2000 tekens');
const sector = z.enum(SECTORS, { error: 'Kies een sector uit de lijst' });
const sizeClass = z.enum(SIZE_CLASSES, { error: 'Kies een omvang: minder dan 100 fte of 100 fte en meer' }).nullable();
const waveLabel = plainText().trim().min(1, 'Geef de meting een naam, zoals T0').max(40, 'Gebruik hoogstens 40 tekens');
/** An occasion's name; its waves are named after it with " (voor)" or " (na)", within a wave label's 40 characters. */
const occasionLabel = plainText().trim().min(1, 'Geef het MDO een naam, zoals MDO 12 maart').max(30, 'Gebruik hoogstens 30 tekens');
/** The researcher's PIN: 4 to 8 digits. */
const pin = z.string().regex(/^\d{4,8}$/, 'Een pincode heeft 4 tot 8 cijfers');
const locale = z.enum(['nl', 'en'], { error: 'Kies Nederlands of Engels' });
/** An instrument's id, as a definition spells it (shared/instruments/schema.ts): one line, at most 64 characters. */
const instrumentId = plainText().min(1).max(64);
const instrumentRef = z.strictObject({ instrumentId, version: z.number().int().min(1) });
/** One answer as the researcher's form, paper entry and a correction send it. */
const answerFields = {
  instrumentId,
  itemId: plainText().min(1).max(32),
  value: z.number().int().min(ANSWER_CODE_MIN).max(ANSWER_CODE_MAX).nullable(),
  text: multilineText().max(4000, 'Een antwoord heeft hoogstens 4000 tekens').nullable(),
};
/** One answer about one partner organisation, as the questionnaire screens and a correction send it. */
const relationAnswerFields = {
  instrumentId,
  itemId: plainText().min(1).max(32),
  organisationId: id,
  value: z.number().int().min(ANSWER_CODE_MIN).max(ANSWER_CODE_MAX).nullable(),
};
/** What *Stoppen* in kiosk mode does with a respondent's answers so far. */
const kioskStop = z.enum(KIOSK_STOP_CHOICES, { error: 'Kies of de antwoorden van wie stopt bewaard of weggegooid worden' });

// --- inputs shared by several methods ---
/** A backup's file name as listBackups gives it: no folders, no path. */
const backupName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.sqlite$/, 'Kies een reservekopie uit de lijst');
/** A study file's content as the renderer read it from the file the user picked. */
const studyContent = multilineText().min(2, 'Het bestand is leeg').max(25_000_000, 'Het bestand is te groot (meer dan 25 MB)');

/** Declares one method: its input schema, and its output type as a phantom. */
function method<O>() {
  return <I extends z.ZodType>(input: I): { input: I; output?: O } => ({ input });
}

export const contract = {
  getAppInfo: method<AppInfo>()(none),

  listNetworks: method<NetworkSummary[]>()(none),
  createNetwork: method<Network>()(
    z.strictObject({ name, description: description.optional(), kioskStop: kioskStop.optional() }),
  ),
  getNetwork: method<NetworkDetail>()(z.strictObject({ networkId: id })),
  addOrganisation: method<Organisation>()(
    z.strictObject({
      networkId: id,
      name,
      sector,
      sizeClass,
    }),
  ),
  createWave: method<Wave>()(
    z.strictObject({
      networkId: id,
      label: waveLabel,
      kind: z.enum(WAVE_KINDS, { error: 'Kies T0, T1, T2 of een eigen meting' }),
      plannedDate: isoDate.nullable(),
      instruments: z.array(instrumentRef).min(1, 'Kies ten minste één vragenlijst').max(20),
    }),
  ),

  listInstruments: method<InstrumentSummary[]>()(none),
  getInstrument: method<InstrumentDefinition>()(instrumentRef),

  startResponse: method<ResponseRecord>()(
    z.strictObject({
      waveId: id,
      respondentCode,
      organisationId: id.nullable(),
      mode: z.enum(RESPONSE_MODES),
      birthMonth,
    }),
  ),
  getResponse: method<ResponseRecord>()(z.strictObject({ responseId: id })),
  saveAnswer: method<SavedAnswer>()(z.strictObject({ responseId: id, ...answerFields })),
  completeResponse: method<ResponseRecord>()(z.strictObject({ responseId: id })),
  /**
   * One answer about one partner organisation (a relation item), stored the moment it is given; a
   * null value clears it. The organisation must be one of the response's network, not the
   * respondent's own; the value one of the item's options. Refused after submitting.
   */
  saveRelationAnswer: method<SavedRelationAnswer>()(z.strictObject({ responseId: id, ...relationAnswerFields })),

  updateNetworkSettings: method<Network>()(
    z.strictObject({
      networkId: id,
      consentNl: multilineText().trim().max(8000, 'Gebruik hoogstens 8000 tekens').nullable(),
      consentEn: multilineText().trim().max(8000, 'Gebruik hoogstens 8000 tekens').nullable(),
      codePolicy: z.enum(CODE_POLICIES, { error: 'Kies vrije codes, een codelijst of zelfgemaakte codes' }),
      idleSeconds: z.number().int().min(30, 'Kies ten minste 30 seconden').max(3600, 'Kies hoogstens 3600 seconden'),
      minGroupSize: z.number().int().min(3, 'Een groep van minder dan 3 is niet anoniem').max(100),
      /** Left out: the network keeps its current choice. */
      kioskStop: kioskStop.optional(),
    }),
  ),
  // --- corrections of a network, its partner organisations and its waves ---
  /** A network's name and description, corrected; another network's name is refused. */
  updateNetwork: method<Network>()(z.strictObject({ networkId: id, name, description: description.nullable() })),
  /** An organisation corrected: name, sector, size, when it joined and left, and (optionally) how many participants are expected of it. */
  updateOrganisation: method<Organisation>()(
    z
      .strictObject({
        organisationId: id,
        name,
        sector,
        sizeClass,
        joinedOn: isoDate.nullable(),
        leftOn: isoDate.nullable(),
        expectedParticipants: z.number({ error: 'Vul een aantal deelnemers in, of laat het leeg' }).int('Vul een heel aantal in').min(1, 'Vul ten minste 1 deelnemer in, of laat het leeg').max(10_000, 'Vul hoogstens 10000 deelnemers in').nullable(),
      })
      .refine((o) => o.joinedOn === null || o.leftOn === null || o.leftOn >= o.joinedOn, {
        message: 'De datum van uittreding ligt vóór de datum van toetreding. Controleer beide datums',
        path: ['leftOn'],
      }),
  ),
  /** Archives an organisation (hidden from new responses, kept in results and exports), or brings it back. */
  archiveOrganisation: method<Organisation>()(z.strictObject({ organisationId: id, archived: z.boolean({ error: 'Kies archiveren of terugzetten' }) })),
  /** Removes an organisation no response or respondent names; one that is named can only be archived. */
  removeOrganisation: method<{ removed: true }>()(z.strictObject({ organisationId: id })),
  /** A wave's label and planned date, corrected; another wave's label in the network is refused. */
  updateWave: method<Wave>()(z.strictObject({ waveId: id, label: waveLabel, plannedDate: isoDate.nullable() })),
  // --- occasions within a wave: each MDO, evaluated before and after (shared/occasions.ts) ---
  /** Makes an occasion in a measurement wave, with its before and after wave (the MDO-evaluatie). */
  createOccasion: method<Occasion>()(z.strictObject({ waveId: id, label: occasionLabel, heldOn: isoDate.nullable() })),
  /** A measurement wave's occasions with their before and after waves and counts. */
  listOccasions: method<Occasion[]>()(z.strictObject({ waveId: id })),
  /** Renames or redates an occasion; its waves' labels and dates follow. */
  updateOccasion: method<Occasion>()(z.strictObject({ occasionId: id, label: occasionLabel, heldOn: isoDate.nullable() })),
  /** Per occasion and pooled: before against after of the same people (paired), by role group when large enough. */
  getOccasionComparisons: method<OccasionComparisons>()(z.strictObject({ waveId: id })),
  /** Closes a wave (no new responses, in the kiosk or on paper) or opens it again. */
  setWaveStatus: method<Wave>()(z.strictObject({ waveId: id, status: z.enum(['open', 'closed'], { error: 'Kies sluiten of heropenen' }) })),

  generateCodes: method<{ codes: string[] }>()(
    z.strictObject({ networkId: id, count: z.number().int().min(1, 'Maak ten minste 1 code').max(500, 'Maak hoogstens 500 codes tegelijk') }),
  ),
  listCodes: method<AssignedCode[]>()(z.strictObject({ networkId: id })),
  listResponses: method<ResponseSummary[]>()(z.strictObject({ waveId: id })),
  /** The researcher continues an interrupted response (never available inside kiosk mode). */
  resumeResponse: method<ResponseRecord>()(z.strictObject({ responseId: id })),
  /** Throws away an unfinished response (e.g. started under a mistyped code); a submitted one is never discarded. */
  discardResponse: method<{ discarded: true }>()(z.strictObject({ responseId: id })),
  /**
   * A researcher corrects a submitted questionnaire: the changed answers (a null value and text
   * clears one) and why, in one step. Never in kiosk mode; see docs/decisions/2026-12-01-corrections.md.
   */
  correctResponse: method<ResponseRecord>()(
    z.strictObject({
      responseId: id,
      reason: plainText().trim().min(1, 'Geef een reden voor de correctie').max(300, 'Gebruik voor de reden hoogstens 300 tekens'),
      answers: z.array(z.strictObject(answerFields)).max(1000, 'Te veel antwoorden tegelijk (hoogstens 1000)'),
      /** Changed answers about partner organisations (relation items); null clears one. */
      relationAnswers: z.array(z.strictObject(relationAnswerFields)).max(1000, 'Te veel antwoorden over partnerorganisaties tegelijk (hoogstens 1000)').default([]),
    }),
  ),
  setResponseOrganisation: method<ResponseRecord>()(z.strictObject({ responseId: id, organisationId: id.nullable() })),

  getKioskState: method<KioskState>()(none),
  setResearcherPin: method<KioskState>()(z.strictObject({ pin, currentPin: pin.nullable() })),
  startKiosk: method<KioskState>()(z.strictObject({ waveId: id, pin })),
  exitKiosk: method<KioskState>()(z.strictObject({ pin })),
  /** In kiosk mode: the respondent gave consent and a code; starts their response. */
  kioskBegin: method<ResponseRecord>()(
    z.strictObject({
      respondentCode,
      consent: z.literal(true, { error: 'Zonder toestemming kan de vragenlijst niet worden ingevuld' }),
      language: locale,
      birthMonth,
    }),
  ),
  /** In kiosk mode: back to the welcome screen (after thanks or a timeout); saved answers stay as an incomplete response. */
  kioskReset: method<KioskState>()(none),
  /**
   * In kiosk mode: the respondent on screen chose *Stoppen*. Their unfinished response is kept or
   * thrown away as the network's setting says, and the welcome screen is next. Only the response
   * of this kiosk session's current respondent can be stopped.
   */
  stopKioskResponse: method<KioskState>()(z.strictObject({ responseId: id })),

  // --- meeting mode (bijeenkomstmodus): phones on the laptop's own network ---
  /** The running meeting with its address and live counts per organisation (never answers), and the connections a new one can use. */
  getMeetingState: method<MeetingState>()(none),
  /** Starts meeting mode for an open wave, listening only on the chosen connection of this laptop. */
  startMeeting: method<MeetingState>()(
    z.strictObject({ waveId: id, address: z.ipv4({ error: 'Kies een netwerkverbinding uit de lijst' }) }),
  ),
  /** Ends meeting mode: the server stops listening, the meeting token expires, unfinished questionnaires stay incomplete. */
  endMeeting: method<MeetingState>()(none),

  importInstrument: method<InstrumentSummary>()(
    z.strictObject({ definitionJson: multilineText().min(2).max(1_000_000, 'Het bestand is te groot (meer dan 1 MB)') }),
  ),
  exportInstrument: method<ExportResult>()(instrumentRef),
  /**
   * Saves a questionnaire built in the editor (the same schema as an import): a new id@version is
   * stored; one not yet used is replaced only with `replaceExisting` (the editor opened or saved
   * that very version), so a new questionnaire never overwrites another with the same id; a used
   * (frozen) version and the built-ins are refused.
   */
  saveInstrumentDraft: method<InstrumentSummary>()(
    z.strictObject({ definitionJson: multilineText().min(2).max(1_000_000, 'De vragenlijst is te groot (meer dan 1 MB)'), replaceExisting: z.boolean() }),
  ),
  /**
   * Asks for an instrument file (JSON, an XLSForm-like spreadsheet or a REDCap data dictionary; the
   * main process shows the dialog and reads it), checks it and holds it for importInstrumentFile:
   * what it holds, what was taken over and what left out. Nothing is stored. VALIDATION with every
   * problem by sheet and row when it cannot be imported.
   */
  chooseInstrumentFile: method<{ cancelled: true } | ({ cancelled: false } & InstrumentFilePreview)>()(none),
  /** Stores the file chooseInstrumentFile last read, as its preview showed it; NOT_FOUND when another was picked since. */
  importInstrumentFile: method<InstrumentSummary>()(z.strictObject({ previewId: id })),
  /** Saves a stored version as JSON, a spreadsheet (XLSForm-like .xlsx) or a REDCap data dictionary (.csv); the main process asks where. */
  exportInstrumentFile: method<ExportResult>()(
    z.strictObject({ instrumentId, version: z.number().int().min(1), format: z.enum(INSTRUMENT_FILE_FORMATS, { error: 'Kies JSON, spreadsheet of REDCap' }) }),
  ),

  getWaveOverview: method<WaveOverview>()(z.strictObject({ waveId: id })),

  // --- results ---
  getDashboard: method<Dashboard>()(
    z.strictObject({
      networkId: id,
      /** Waves to show, in measurement order; empty means all waves of the network. */
      waveIds: z.array(id).max(20),
      instrumentId,
      breakdown: z.enum(BREAKDOWN_CHOICES, { error: 'Kies geen uitsplitsing, of rolgroep, discipline, overleg, sector of omvang' }),
      /**
       * One partner organisation's dashboard: only responses that name it in their wave count.
       * Absent: the whole network. NOT_FOUND when it is not an organisation of the network.
       */
      organisationId: id.optional(),
    }),
  ),
  compareNetworks: method<NetworkComparison>()(
    z.strictObject({ networkIds: z.array(id).min(1, 'Kies ten minste één netwerk').max(50), instrumentId }),
  ),
  /**
   * The network between the partner organisations per wave that used the relation instrument: ties
   * with at least the minimum group of reporters, metrics on those ties, a map layout and the change
   * against the baseline (shared/partner-network.ts).
   */
  getPartnerNetwork: method<PartnerNetwork>()(z.strictObject({ networkId: id, instrumentId })),
  /** The shown ties of every wave as a CSV edge list (from, to, reporters, mean frequency, trust, value); the main process asks where to save. */
  exportPartnerNetwork: method<ExportResult>()(
    z.strictObject({ networkId: id, instrumentId, separator: z.enum([';', ','], { error: 'Kies ; of , als scheidingsteken' }) }),
  ),
  /** Near matches of self-made codes between the baseline and each later wave, open and decided. */
  listLinkProposals: method<LinkProposalList>()(z.strictObject({ networkId: id })),
  /**
   * The answers to the open questions of one wave's submitted questionnaires, read-only; respondent
   * codes only with `withCodes`. Researchers only: always refused in kiosk mode.
   */
  listOpenAnswers: method<WaveOpenAnswers>()(z.strictObject({ waveId: id, withCodes: z.boolean() })),
  /** A researcher's decision on one proposal: the same person (linked from now on) or not; once per pair. */
  decideLinkProposal: method<LinkProposalList>()(
    z.strictObject({
      networkId: id,
      baselineResponseId: id,
      followUpResponseId: id,
      decision: z.enum(['accepted', 'rejected'], { error: 'Kies "Zelfde persoon" of "Niet dezelfde persoon"' }),
    }),
  ),

  // --- exports ---
  /**
   * The study export: the chosen networks, waves (empty: all of them) and instruments (empty: all)
   * as one workbook, or as CSV (long data with scores) with an SPSS syntax file and an R script
   * beside it. The main process asks where to save. Poll getExportProgress while it runs.
   */
  exportStudy: method<{ cancelled: true } | { cancelled: false; filePath: string; files: string[]; rows: number; columns: number }>()(
    z.strictObject({
      networkIds: z.array(id).min(1, 'Kies ten minste één netwerk').max(100, 'Kies hoogstens 100 netwerken'),
      waveIds: z.array(id).max(500, 'Kies hoogstens 500 metingen'),
      instrumentIds: z.array(instrumentId).max(50),
      format: z.enum(['xlsx', 'csv'], { error: 'Kies Excel of CSV' }),
      values: z.enum(['codes', 'labels'], { error: 'Kies codes of labels' }),
      includeOpenAnswers: z.boolean(),
      separator: z.enum([';', ','], { error: 'Kies ; of , als scheidingsteken' }),
      language: locale,
    }),
  ),
  /** How far the running export is (phase, done of total); `running: false` when none runs. */
  getExportProgress: method<{ running: false } | { running: true; phase: 'preparing' | 'loading' | 'statistics' | 'building' | 'writing'; done: number; total: number }>()(none),
  /** A dashboard chart as PNG (base64) or SVG (text) for a report; the main process checks it and asks where to save. */
  saveChartImage: method<{ cancelled: true } | { cancelled: false; filePath: string; bytes: number }>()(
    z.strictObject({
      name: plainText().trim().min(1, 'Geef de grafiek een naam').max(100, 'Gebruik hoogstens 100 tekens'),
      format: z.enum(['png', 'svg'], { error: 'Kies PNG of SVG' }),
      data: multilineText().min(1).max(21_000_000, 'De afbeelding is te groot (meer dan 15 MB)'),
    }),
  ),
  /** The window's print view of a network's results as PDF (Electron's printToPDF); not available in a browser. */
  saveResultsPdf: method<{ cancelled: true } | { cancelled: false; filePath: string; bytes: number }>()(z.strictObject({ networkId: id })),
  /** The window's printable paper questionnaire of a wave as PDF, the same way as saveResultsPdf. */
  savePaperFormPdf: method<{ cancelled: true } | { cancelled: false; filePath: string; bytes: number }>()(z.strictObject({ waveId: id })),

  // --- reports (Word, PowerPoint): see shared/report.ts for who does what ---
  /**
   * Opens the one running report: asks where to save (a file, or a new folder for a report per
   * partner organisation). CONFLICT while another report runs. `withOpenAnswers` is recorded in the
   * audit log: open answers leave the app only when the user ticked them.
   */
  beginReport: method<ReportStarted>()(
    z.strictObject({
      networkId: id,
      format: z.enum(REPORT_FORMATS, { error: 'Kies Word of PowerPoint' }),
      target: z.enum(REPORT_TARGETS, { error: 'Kies één bestand of een map met een rapport per organisatie' }),
      /** The suggested file or folder name, without extension. */
      suggestedName: plainText().trim().min(1, 'Geef het rapport een naam').max(120, 'Gebruik hoogstens 120 tekens'),
      withOpenAnswers: z.boolean(),
    }),
  ),
  /** Charts of the running report as PNG (base64), drawn by the screen's own chart code. */
  addReportImages: method<{ images: number; bytes: number }>()(
    z.strictObject({
      reportId: id,
      images: z
        .array(
          z.strictObject({
            imageId: reportImageId,
            png: z
              .string()
              .max(Math.ceil((REPORT_LIMITS.imageBytes * 4) / 3) + 4, 'Een afbeelding is te groot (meer dan 8 MB)')
              .regex(/^(data:image\/png;base64,)?[A-Za-z0-9+/]+={0,2}$/, 'Een afbeelding is geen PNG-afbeelding (base64). Maak het rapport opnieuw'),
          }),
        )
        .min(1)
        .max(REPORT_LIMITS.imagesPerCall, `Stuur hoogstens ${REPORT_LIMITS.imagesPerCall} afbeeldingen tegelijk`),
    }),
  ),
  /** Writes one file of the running report: the whole report, or one partner organisation's into the folder (`fileName`). */
  writeReport: method<ReportFileWritten>()(
    z.strictObject({
      reportId: id,
      /** For a folder: the file's name without extension (the organisation's name); ignored for a single file. */
      fileName: plainText().trim().min(1).max(120, 'Gebruik hoogstens 120 tekens').optional(),
      content: z.discriminatedUnion('format', [
        z.strictObject({ format: z.literal('docx'), document: reportDocumentSchema }),
        z.strictObject({ format: z.literal('pptx'), presentation: reportPresentationSchema }),
      ]),
    }),
  ),
  /** Closes the running report (finished or given up); its pictures are dropped. */
  endReport: method<ReportFinished>()(z.strictObject({ reportId: id })),

  // --- backups, study files, audit log, erasure ---
  /** The researcher's name for the audit log, how many backups to keep, where they are. */
  getDataSettings: method<DataSettings>()(none),
  updateDataSettings: method<DataSettings>()(
    z.strictObject({
      researcherName: plainText().trim().max(80, 'Gebruik hoogstens 80 tekens').nullable(),
      backupKeep: z.number().int().min(3, 'Bewaar ten minste 3 reservekopieën').max(200, 'Bewaar hoogstens 200 reservekopieën'),
    }),
  ),
  listBackups: method<BackupList>()(none),
  createBackup: method<BackupInfo>()(none),
  /** Names a backup from listBackups, never a path; the current file is backed up first. */
  restoreBackup: method<RestoreResult>()(z.strictObject({ backupName })),
  deleteBackupsBeforeErasure: method<{ deleted: string[] }>()(
    z.strictObject({ confirm: z.literal(true, { error: 'Bevestig eerst dat de reservekopieën weg mogen' }) }),
  ),
  exportStudyFile: method<StudyExportResult>()(
    z.strictObject({ networkIds: z.array(id).min(1, 'Kies ten minste één netwerk').max(50, 'Kies hoogstens 50 netwerken') }),
  ),
  /** What importing this study file would do (added, skipped, conflicts with both versions); writes nothing. */
  previewStudyFile: method<MergeReport>()(z.strictObject({ content: studyContent })),
  /**
   * Imports in one transaction; every conflict of the preview needs a decision, and the erasures the
   * preview listed (`plannedErasures`) need `confirmErasures: true`.
   */
  importStudyFile: method<MergeReport>()(
    z.strictObject({
      content: studyContent,
      decisions: z
        .array(
          z.strictObject({
            incomingResponseId: id,
            choice: z.enum(['local', 'incoming', 'both'], { error: 'Kies de versie van deze laptop, die van het bestand of beide' }),
          }),
        )
        .max(10_000),
      confirmErasures: z.boolean({ error: 'Bevestig de wissingen met ja of nee' }).optional(),
    }),
  ),
  /** How far the running preview or import of a study file is; `running: false` when none runs. */
  getStudyFileProgress: method<StudyFileProgress>()(none),
  /** A page of the audit log, newest first; optionally only one kind of event, the days from … to … (both included, this laptop's time) or one network. */
  listAuditLog: method<AuditPage>()(
    z.strictObject({
      offset: z.number().int().min(0).max(100_000_000),
      limit: z.number().int().min(1, 'Vraag ten minste 1 regel').max(500, 'Vraag hoogstens 500 regels'),
      kind: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'Kies een soort gebeurtenis uit de lijst').optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      networkId: id.optional(),
    }),
  ),
  exportAuditLog: method<ExportResult>()(none),
  /** Who would be erased: the code's responses per wave. */
  previewErasure: method<ErasurePreview>()(z.strictObject({ networkId: id, respondentCode })),
  /** Erases one respondent in every wave; the code must be typed twice. */
  eraseRespondent: method<ErasureResult>()(z.strictObject({ networkId: id, respondentCode, confirmCode: respondentCode })),
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export type Input<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type Output<K extends MethodName> = NonNullable<Contract[K]['output']>;

/**
 * A study file the operating system handed to the app (double-click, "Open with"), read by the
 * main process itself: its content, or the Dutch reason it was refused (wrong kind, too large,
 * unreadable). `sequence` counts the files opened since the app started, so opening the same file
 * twice is two events.
 */
export type OpenedStudyFile = { sequence: number; fileName: string } & ({ content: string } | { refusal: string });

/**
 * One-way messages between the main process and the renderer outside the request/response API.
 * The renderer says it is listening (`studyFileListening`); from then on the main process pushes
 * each opened study file (`studyFileOpened`). The preload writes these names out itself (it may
 * import values from nowhere); test/electron/preload.test.ts keeps them equal.
 */
export const PUSH_CHANNELS = {
  studyFileOpened: 'push:studyFileOpened',
  studyFileListening: 'push:studyFileListening',
} as const;

/** Events the main process pushes to the renderer; each subscription returns its unsubscribe. */
export interface BridgeEvents {
  /** A study file was opened from outside the app; the renderer shows its import preview. */
  onStudyFileOpened: (listener: (file: OpenedStudyFile) => void) => () => void;
}

/** What the preload exposes as `window.api` (and the harness shim imitates): one function per method, and the events. */
export type BridgeApi = { [K in MethodName]: (input: Input<K>) => Promise<Envelope<Output<K>>> } & BridgeEvents;

/** The renderer's view: the same methods, unwrapped, throwing ApiError on failure. */
export type Api = { [K in MethodName]: (input: Input<K>) => Promise<Output<K>> };

/** What the main process (and the harness) implements. */
export type Handlers = { [K in MethodName]: (input: ParsedInput<K>) => Output<K> | Promise<Output<K>> };
