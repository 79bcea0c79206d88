import { execFileSync, spawnSync } from 'node:child_process';

/**
 * Poppler's `pdftotext` and `pdfinfo`, for tests that read a PDF the app saved the way a reader
 * does. CI installs `poppler-utils` (.ci/run); on a machine without it those checks are skipped
 * and say so.
 */
export const hasPdftotext = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

export const PDFTOTEXT_MISSING = 'pdftotext is not installed: the PDF is saved but not read back. Install poppler-utils (apt-get install poppler-utils) to read it.';

/** The text of each page of a PDF file, in reading order, white space collapsed. */
export function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  // pdftotext ends every page with a form feed.
  return text
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, ' ').trim());
}

/** The page size in points and the page count, as pdfinfo reads them. */
export function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), width: Number(size[1]), height: Number(size[2]) };
}

/** Every word of every page with its box, in PDF points, from `pdftotext -bbox`. */
export function pdfWords(file: string): { width: number; height: number; words: { xMax: number; yMax: number; text: string }[] }[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return html
    .split('<page ')
    .slice(1)
    .map((page) => {
      const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(page)!;
      const words = [...page.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        xMax: Number(m[1]),
        yMax: Number(m[2]),
        text: m[3]!,
      }));
      return { width: Number(width), height: Number(height), words };
    });
}

/** Each page's text with its layout (columns kept apart by spaces), from `pdftotext -layout`. */
export function pdfLayoutPages(file: string): string[] {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}
