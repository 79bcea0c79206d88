import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Output, ParsedInput } from '../../../shared/contract';
import { ApiError } from '../../../shared/errors';
import { REPORT_LIMITS, type ReportDocument, type ReportFormat, type ReportPresentation, type ReportTarget } from '../../../shared/report';
import { appendAudit } from '../../db/repositories/audit';
import { requireNetwork } from '../administration/networks';
import type { ServiceContext } from '../context';
import { safeFileName, writeFilesAtomically } from '../files';
import { pngBytes } from './charts';
import { documentToDocx } from './report-docx';
import type { ReportImage, ReportImages } from './report-images';
import { presentationToPptx } from './report-pptx';

/**
 * Reports as Word and PowerPoint files (shared/report.ts says who does what). The renderer builds
 * the model and draws the charts; this service holds the one running report, its pictures, and
 * writes each file atomically.
 *
 * The audit log gets one entry per report, when it ends (endReport, or when a report left alone
 * for 15 minutes is replaced by a new one), and only when at least one file was written: it names
 * the network, the format, where it went (one file or a folder), the number of files and whether
 * open answers were in it.
 */

/** A report nobody touched for this long counts as abandoned (a window closed half-way): the next one may replace it. */
export const REPORT_ABANDONED_AFTER_MS = 15 * 60 * 1000;

/** A chart wider or higher than this is not a chart the screen drew (3× a wide screen is about 6000). */
const MAX_IMAGE_SIDE = 20_000;

interface RunningReport {
  id: string;
  networkId: string;
  format: ReportFormat;
  target: ReportTarget;
  /** The chosen file, or the new folder the files go into; empty while the dialog is open. */
  location: string;
  withOpenAnswers: boolean;
  images: Map<string, ReportImage>;
  imageBytes: number;
  /** Files written, in order. */
  files: string[];
  /** File names taken in the folder (lower case: Windows and macOS do not tell case apart), including those being written. */
  names: Set<string>;
  /** When a call last touched this report (ms since the epoch, from ctx.now). */
  touchedAt: number;
}

/** The one running report per service context (the app has one; every test its own). */
const runningReports = new WeakMap<ServiceContext, RunningReport>();

const FORMAT_NAMES: Record<ReportFormat, string> = { docx: 'Word-document', pptx: 'PowerPoint-presentatie' };

const nowMs = (ctx: ServiceContext) => Date.parse(ctx.now());

/** The running report this call is about; refused when it ended or was replaced. */
function requireRunning(ctx: ServiceContext, reportId: string): RunningReport {
  const report = runningReports.get(ctx);
  if (!report || report.id !== reportId || report.location === '') {
    throw new ApiError('NOT_FOUND', 'Dit rapport is niet meer open: het is afgesloten of vervangen door een nieuw rapport. Begin het rapport opnieuw.');
  }
  report.touchedAt = nowMs(ctx);
  return report;
}

/** Ends a report: one audit entry when something was written, then the slot is free and its pictures are dropped. */
function finish(ctx: ServiceContext, report: RunningReport, abandoned: boolean): string[] {
  runningReports.delete(ctx);
  report.images.clear();
  if (report.files.length > 0) {
    // The log records that a report left the app and what kind, never where it went.
    appendAudit(
      ctx.db,
      ctx.deviceId,
      {
        action: 'export.report',
        entity: 'network',
        entityId: report.networkId,
        details: { format: report.format, target: report.target, files: report.files.length, openAnswers: report.withOpenAnswers, ...(abandoned ? { abandoned: true } : {}) },
      },
      ctx.now(),
    );
  }
  return [...report.files];
}

/** A new folder `<name>`, or `<name> (2)`, `<name> (3)`, … when that exists: nothing of the user's is ever written into or over. */
function makeNewFolder(parent: string, name: string): string {
  for (let n = 1; n < 1000; n++) {
    const path = join(parent, n === 1 ? name : `${name} (${n})`);
    try {
      mkdirSync(path);
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  throw new Error('te veel mappen met deze naam');
}

/** Refused when, while the dialog was open (over 15 minutes), a new report replaced this one. */
function requireStillRunning(ctx: ServiceContext, report: RunningReport): void {
  if (runningReports.get(ctx) !== report) {
    throw new ApiError('CONFLICT', 'Terwijl u een plek koos, is een ander rapport begonnen. Wacht tot dat klaar is en probeer het daarna opnieuw.');
  }
}

async function chooseLocation(ctx: ServiceContext, input: ParsedInput<'beginReport'>, report: RunningReport): Promise<string | null> {
  const name = safeFileName([input.suggestedName]);
  if (input.target === 'file') {
    const path = await ctx.chooseExportPath(`${name}.${input.format}`);
    if (path === null) return null;
    requireStillRunning(ctx, report);
    // A save dialog on Linux may hand back the name without the extension the user left out.
    return extname(path).toLowerCase() === `.${input.format}` ? path : `${path}.${input.format}`;
  }
  if (!ctx.chooseExportFolder) {
    throw new ApiError('CONFLICT', 'Een map met een rapport per organisatie kan hier niet worden gekozen. Maak de rapporten in de Netwerkspiegel-app zelf.');
  }
  const parent = await ctx.chooseExportFolder(name);
  if (parent === null) return null;
  requireStillRunning(ctx, report);
  try {
    return makeNewFolder(parent, name);
  } catch (err) {
    throw new ApiError('EXPORT_FAILED', `In de gekozen map kon geen nieuwe map voor de rapporten worden gemaakt (${err instanceof Error ? err.message : String(err)}). Kies een andere map.`);
  }
}

/**
 * Opens the one running report: checks the network, refuses while another report runs (one left
 * alone for 15 minutes is ended and replaced), then asks where to save. For a folder a NEW folder
 * is made inside the chosen one, so no file of the user's is ever overwritten.
 */
export async function beginReport(ctx: ServiceContext, input: ParsedInput<'beginReport'>): Promise<Output<'beginReport'>> {
  const network = requireNetwork(ctx, input.networkId);
  const other = runningReports.get(ctx);
  if (other) {
    if (nowMs(ctx) - other.touchedAt < REPORT_ABANDONED_AFTER_MS) {
      throw new ApiError('CONFLICT', 'Er wordt al een rapport gemaakt. Wacht tot het klaar is (of breek het af) en probeer het daarna opnieuw.');
    }
    finish(ctx, other, true);
  }
  // The slot is taken while the dialog is open, so a second click cannot open a second report.
  const report: RunningReport = {
    id: randomUUID(),
    networkId: network.id,
    format: input.format,
    target: input.target,
    location: '',
    withOpenAnswers: input.withOpenAnswers,
    images: new Map(),
    imageBytes: 0,
    files: [],
    names: new Set(),
    touchedAt: nowMs(ctx),
  };
  runningReports.set(ctx, report);
  // Frees the slot, unless a new report has taken it meanwhile.
  const release = () => runningReports.get(ctx) === report && runningReports.delete(ctx);
  let location: string | null;
  try {
    location = await chooseLocation(ctx, input, report);
  } catch (err) {
    release();
    throw err;
  }
  if (location === null) {
    release();
    return { cancelled: true };
  }
  report.location = location;
  report.touchedAt = nowMs(ctx);
  return { cancelled: false, reportId: report.id, format: report.format, target: report.target, location };
}

/** Width and height from a PNG's IHDR chunk (the first chunk, right after the signature); refused when the file is cut short. */
export function pngImage(base64: string): ReportImage {
  const bytes = pngBytes(base64);
  const iend = bytes.subarray(bytes.length - 8, bytes.length - 4).toString('latin1');
  if (bytes.length < 33 || bytes.subarray(12, 16).toString('latin1') !== 'IHDR' || iend !== 'IEND') {
    throw new ApiError('VALIDATION', 'Een grafiek is geen volledige PNG-afbeelding. Maak het rapport opnieuw.');
  }
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    throw new ApiError('VALIDATION', `Een grafiek is ${width} × ${height} beeldpunten; dat kan geen grafiek van het scherm zijn. Maak het rapport opnieuw.`);
  }
  return { bytes, width, height };
}

/**
 * Charts of the running report as PNG, checked and held in memory until the report ends. All or
 * nothing: when one picture is refused, none of the call is kept. An imageId sent again replaces
 * its picture. Answers what this call added.
 */
export function addReportImages(ctx: ServiceContext, input: ParsedInput<'addReportImages'>): Output<'addReportImages'> {
  const report = requireRunning(ctx, input.reportId);
  const decoded = new Map<string, ReportImage>();
  for (const { imageId, png } of input.images) {
    const image = pngImage(png);
    if (image.bytes.length > REPORT_LIMITS.imageBytes) {
      throw new ApiError('VALIDATION', `De grafiek ${imageId} is groter dan ${REPORT_LIMITS.imageBytes / 1024 / 1024} MB. Maak de grafiek kleiner.`);
    }
    decoded.set(imageId, image);
  }
  let total = report.imageBytes;
  for (const [imageId, image] of decoded) total += image.bytes.length - (report.images.get(imageId)?.bytes.length ?? 0);
  if (total > REPORT_LIMITS.totalImageBytes) {
    throw new ApiError('VALIDATION', `De grafieken van dit rapport zijn samen groter dan ${REPORT_LIMITS.totalImageBytes / 1024 / 1024} MB. Kies minder metingen of vragenlijsten voor één rapport.`);
  }
  let bytes = 0;
  for (const [imageId, image] of decoded) {
    report.images.set(imageId, image);
    bytes += image.bytes.length;
  }
  report.imageBytes = total;
  return { images: decoded.size, bytes };
}

/** The pictures a model refers to that were never added. */
function missingImages(content: ParsedInput<'writeReport'>['content'], images: ReportImages): string[] {
  const ids =
    content.format === 'docx'
      ? content.document.blocks.flatMap((b) => (b.type === 'chart' ? [b.imageId] : []))
      : content.presentation.slides.flatMap((s) => (s.imageId ? [s.imageId] : []));
  return [...new Set(ids.filter((id) => !images.has(id)))];
}

async function serialise(content: ParsedInput<'writeReport'>['content'], images: ReportImages): Promise<Uint8Array> {
  return content.format === 'docx' ? documentToDocx(content.document as ReportDocument, images) : presentationToPptx(content.presentation as ReportPresentation, images);
}

/**
 * Writes one file of the running report: the chosen file, or into the report's new folder under
 * `fileName` (made safe; two files of one report never share a name). Temp file renamed into
 * place: a failure leaves neither a temp file nor a half-written target.
 */
export async function writeReport(ctx: ServiceContext, input: ParsedInput<'writeReport'>): Promise<Output<'writeReport'>> {
  const report = requireRunning(ctx, input.reportId);
  if (input.content.format !== report.format) {
    throw new ApiError('VALIDATION', `Dit rapport is begonnen als ${FORMAT_NAMES[report.format]}; een ${FORMAT_NAMES[input.content.format]} kan er niet in. Begin een nieuw rapport voor dat formaat.`);
  }
  const missing = missingImages(input.content, report.images);
  if (missing.length > 0) {
    const list = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ` en nog ${missing.length - 5}` : '');
    throw new ApiError('VALIDATION', `Het rapport noemt ${missing.length === 1 ? 'een grafiek' : 'grafieken'} die niet ${missing.length === 1 ? 'is' : 'zijn'} meegestuurd: ${list}. Stuur eerst alle grafieken en schrijf het rapport daarna.`);
  }
  let path: string;
  let name: string;
  if (report.target === 'file') {
    if (report.files.length > 0 || report.names.size > 0) {
      throw new ApiError('CONFLICT', 'Dit rapport is al geschreven. Begin een nieuw rapport om nog een bestand te maken.');
    }
    path = report.location;
    name = path;
  } else {
    if (!input.fileName) throw new ApiError('VALIDATION', 'Geef het bestand in de map een naam (bijvoorbeeld de naam van de organisatie).');
    const fileName = `${safeFileName([input.fileName])}.${report.format}`;
    name = fileName.toLowerCase();
    if (report.names.has(name)) {
      throw new ApiError('CONFLICT', `In dit rapport is al een bestand ${fileName} gemaakt. Geef elk bestand een eigen naam.`);
    }
    path = join(report.location, fileName);
  }
  // Taken before the first await, so two calls at once cannot write the same name.
  report.names.add(name);
  try {
    let bytes: Uint8Array;
    try {
      bytes = await serialise(input.content, report.images);
    } catch (err) {
      console.error('Een rapport kon niet worden opgebouwd', err);
      throw new ApiError('EXPORT_FAILED', `Het ${FORMAT_NAMES[report.format]} kon niet worden opgebouwd (${err instanceof Error ? err.message : String(err)}). Probeer het opnieuw.`);
    }
    if (runningReports.get(ctx) !== report) throw new ApiError('NOT_FOUND', 'Dit rapport is afgesloten terwijl het werd geschreven. Begin het rapport opnieuw.');
    try {
      writeFilesAtomically([{ path, bytes }]);
    } catch (err) {
      throw new ApiError(
        'EXPORT_FAILED',
        `Het bestand ${path} kon niet worden opgeslagen (${err instanceof Error ? err.message : String(err)}). Controleer of de map er nog is en of u er mag schrijven, en begin het rapport opnieuw.`,
      );
    }
    report.files.push(path);
    report.touchedAt = nowMs(ctx);
    return { filePath: path, bytes: bytes.length };
  } catch (err) {
    report.names.delete(name);
    throw err;
  }
}

/** Closes the running report, finished or given up: its pictures are dropped and the next report may start. */
export function endReport(ctx: ServiceContext, input: ParsedInput<'endReport'>): Output<'endReport'> {
  const report = requireRunning(ctx, input.reportId);
  return { files: finish(ctx, report, false) };
}
