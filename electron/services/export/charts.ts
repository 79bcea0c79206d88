import type { Output, ParsedInput } from '../../../shared/contract';
import { ApiError } from '../../../shared/errors';
import { appendAudit } from '../../db/repositories/audit';
import type { ServiceContext } from '../context';
import { safeFileName, writeFilesAtomically } from '../files';
import { requireNetwork, requireWave } from '../administration/networks';
import { PNG_SIGNATURE } from './report-images';

/**
 * Charts and the results print view for reports. The renderer turns a dashboard chart into SVG
 * text or PNG bytes (renderer/src/features/export/chartImage.ts) and hands them over; the main
 * process checks that they are what they claim to be, asks where to save and writes them
 * atomically. The renderer never names a path.
 */

export type SavedImage = Output<'saveChartImage'>;

const MAX_IMAGE_BYTES = 15 * 1024 * 1024;

/** An SVG document the renderer serialised from a chart: no scripts, no event handlers, no embedded HTML or outside links. */
export function checkSvg(text: string): void {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  const startsAsSvg = /^(<\?xml[^>]*\?>\s*)?<svg[\s>]/i.test(head);
  const forbidden = /<script|<foreignObject|<iframe|<object|<embed|<[^>]+\son[a-z]+\s*=|javascript:|(?:xlink:)?href\s*=\s*["']\s*(?!#|data:image\/)/i;
  if (!startsAsSvg || forbidden.test(head)) {
    throw new ApiError('VALIDATION', 'Dit is geen grafiek die Netwerkspiegel kan opslaan (het SVG-bestand bevat iets anders dan een afbeelding).');
  }
}

export function pngBytes(base64: string): Buffer {
  const clean = base64.replace(/^data:image\/png;base64,/, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) throw new ApiError('VALIDATION', 'Dit is geen PNG-afbeelding. Sla de grafiek opnieuw op.');
  const bytes = Buffer.from(clean, 'base64');
  if (bytes.length < PNG_SIGNATURE.length + 12 || !bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    throw new ApiError('VALIDATION', 'Dit is geen PNG-afbeelding. Sla de grafiek opnieuw op.');
  }
  return bytes;
}

async function saveBytes(ctx: ServiceContext, suggested: string, bytes: Uint8Array): Promise<SavedImage> {
  if (bytes.length > MAX_IMAGE_BYTES) throw new ApiError('VALIDATION', 'Het bestand is te groot (meer dan 15 MB). Maak de grafiek kleiner.');
  const target = await ctx.chooseExportPath(suggested);
  if (target === null) return { cancelled: true };
  try {
    writeFilesAtomically([{ path: target, bytes }]);
  } catch (err) {
    throw new ApiError('EXPORT_FAILED', `Het bestand kon niet worden opgeslagen (${err instanceof Error ? err.message : String(err)}). Kies een andere map.`);
  }
  return { cancelled: false, filePath: target, bytes: bytes.length };
}

export async function saveChartImage(ctx: ServiceContext, input: ParsedInput<'saveChartImage'>): Promise<SavedImage> {
  let bytes: Buffer;
  if (input.format === 'svg') {
    checkSvg(input.data);
    bytes = Buffer.from(input.data, 'utf8');
  } else bytes = pngBytes(input.data);
  return saveBytes(ctx, `${safeFileName(['netwerkspiegel', input.name])}.${input.format}`, bytes);
}

/**
 * What the main window shows, printed to PDF by the Electron main process
 * (`webContents.printToPDF` through `ctx.printToPdf`) and saved where the user chooses. Without
 * that hook (the test harness) it says so; in a browser the page is printed with the browser's own
 * dialog. The renderer decides what is on the page (a print view and its print styles).
 */
async function savePrintedPdf(ctx: ServiceContext, suggestedName: string): Promise<SavedImage> {
  if (!ctx.printToPdf) {
    throw new ApiError('CONFLICT', 'Opslaan als PDF kan alleen in de Netwerkspiegel-app zelf. Gebruik hier de afdrukknop van de browser en kies Opslaan als PDF.');
  }
  const target = await ctx.chooseExportPath(suggestedName);
  if (target === null) return { cancelled: true };
  let bytes: Uint8Array;
  try {
    bytes = await ctx.printToPdf();
  } catch (err) {
    throw new ApiError('EXPORT_FAILED', `De PDF kon niet worden gemaakt (${err instanceof Error ? err.message : String(err)}). Probeer het opnieuw.`);
  }
  try {
    writeFilesAtomically([{ path: target, bytes }]);
  } catch (err) {
    throw new ApiError('EXPORT_FAILED', `Het bestand kon niet worden opgeslagen (${err instanceof Error ? err.message : String(err)}). Kies een andere map.`);
  }
  return { cancelled: false, filePath: target, bytes: bytes.length };
}

/** The network's results as PDF: the window shows the results print view. */
export async function saveResultsPdf(ctx: ServiceContext, input: ParsedInput<'saveResultsPdf'>): Promise<SavedImage> {
  const network = requireNetwork(ctx, input.networkId);
  const saved = await savePrintedPdf(ctx, `${safeFileName(['netwerkspiegel', network.name, 'resultaten', ctx.now().slice(0, 10)])}.pdf`);
  if (!saved.cancelled) {
    appendAudit(ctx.db, ctx.deviceId, { action: 'export.results_pdf', entity: 'network', entityId: network.id, details: { bytes: saved.bytes } }, ctx.now());
  }
  return saved;
}

/**
 * A wave's blank paper questionnaire as PDF: the window shows the printable form. It holds no
 * answers and no respondent codes (nothing about anyone leaves the app), so, unlike the results,
 * it is not written to the audit log.
 */
export async function savePaperFormPdf(ctx: ServiceContext, input: ParsedInput<'savePaperFormPdf'>): Promise<SavedImage> {
  const wave = requireWave(ctx, input.waveId);
  const network = requireNetwork(ctx, wave.networkId);
  return savePrintedPdf(ctx, `${safeFileName(['netwerkspiegel', network.name, wave.label, 'papieren-vragenlijst'])}.pdf`);
}
