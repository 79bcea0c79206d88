import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { ReportBlock, ReportDocument, ReportRun, ReportTable } from '../../../shared/report';
import { heightFor, placeholderPng, type ReportImages } from './report-images';
import { crc32, readZip, storedEntry, zip } from './zip';

/**
 * A report model (shared/report.ts) as a real, editable Word document, written with the `docx`
 * library: Word's own heading styles (the navigation pane follows them), paragraph styles for
 * lead, note, caption and quote, bullets as a Word list, tables as Word tables, charts as inline
 * PNG pictures with alt text. A4 portrait, 2.5 cm margins, Calibri 11 pt.
 *
 * Every text of the model becomes literal runs of text (`w:t`); line ends become `w:br`, tabs
 * `w:tab`. Nothing is ever a field, a hyperlink or markup, so respondent text stays text. The only
 * field in the document is the page number in the footer, which we write ourselves.
 */

/** Twentieths of a point per centimetre. */
const TWIPS_PER_CM = 1440 / 2.54;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = Math.round(2.5 * TWIPS_PER_CM);
/** The width text and tables may take: 21 cm − 2 × 2.5 cm = 16 cm. */
export const TEXT_WIDTH_TWIPS = PAGE.width - 2 * MARGIN;
/** A picture never gets higher than this, so it and its caption fit on one page (24.7 cm of text height). */
const MAX_PICTURE_HEIGHT_CM = 21;
/** docx sizes pictures in pixels at 96 per inch. */
const PX_PER_CM = 96 / 2.54;

const FONT = 'Calibri';
const BULLETS = 'report-bullets';
const LANGUAGE = { nl: 'nl-NL', en: 'en-GB' } as const;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8C8C8C' } as const;

/**
 * A text as runs: each line its own run after a line break, tabs as Word tabs. The text goes into
 * `w:t` as it is (docx escapes `<`, `&` and quotes), never read as anything but text.
 */
export function literalRuns(text: string, style: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun[] {
  return text.split(/\r\n|\r|\n/).map((line, index) => {
    const children: (string | Tab)[] = [];
    line.split('\t').forEach((part, i) => {
      if (i > 0) children.push(new Tab());
      if (part !== '') children.push(part);
    });
    return new TextRun({ ...style, children, break: index > 0 ? 1 : undefined });
  });
}

const runsOf = (runs: ReportRun[]): TextRun[] => runs.flatMap((r) => literalRuns(r.text, { bold: r.bold, italics: r.italic }));

// ---- tables -------------------------------------------------------------------------------------

/** Average width of a character in ems, Calibri-like: narrow enough for digits and lower case, a bit more for bold. */
const EM_PER_CHAR = { normal: 0.5, bold: 0.56 };
/** A cell's left + right margin in twips (Word's default is 108 each side; narrower for wide tables). */
const cellMarginFor = (columns: number) => (columns > 6 ? 55 : 100);
/** A row whose every cell is at most this long is kept on one page. */
const SHORT_CELL = 300;
/** 10 pt for narrow tables, 9 pt for wide ones. */
export const tableFontPt = (columns: number) => (columns > 6 ? 9 : 10);

const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((w) => [...w].length));
const longestLine = (text: string) => Math.max(0, ...text.split(/\r\n|\r|\n/).map((l) => [...l].length));

/**
 * Column widths in twips from the content, filling the text width: each column gets at least its
 * longest word (so no word is broken), and the rest is shared by how much longer its text would
 * like to be (lines longer than 40 characters wrap anyway). When even the longest words do not fit,
 * every column shrinks by the same factor.
 */
export function columnWidths(table: Pick<ReportTable, 'columns' | 'rows'>, totalTwips = TEXT_WIDTH_TWIPS): number[] {
  const pt = tableFontPt(table.columns.length);
  const twipsPerChar = (bold: boolean) => pt * 20 * (bold ? EM_PER_CHAR.bold : EM_PER_CHAR.normal);
  const padding = 2 * cellMarginFor(table.columns.length) + 20;
  const minimum: number[] = [];
  const natural: number[] = [];
  table.columns.forEach((column, c) => {
    const cells = table.rows.map((row) => row[c] ?? '');
    const minChars = Math.max(longestWord(column.label) * twipsPerChar(true), ...cells.map((t) => longestWord(t) * twipsPerChar(false)));
    const naturalChars = Math.max(Math.min(longestLine(column.label), 40) * twipsPerChar(true), ...cells.map((t) => Math.min(longestLine(t), 40) * twipsPerChar(false)));
    minimum.push(minChars + padding);
    natural.push(Math.max(naturalChars, minChars) + padding);
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sum(natural) <= totalTwips) {
    widths = natural.map((w) => (w * totalTwips) / sum(natural));
  } else if (sum(minimum) <= totalTwips) {
    const spare = totalTwips - sum(minimum);
    const wanted = sum(natural) - sum(minimum);
    widths = minimum.map((m, i) => m + (spare * (natural[i]! - m)) / wanted);
  } else {
    widths = minimum.map((m) => (m * totalTwips) / sum(minimum));
  }
  const rounded = widths.map((w) => Math.floor(w));
  rounded[rounded.length - 1]! += totalTwips - sum(rounded);
  return rounded;
}

function tableBlock(table: ReportTable): (Paragraph | Table)[] {
  const widths = columnWidths(table);
  // The font size and cell margins are the table's (a paragraph style and the table's cell margins), not every cell's: a report holds tens of thousands of cells.
  const style = tableFontPt(table.columns.length) === 10 ? 'TableText' : 'TableTextSmall';
  const margin = cellMarginFor(table.columns.length) / 2;
  // The header and the first rows stay on the page of the caption (Word keeps a row with the next).
  const cell = (text: string, c: number, header: boolean, keepNext = header) =>
    new TableCell({
      width: { size: widths[c]!, type: WidthType.DXA },
      shading: header ? { fill: 'E8E8E8' } : undefined,
      children: [
        new Paragraph({
          style,
          keepNext: keepNext || undefined,
          alignment: table.columns[c]!.align === 'right' ? AlignmentType.RIGHT : undefined,
          children: literalRuns(text, header ? { bold: true } : {}),
        }),
      ],
    });
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: table.columns.map((col, c) => cell(col.label, c, true)) });
  // A row of short texts stays on one page; a long one (an open answer) may break, or it could be taller than a page.
  const rows = table.rows.map((row, r) => new TableRow({ cantSplit: row.every((text) => text.length <= SHORT_CELL), children: table.columns.map((_, c) => cell(row[c] ?? '', c, false, r < 2 && r < table.rows.length - 1)) }));
  const out: (Paragraph | Table)[] = [
    new Paragraph({ style: 'Caption', keepNext: true, children: literalRuns(table.caption) }),
    new Table({
      rows: [header, ...rows],
      width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      margins: { left: margin, right: margin, top: 30, bottom: 30 },
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    }),
  ];
  if (table.note) out.push(new Paragraph({ style: 'Note', children: literalRuns(table.note) }));
  else out.push(new Paragraph({ style: 'Note', children: [] }));
  return out;
}

// ---- blocks -------------------------------------------------------------------------------------

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const PARAGRAPH_STYLES = { normal: undefined, lead: 'Lead', note: 'Note' } as const;

function blockToWord(block: ReportBlock, images: ReportImages): (Paragraph | Table)[] {
  switch (block.type) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], children: literalRuns(block.text) })];
    case 'paragraph':
      return [new Paragraph({ style: PARAGRAPH_STYLES[block.style ?? 'normal'], children: runsOf(block.runs) })];
    case 'bullets':
      return block.items.map((item) => new Paragraph({ style: 'ListParagraph', numbering: { reference: BULLETS, level: 0 }, children: runsOf(item) }));
    case 'table':
      return tableBlock(block);
    case 'chart': {
      const image = images.get(block.imageId);
      if (!image) throw new Error(`de grafiek ${block.imageId} ontbreekt`);
      // Never wider than the text (16 cm), never higher than fits with its caption; proportions kept.
      let widthCm = Math.min(block.widthCm, TEXT_WIDTH_TWIPS / TWIPS_PER_CM);
      if (heightFor(image, widthCm) > MAX_PICTURE_HEIGHT_CM) widthCm = (MAX_PICTURE_HEIGHT_CM * image.width) / image.height;
      const picture = new ImageRun({
        type: 'png',
        // A stand-in: docx would hash and deflate every chart in JavaScript (seconds for a report); the chart goes in afterwards.
        data: placeholderPng(block.imageId),
        transformation: { width: Math.round(widthCm * PX_PER_CM), height: Math.round(heightFor(image, widthCm) * PX_PER_CM) },
        altText: { name: block.imageId, title: block.caption, description: block.alt },
      });
      return [
        new Paragraph({ style: 'Picture', keepNext: true, children: [picture] }),
        new Paragraph({ style: 'Caption', children: literalRuns(block.caption) }),
      ];
    }
    case 'quote':
      return [new Paragraph({ style: 'Quote', children: literalRuns(block.text) })];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

// ---- the document -------------------------------------------------------------------------------

const pt = (points: number) => points * 2;
const spacing = (beforePt: number, afterPt: number) => ({ before: beforePt * 20, after: afterPt * 20 });

function styles(language: ReportDocument['language']) {
  const heading = (sizePt: number, beforePt: number, outlineLevel: number) => ({
    run: { font: FONT, size: pt(sizePt), bold: true, color: '1F3864' },
    paragraph: { spacing: spacing(beforePt, 6), keepNext: true, keepLines: true, outlineLevel },
  });
  return {
    default: {
      document: { run: { font: FONT, size: pt(11), language: { value: LANGUAGE[language] } }, paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } } },
      title: { run: { font: FONT, size: pt(28), bold: true, color: '1F3864' }, paragraph: { spacing: spacing(0, 12) } },
      heading1: heading(16, 18, 0),
      heading2: heading(13, 12, 1),
      heading3: heading(11.5, 10, 2),
      listParagraph: { paragraph: { spacing: { after: 60 } } },
      caption: { run: { font: FONT, size: pt(10), bold: true, italics: false, color: '404040' }, paragraph: { spacing: spacing(6, 4) } },
    },
    paragraphStyles: [
      { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: pt(16), color: '404040' }, paragraph: { spacing: spacing(0, 24) } },
      { id: 'Lead', name: 'Lead', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: pt(12.5) }, paragraph: { spacing: spacing(0, 10) } },
      { id: 'Note', name: 'Note', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: pt(9), italics: true }, paragraph: { spacing: spacing(3, 10) } },
      { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true }, paragraph: { indent: { left: 567, right: 567 }, spacing: spacing(4, 8) } },
      { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: pt(10) }, paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
      { id: 'TableTextSmall', name: 'Table Text Small', basedOn: 'TableText', run: { size: pt(9) } },
      { id: 'Picture', name: 'Picture', basedOn: 'Normal', next: 'Caption', paragraph: { spacing: spacing(6, 0) } },
    ],
  };
}

function titlePage(doc: ReportDocument): Paragraph[] {
  return [
    new Paragraph({ children: [], spacing: { before: 3600 } }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: literalRuns(doc.title) }),
    new Paragraph({ style: 'Subtitle', children: literalRuns(doc.subtitle) }),
    ...doc.titleLines.map((line) => new Paragraph({ children: literalRuns(line) })),
  ];
}

function footer(text: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIPS }],
        children: [new TextRun({ size: pt(9), color: '595959', children: [text, new Tab(), PageNumber.CURRENT] })] satisfies ParagraphChild[],
      }),
    ],
  });
}

export function documentToWord(doc: ReportDocument, images: ReportImages): Document {
  const page = { size: PAGE, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 709, footer: 709 } };
  return new Document({
    title: doc.title,
    subject: doc.subtitle,
    creator: 'Netwerkspiegel',
    styles: styles(doc.language),
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 567, hanging: 283 } } } }],
        },
      ],
    },
    sections: [
      { properties: { page }, children: titlePage(doc) },
      {
        properties: { page: { ...page, pageNumbers: { start: 1 } } },
        footers: { default: footer(doc.footer) },
        children: doc.blocks.flatMap((block) => blockToWord(block, images)),
      },
    ],
  });
}

/**
 * The .docx file's bytes. docx writes the document with a 1 × 1 stand-in for each chart; its zip
 * is then copied entry by entry as it is (nothing inflated or compressed again), each stand-in
 * replaced by its chart, stored: a PNG is compressed already.
 */
export async function documentToDocx(doc: ReportDocument, images: ReportImages, when = new Date()): Promise<Uint8Array> {
  const packed = await Packer.toBuffer(documentToWord(doc, images));
  const standIns = new Map<string, string>();
  for (const imageId of new Set(doc.blocks.flatMap((b) => (b.type === 'chart' ? [b.imageId] : [])))) {
    const png = placeholderPng(imageId);
    standIns.set(`${crc32(png)}:${png.length}`, imageId);
  }
  const entries = readZip(packed).map((entry) => {
    const imageId = entry.name.startsWith('word/media/') ? standIns.get(`${entry.crc >>> 0}:${entry.size}`) : undefined;
    if (imageId === undefined) return entry;
    standIns.delete(`${entry.crc >>> 0}:${entry.size}`);
    return storedEntry(entry.name, images.get(imageId)!.bytes);
  });
  if (standIns.size > 0) throw new Error(`de grafiek ${[...standIns.values()].join(', ')} staat niet in het document`);
  return zip(entries, when);
}
