import { z } from 'zod';
import { multilineText, plainText } from './text-rules';

/**
 * Reports for the stuurgroep and for each partner's board: a Word document (.docx) or a
 * presentation (.pptx).
 *
 * Who does what:
 * - The renderer decides what a report says. It builds a `ReportDocument` or `ReportPresentation`
 *   from the same results (getDashboard, listOpenAnswers), the same sentences (the locale files,
 *   summary-text.ts) and the same chart components as the results screen, so a report can never
 *   show other numbers than the screen. It draws each chart with the screen's own chart code and
 *   hands the pictures over as PNG (`addReportImages`).
 * - The main process turns the model into real, editable Word or PowerPoint (text, headings,
 *   styles, tables; charts as pictures), asks where to save, and writes each file through a
 *   temporary file renamed into place. One report runs at a time.
 *
 * The model holds plain text only. A writer never reads markup, fields or links out of it: every
 * text becomes a literal run of text, so respondent text can never become a Word field, a
 * hyperlink or markup.
 *
 * The protocol:
 *   beginReport    → the main process asks for a file (one report) or a folder (a report per
 *                    partner organisation), and opens the one running report: { reportId }
 *   addReportImages→ charts as PNG, referred to by `imageId` (in batches)
 *   writeReport    → one file from a model (once for a single report, once per organisation
 *                    into the folder)
 *   endReport      → done (or given up): the pictures are dropped and the next report may start
 */

export const REPORT_FORMATS = ['docx', 'pptx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Where a report goes: one file the user names, or a new folder of files (one per partner organisation). */
export const REPORT_TARGETS = ['file', 'folder'] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];

/** Limits: generous for 4 instruments × 3 waves, small enough that a wrong call cannot fill memory. */
export const REPORT_LIMITS = {
  blocks: 5000,
  slides: 300,
  textChars: 20_000,
  tableRows: 2000,
  tableColumns: 16,
  /** One picture, as PNG bytes (a chart at 3× screen size is 100–400 kB). */
  imageBytes: 8 * 1024 * 1024,
  /** Pictures in one addReportImages call. */
  imagesPerCall: 60,
  /** All pictures of one report held at once. */
  totalImageBytes: 600 * 1024 * 1024,
} as const;

const text = () => multilineText().max(REPORT_LIMITS.textChars, `Een tekst in een rapport heeft hoogstens ${REPORT_LIMITS.textChars} tekens`);
const line = () => plainText().max(1000, 'Een regel in een rapport heeft hoogstens 1000 tekens');
/** An image's name within one report: letters, digits, dashes, dots and underscores. */
export const reportImageId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'Een afbeelding in een rapport heeft een naam van letters, cijfers en streepjes');

/** A piece of text, optionally bold or italic. Never markup: what is in `text` is what the reader sees. */
export const reportRunSchema = z.strictObject({
  text: text(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
});
export type ReportRun = z.infer<typeof reportRunSchema>;

const tableSchema = z.strictObject({
  type: z.literal('table'),
  /** Shown above the table ("Tabel 3. …" is added by nobody: the caption is the whole text). */
  caption: line(),
  columns: z
    .array(z.strictObject({ label: line(), align: z.enum(['left', 'right']) }))
    .min(1)
    .max(REPORT_LIMITS.tableColumns, `Een tabel heeft hoogstens ${REPORT_LIMITS.tableColumns} kolommen`),
  rows: z.array(z.array(text()).max(REPORT_LIMITS.tableColumns)).max(REPORT_LIMITS.tableRows, `Een tabel heeft hoogstens ${REPORT_LIMITS.tableRows} rijen`),
  /** A note under the table (what a dash means, why a group is hidden). */
  note: text().optional(),
});

export const reportBlockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: line() }),
  z.strictObject({
    type: z.literal('paragraph'),
    runs: z.array(reportRunSchema).min(1).max(200),
    /** `note`: smaller, grey-free italic text for explanations; `lead`: the first, larger paragraph of a part. */
    style: z.enum(['normal', 'note', 'lead']).optional(),
  }),
  z.strictObject({ type: z.literal('bullets'), items: z.array(z.array(reportRunSchema).min(1).max(50)).min(1).max(500) }),
  tableSchema,
  z.strictObject({
    type: z.literal('chart'),
    imageId: reportImageId,
    caption: line(),
    /** Text alternative for screen readers (Word's alt text). */
    alt: line(),
    /** Width on the page; the height follows from the picture's proportions. */
    widthCm: z.number().min(4).max(17),
  }),
  /** One respondent's open answer, shown literally as a quotation. */
  z.strictObject({ type: z.literal('quote'), text: text() }),
  z.strictObject({ type: z.literal('pageBreak') }),
]);
export type ReportBlock = z.infer<typeof reportBlockSchema>;
export type ReportTable = z.infer<typeof tableSchema>;

export const reportDocumentSchema = z.strictObject({
  language: z.enum(['nl', 'en']),
  /** Title page: the title, a subtitle and lines under it (network, waves, instruments, date). */
  title: line(),
  subtitle: line(),
  titleLines: z.array(line()).max(20),
  /** Footer on every page after the title page, e.g. "Netwerkspiegel · <network> · 1 december 2026". */
  footer: line(),
  blocks: z.array(reportBlockSchema).max(REPORT_LIMITS.blocks, `Een rapport heeft hoogstens ${REPORT_LIMITS.blocks} onderdelen`),
});
export type ReportDocument = z.infer<typeof reportDocumentSchema>;

export const reportSlideSchema = z.strictObject({
  /**
   * `title`: the opening slide (title + subtitle); `section`: a divider between instruments;
   * `bullets`: key messages; `chart`: a chart with its key messages beside or under it;
   * `table`: a small table; `discussion`: a conversation point as a question to the room.
   */
  layout: z.enum(['title', 'section', 'bullets', 'chart', 'table', 'discussion']),
  title: line(),
  subtitle: line().optional(),
  bullets: z.array(text()).max(12).optional(),
  imageId: reportImageId.optional(),
  alt: line().optional(),
  table: tableSchema.omit({ type: true }).optional(),
  /** Speaker notes: the numbers behind the slide, for the presenter. */
  notes: text().optional(),
});
export type ReportSlide = z.infer<typeof reportSlideSchema>;

export const reportPresentationSchema = z.strictObject({
  language: z.enum(['nl', 'en']),
  title: line(),
  subtitle: line(),
  footer: line(),
  slides: z.array(reportSlideSchema).min(1).max(REPORT_LIMITS.slides, `Een presentatie heeft hoogstens ${REPORT_LIMITS.slides} dia's`),
});
export type ReportPresentation = z.infer<typeof reportPresentationSchema>;

/** What beginReport answers: cancelled when the user closed the dialog. */
export type ReportStarted = { cancelled: true } | { cancelled: false; reportId: string; format: ReportFormat; target: ReportTarget; location: string };
export interface ReportFileWritten {
  filePath: string;
  bytes: number;
}
export interface ReportFinished {
  files: string[];
}
