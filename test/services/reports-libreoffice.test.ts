import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import { hasPdftotext, pdfInfo, pdfPages } from '../support/pdftotext';
import { chartImages, conditionTable, networkDocument, networkPresentation } from '../support/report-model';
import { convertToPdf, hasSoffice, SOFFICE_MISSING } from '../support/soffice';
import { writeReportFile } from '../support/report-service';
import { useServices, type Laptop } from '../support/services';
import { useTempDir } from '../support/tmp';

/**
 * A realistic report (several headings, a table of 12 columns × 30 rows, 6 charts of 2280 × 1200,
 * a long open answer, Dutch diacritics) written through the service, then opened by LibreOffice:
 * converted to PDF without errors, with a plausible number of pages, and the PDF's text holds the
 * headings and the table's last column. Set REPORT_PDF_DIR to keep the PDFs (to look at them).
 */

const open = useServices();
const tmp = useTempDir();
const SIZE = { instruments: 1, waves: 2, chartsPerPart: 3, tablesPerPart: 1, tableRows: 30, chartWidth: 2280, chartHeight: 1200 };

async function written(s: Laptop, networkId: string, content: Input<'writeReport'>['content'], imageIds: string[]): Promise<string> {
  return writeReportFile(s, networkId, content, chartImages(imageIds, { chartWidth: SIZE.chartWidth, chartHeight: SIZE.chartHeight }));
}

function pdfOf(file: string): { pages: string[]; count: number } {
  const keep = process.env.REPORT_PDF_DIR;
  const out = keep ? join(keep, extname(file).slice(1)) : tmp();
  mkdirSync(out, { recursive: true });
  const converted = convertToPdf(file, out);
  expect(converted.status, converted.output).toBe(0);
  expect(existsSync(converted.pdf), converted.output).toBe(true);
  return { pages: pdfPages(converted.pdf), count: pdfInfo(converted.pdf).pages };
}

/** The table's last column, as the model has it ("6,00" … "8,90"). */
const LAST_COLUMN = conditionTable(30).rows.map((row) => row[row.length - 1]!);

describe('reports open in LibreOffice', () => {
  it('has LibreOffice and Poppler to check them with', () => {
    expect(hasSoffice, SOFFICE_MISSING).toBe(true);
    expect(hasPdftotext, 'pdftotext and pdfinfo (poppler-utils) are needed to read the converted reports back').toBe(true);
    expect(spawnSync('pdfinfo', ['-v']).status).toBe(0);
  });

  it('converts the Word report to PDF: every heading and the whole table are in it', async () => {
    if (!hasSoffice) throw new Error(SOFFICE_MISSING);
    const s = open();
    const network = await s.ok('createNetwork', { name: 'Dementie Oost' });
    const { document, imageIds } = networkDocument(SIZE);
    expect(imageIds).toHaveLength(6);
    const file = await written(s, network.id, { format: 'docx', document }, imageIds);
    const pdf = pdfOf(file);
    // Title page, summary, 6 charts of 8.4 cm high (two a page at most), two tables of 31 rows, open answers: 8–16 pages.
    expect(pdf.count).toBeGreaterThanOrEqual(8);
    expect(pdf.count).toBeLessThanOrEqual(16);
    const text = pdf.pages.join(' ');
    for (const block of document.blocks) if (block.type === 'heading') expect(text).toContain(block.text);
    // The last column is the one a table too wide for the page would lose.
    for (const value of LAST_COLUMN) expect(text).toContain(value);
    expect(text).toContain('Rapportcijfer');
    expect(text).toContain('Coördinatie van zorg');
    expect(text).toContain('Naïef misschien');
    // The title page has no footer; the next page has it, numbered 1.
    expect(pdf.pages[0]).not.toContain('Netwerkspiegel · Dementie Oost · 1 december 2026');
    expect(pdf.pages[1]).toMatch(/Netwerkspiegel · Dementie Oost · 1 december 2026 1$/);
  }, 150_000);

  it('converts the PowerPoint report to PDF: a page per slide, the long table continued', async () => {
    if (!hasSoffice) throw new Error(SOFFICE_MISSING);
    const s = open();
    const network = await s.ok('createNetwork', { name: 'Dementie Oost' });
    const { presentation, imageIds } = networkPresentation({ ...SIZE, chartsPerPart: 6, tablesPerPart: 1 });
    expect(imageIds).toHaveLength(6);
    const file = await written(s, network.id, { format: 'pptx', presentation }, imageIds);
    const pdf = pdfOf(file);
    // 2 + section + 6 charts + the table of 30 rows on 3 slides + discussion = 13.
    expect(pdf.count).toBe(13);
    const text = pdf.pages.join(' ');
    for (const value of LAST_COLUMN) expect(text).toContain(value);
    expect(pdf.pages.filter((p) => p.includes('Scores per conditie (vervolg)'))).toHaveLength(2);
    expect(pdf.pages[12]).toContain('Hoe krijgen we de rolverdeling helder?');
    expect(pdf.pages[12]).toContain('Wat herkent u hierin, en wat willen we als netwerk anders doen?');
    // Footer and slide number on content slides, not on the title slide.
    expect(pdf.pages[1]).toContain('Netwerkspiegel · Dementie Oost · 1 december 2026');
    expect(pdf.pages[0]).not.toContain('Netwerkspiegel · Dementie Oost · 1 december 2026');
  }, 150_000);
});
