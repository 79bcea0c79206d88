import PptxGenJS from 'pptxgenjs';
import type { ReportPresentation, ReportSlide, ReportTable } from '../../../shared/report';
import { columnWidths } from './report-docx';
import { heightFor, type ReportImages } from './report-images';

/**
 * A presentation model (shared/report.ts) as PowerPoint, written with `pptxgenjs`: 16:9 (13.33 ×
 * 7.5 inch), a footer and slide number on every slide but the title, speaker notes, alt text on
 * pictures. Layouts: title, section, bullets, chart (the picture beside or under the key messages,
 * its proportions kept), table (at most 12 rows a slide, longer tables continue on the next
 * slide), discussion (the conversation point, its bullets and a question to the room).
 *
 * Text is handed to pptxgenjs as plain runs only, never with `hyperlink` (the only way it writes a
 * link); it escapes `&`, `<`, `>` and quotes into `a:t`. A line end starts a new paragraph (an item's next line is indented under its bullet).
 * Font sizes are worked out here so text fits its box (PowerPoint's "shrink on overflow" is only
 * applied when someone edits the slide).
 */

const W = 13.333;
const H = 7.5;
const MARGIN = 0.55;
const CONTENT = { x: MARGIN, y: 1.45, w: W - 2 * MARGIN, h: 5.3 };
const FONT = 'Calibri';
const DARK = '1F3864';
const GREY = '595959';
export const TABLE_ROWS_PER_SLIDE = 12;

const LANGUAGE = { nl: 'nl-NL', en: 'en-GB' } as const;
const WORDS = {
  nl: { continued: '(vervolg)', question: 'Wat herkent u hierin, en wat willen we als netwerk anders doen?' },
  en: { continued: '(continued)', question: 'What do you recognise here, and what should we do differently as a network?' },
} as const;

type Lang = ReportPresentation['language'];
type Run = PptxGenJS.TextProps;

/**
 * A text as paragraphs of one run each, a paragraph per line. (pptxgenjs writes a paragraph's
 * properties again before every further run of it, after an `a:br` too, which PowerPoint's schema
 * does not allow; one run per paragraph keeps the XML valid.) Fresh option objects each time:
 * pptxgenjs writes into them.
 */
function literalRuns(text: string, options: PptxGenJS.TextPropsOptions = {}): Run[] {
  return text.split(/\r\n|\r|\n/).map((line) => ({ text: line, options: { ...options, breakLine: true } }));
}

const BULLET = { indent: 18 };
/** A bullet's further lines: indented like its first, the "bullet" a no-break space. */
const CONTINUED = { indent: 18, characterCode: '00A0' };

/** Bullets as paragraphs: an item's first line with the bullet, its further lines indented under it. */
function bulletRuns(items: readonly string[], lang: string): Run[] {
  return items.flatMap((item) => {
    const lines = literalRuns(item, { lang });
    return lines.map((run, i) => ({ ...run, options: { ...run.options, bullet: i === 0 ? { ...BULLET } : { ...CONTINUED }, paraSpaceAfter: i === lines.length - 1 ? 6 : undefined } }));
  });
}

/** Lines a text takes in a box `widthIn` wide at `fontPt` (average character half an em wide). */
function linesFor(text: string, widthIn: number, fontPt: number): number {
  const perLine = Math.max(1, Math.floor((widthIn * 72) / (fontPt * 0.5)));
  return text.split(/\r\n|\r|\n/).reduce((n, line) => n + Math.max(1, Math.ceil([...line].length / perLine)), 0);
}

/** The largest font size (of `sizes`, largest first) at which the paragraphs fit the box. */
export function fittingFont(paragraphs: readonly string[], box: { w: number; h: number }, sizes: readonly number[]): number {
  const inner = { w: box.w - 0.45, h: box.h - 0.15 };
  for (const size of sizes) {
    const lines = paragraphs.reduce((n, p) => n + linesFor(p, inner.w, size), 0);
    const height = (lines * size * 1.2 + paragraphs.length * 6) / 72;
    if (height <= inner.h) return size;
  }
  return sizes[sizes.length - 1]!;
}

function addTitle(slide: PptxGenJS.Slide, title: string, lang: string): void {
  const size = fittingFont([title], { w: CONTENT.w, h: 1.0 }, [28, 24, 20, 18, 16]);
  slide.addText(literalRuns(title, { lang }), { x: MARGIN, y: 0.3, w: CONTENT.w, h: 1.0, fontFace: FONT, fontSize: size, bold: true, color: DARK, valign: 'bottom', margin: [0, 4, 0, 4] });
}

function addBullets(slide: PptxGenJS.Slide, bullets: readonly string[], box: { x: number; y: number; w: number; h: number }, lang: string, sizes: readonly number[] = [24, 22, 20, 18, 16, 14, 12, 11, 10]): void {
  if (bullets.length === 0) return;
  const fontSize = fittingFont(bullets, box, sizes);
  slide.addText(bulletRuns(bullets, lang), { ...box, fontFace: FONT, fontSize, color: '262626', valign: 'top' });
}

/** A picture as large as fits in the box, proportions kept, centred. */
function addPicture(slide: PptxGenJS.Slide, images: ReportImages, imageId: string, alt: string, box: { x: number; y: number; w: number; h: number }): void {
  const image = images.get(imageId);
  if (!image) throw new Error(`de grafiek ${imageId} ontbreekt`);
  let w = box.w;
  let h = heightFor(image, w);
  if (h > box.h) {
    h = box.h;
    w = (h * image.width) / image.height;
  }
  slide.addImage({ data: `image/png;base64,${image.bytes.toString('base64')}`, x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h, altText: alt });
}

function chartSlide(slide: PptxGenJS.Slide, model: ReportSlide, images: ReportImages, lang: string): void {
  const bullets = model.bullets ?? [];
  if (!model.imageId) return addBullets(slide, bullets, CONTENT, lang);
  const alt = model.alt ?? model.title;
  if (bullets.length === 0) return addPicture(slide, images, model.imageId, alt, CONTENT);
  const image = images.get(model.imageId);
  const aspect = image ? image.width / image.height : 1.6;
  if (aspect > 2.3) {
    // A wide picture: the key messages above it, the picture across the slide.
    const textH = Math.min(2.0, 0.45 * bullets.length + 0.3);
    addBullets(slide, bullets, { x: CONTENT.x, y: CONTENT.y, w: CONTENT.w, h: textH }, lang, [18, 16, 14, 12, 11, 10]);
    addPicture(slide, images, model.imageId, alt, { x: CONTENT.x, y: CONTENT.y + textH + 0.1, w: CONTENT.w, h: CONTENT.h - textH - 0.1 });
    return;
  }
  const pictureW = CONTENT.w * 0.64;
  addPicture(slide, images, model.imageId, alt, { x: CONTENT.x, y: CONTENT.y, w: pictureW, h: CONTENT.h });
  addBullets(slide, bullets, { x: CONTENT.x + pictureW + 0.25, y: CONTENT.y, w: CONTENT.w - pictureW - 0.25, h: CONTENT.h }, lang, [20, 18, 16, 14, 12, 11, 10]);
}

/** Font size of a table by its number of columns. */
const tableFont = (columns: number) => (columns <= 4 ? 18 : columns <= 6 ? 16 : columns <= 9 ? 14 : 12);

/** The rows of a table in slide-sized pieces: at most 12 rows, and no more than fit the height at the table's font. */
export function tablePages(table: Pick<ReportTable, 'columns' | 'rows'>, colW: number[], fontPt: number, heightIn: number): string[][][] {
  const rowHeight = (row: readonly string[]) => Math.max(...row.map((text, c) => linesFor(text, colW[c]! - 0.1, fontPt))) * ((fontPt * 1.2) / 72) + 0.1;
  const headerH = rowHeight(table.columns.map((c) => c.label));
  const pages: string[][][] = [];
  let page: string[][] = [];
  let used = headerH;
  for (const row of table.rows) {
    const h = rowHeight(row);
    if (page.length > 0 && (page.length >= TABLE_ROWS_PER_SLIDE || used + h > heightIn)) {
      pages.push(page);
      page = [];
      used = headerH;
    }
    page.push(row);
    used += h;
  }
  pages.push(page);
  return pages;
}

function tableSlides(pptx: PptxGenJS, model: ReportSlide & { table: NonNullable<ReportSlide['table']> }, language: Lang, addCommon: (slide: PptxGenJS.Slide, title: string) => void): PptxGenJS.Slide[] {
  const lang = LANGUAGE[language];
  const table = model.table;
  const fontSize = tableFont(table.columns.length);
  const captionH = 0.4;
  const noteH = table.note ? 0.45 : 0;
  const colW = columnWidths(table, Math.round(CONTENT.w * 1440)).map((twips) => twips / 1440);
  const pages = tablePages(table, colW, fontSize, CONTENT.h - captionH - noteH - 0.1);
  const border = { type: 'solid', pt: 0.75, color: '8C8C8C' } as const;
  const cell = (text: string, c: number, header: boolean): PptxGenJS.TableCell => ({
    text: literalRuns(text, { lang }),
    options: { align: table.columns[c]!.align, bold: header, fill: header ? { color: 'E8E8E8' } : undefined, valign: 'middle' },
  });
  return pages.map((rows, i) => {
    const slide = pptx.addSlide({ masterName: 'CONTENT' });
    addCommon(slide, i === 0 ? model.title : `${model.title} ${WORDS[language].continued}`);
    slide.addText(literalRuns(table.caption, { lang }), { x: CONTENT.x, y: CONTENT.y, w: CONTENT.w, h: captionH, fontFace: FONT, fontSize: 14, bold: true, color: GREY, valign: 'top', margin: [0, 4, 0, 4] });
    slide.addTable([table.columns.map((col, c) => cell(col.label, c, true)), ...rows.map((row) => table.columns.map((_, c) => cell(row[c] ?? '', c, false)))], {
      x: CONTENT.x,
      y: CONTENT.y + captionH,
      w: CONTENT.w,
      colW,
      fontFace: FONT,
      fontSize,
      color: '262626',
      border,
      margin: [2, 4, 2, 4],
      autoPage: false,
    });
    if (table.note && i === pages.length - 1) {
      slide.addText(literalRuns(table.note, { lang }), { x: CONTENT.x, y: CONTENT.y + CONTENT.h - noteH, w: CONTENT.w, h: noteH, fontFace: FONT, fontSize: 11, italic: true, color: GREY, valign: 'bottom' });
    }
    return slide;
  });
}

function discussionSlide(slide: PptxGenJS.Slide, model: ReportSlide, language: Lang): void {
  const lang = LANGUAGE[language];
  const promptH = 1.1;
  addBullets(slide, model.bullets ?? [], { x: CONTENT.x, y: CONTENT.y, w: CONTENT.w, h: CONTENT.h - promptH - 0.2 }, lang);
  const question = model.subtitle ?? WORDS[language].question;
  slide.addText(literalRuns(question, { lang }), {
    x: CONTENT.x,
    y: CONTENT.y + CONTENT.h - promptH,
    w: CONTENT.w,
    h: promptH,
    shape: 'roundRect',
    rectRadius: 0.12,
    fill: { color: 'E2EAF6' },
    line: { color: DARK, width: 1 },
    fontFace: FONT,
    fontSize: fittingFont([question], { w: CONTENT.w - 0.4, h: promptH }, [22, 20, 18, 16, 14, 12]),
    bold: true,
    color: DARK,
    align: 'center',
    valign: 'middle',
  });
}

/** The presentation as a pptxgenjs object (exported for tests that look at layout choices). */
export function presentationToDeck(model: ReportPresentation, images: ReportImages): PptxGenJS {
  const pptx = new PptxGenJS();
  const lang = LANGUAGE[model.language];
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = model.title;
  pptx.subject = model.subtitle;
  pptx.author = 'Netwerkspiegel';
  pptx.company = '';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  pptx.defineSlideMaster({ title: 'OPENING', background: { color: 'FFFFFF' }, objects: [{ rect: { x: 0, y: H - 0.35, w: W, h: 0.35, fill: { color: DARK } } }] });
  pptx.defineSlideMaster({
    title: 'CONTENT',
    background: { color: 'FFFFFF' },
    objects: [
      { line: { x: MARGIN, y: H - 0.5, w: W - 2 * MARGIN, h: 0, line: { color: 'BFBFBF', width: 0.75 } } },
      { text: { text: model.footer, options: { x: MARGIN, y: H - 0.48, w: W - 2 * MARGIN - 1, h: 0.35, fontFace: FONT, fontSize: 10, color: GREY, lang, valign: 'top' } } },
    ],
    slideNumber: { x: W - MARGIN - 0.8, y: H - 0.48, w: 0.8, h: 0.35, fontFace: FONT, fontSize: 10, color: GREY, align: 'right' },
  });
  const addCommon = (slide: PptxGenJS.Slide, title: string) => addTitle(slide, title, lang);
  for (const s of model.slides) {
    if (s.layout === 'table' && s.table) {
      const slides = tableSlides(pptx, { ...s, table: s.table }, model.language, addCommon);
      if (s.notes) for (const slide of slides) slide.addNotes(s.notes);
      continue;
    }
    const opening = s.layout === 'title' || s.layout === 'section';
    const slide = pptx.addSlide({ masterName: opening ? 'OPENING' : 'CONTENT' });
    if (s.layout === 'section') slide.addShape('rect', { x: 0, y: 0, w: 0.35, h: H - 0.35, fill: { color: '2E75B6' }, line: { color: '2E75B6', width: 0 } });
    if (opening) {
      const big = s.layout === 'title';
      slide.addText(literalRuns(s.title, { lang }), { x: 0.9, y: big ? 1.9 : 2.4, w: W - 1.8, h: 1.6, fontFace: FONT, fontSize: fittingFont([s.title], { w: W - 1.8, h: 1.6 }, big ? [40, 36, 32, 28, 24] : [36, 32, 28, 24]), bold: true, color: DARK, valign: 'bottom' });
      if (s.subtitle) slide.addText(literalRuns(s.subtitle, { lang }), { x: 0.9, y: (big ? 1.9 : 2.4) + 1.75, w: W - 1.8, h: 1.2, fontFace: FONT, fontSize: fittingFont([s.subtitle], { w: W - 1.8, h: 1.2 }, [22, 20, 18, 16, 14]), color: GREY, valign: 'top' });
      if (s.bullets?.length) addBullets(slide, s.bullets, { x: 0.9, y: (big ? 1.9 : 2.4) + 3.0, w: W - 1.8, h: 1.5 }, lang, [16, 14, 12, 11, 10]);
    } else {
      addTitle(slide, s.title, lang);
      if (s.layout === 'discussion') discussionSlide(slide, s, model.language);
      else if (s.layout === 'chart') chartSlide(slide, s, images, lang);
      else {
        // bullets (and a table slide without its table): the subtitle as a lead line, then the key messages.
        let box = CONTENT;
        if (s.subtitle) {
          slide.addText(literalRuns(s.subtitle, { lang }), { x: CONTENT.x, y: CONTENT.y, w: CONTENT.w, h: 0.6, fontFace: FONT, fontSize: 18, color: GREY, valign: 'top' });
          box = { ...CONTENT, y: CONTENT.y + 0.7, h: CONTENT.h - 0.7 };
        }
        if (s.imageId) chartSlide(slide, { ...s, subtitle: undefined }, images, lang);
        else addBullets(slide, s.bullets ?? [], box, lang);
      }
    }
    if (s.notes) slide.addNotes(s.notes);
  }
  return pptx;
}

/** The .pptx file's bytes. */
export async function presentationToPptx(model: ReportPresentation, images: ReportImages): Promise<Uint8Array> {
  const out = await presentationToDeck(model, images).write({ outputType: 'nodebuffer', compression: true });
  return out as Uint8Array;
}
