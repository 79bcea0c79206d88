import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../shared/report';
import { columnWidths } from '../../electron/services/export/report-docx';
import { all, chartPng, children, HOSTILE_TEXTS, parseAllXml, partText, pngSize, unzip, wordParagraphs, wordStyle, wordTables, wordText } from '../support/report-files';
import { conditionTable } from '../support/report-model';
import { writeReportFile } from '../support/report-service';
import { useServices } from '../support/services';

/**
 * The Word report read back as Word reads it: the XML parts inside the zip, parsed strictly.
 * Expected values come from the model the test wrote (or are worked out by hand), never from the
 * writer.
 */

const open = useServices();

/** What a reader sees: line ends of any kind as one line end. */
const seen = (text: string) => text.replace(/\r\n|\r/g, '\n');

const CHART = chartPng(2280, 1200);
const TALL = chartPng(400, 900);

function model(): ReportDocument {
  return {
    language: 'nl',
    title: 'Netwerkrapport Dementie Oost',
    subtitle: 'Metingen 2025–2026',
    titleLines: ['Netwerk: Dementie Oost', 'Gemaakt op 1 december 2026'],
    footer: 'Netwerkspiegel · Dementie Oost',
    blocks: [
      { type: 'heading', level: 1, text: 'Samenvatting' },
      { type: 'paragraph', style: 'lead', runs: [{ text: 'Het netwerk werkt ' }, { text: 'beter', bold: true }, { text: ' samen.', italic: true }] },
      { type: 'heading', level: 2, text: 'Coördinatie van zorg' },
      { type: 'heading', level: 3, text: 'Per organisatie' },
      { type: 'bullets', items: [[{ text: 'Eerste punt' }], [{ text: 'Tweede ' }, { text: 'punt', bold: true }]] },
      { type: 'chart', imageId: 'breed', caption: 'Figuur 1. Condities per meting', alt: 'Staafdiagram van vijf condities', widthCm: 15 },
      { type: 'chart', imageId: 'hoog', caption: 'Figuur 2. Hoog', alt: 'Een hoge grafiek', widthCm: 17 },
      { type: 'chart', imageId: 'breed', caption: 'Figuur 3. Zo breed als mag', alt: 'Nog eens de condities', widthCm: 17 },
      conditionTable(4),
      { type: 'paragraph', style: 'note', runs: [{ text: 'Een toelichting.' }] },
      { type: 'pageBreak' },
      { type: 'heading', level: 1, text: 'Open antwoorden' },
      ...HOSTILE_TEXTS.map((text) => ({ type: 'quote' as const, text })),
      ...HOSTILE_TEXTS.map((text) => ({ type: 'paragraph' as const, runs: [{ text }] })),
      { type: 'table', caption: 'Antwoorden', columns: [{ label: 'Antwoord', align: 'left' }], rows: HOSTILE_TEXTS.map((t) => [t]) },
      { type: 'heading', level: 2, text: HOSTILE_TEXTS[1]! },
    ],
  };
}

async function written(doc = model()) {
  const s = open();
  const network = await s.ok('createNetwork', { name: 'Dementie Oost' });
  const file = await writeReportFile(s, network.id, { format: 'docx', document: doc }, new Map([['breed', CHART], ['hoog', TALL]]));
  const pkg = unzip(readFileSync(file));
  const xml = parseAllXml(pkg);
  return { doc, pkg, xml, document: xml['word/document.xml']! };
}

describe('the Word report read back', () => {
  it('has a title page without footer, Word heading styles, lead, note, quote and a real bullet list', async () => {
    const { document, xml, doc } = await written();
    const paragraphs = wordParagraphs(document);
    expect(paragraphs.slice(0, 5).filter((p) => p.text !== '').map((p) => [p.style, p.text])).toEqual([
      ['Title', 'Netwerkrapport Dementie Oost'],
      ['Subtitle', 'Metingen 2025–2026'],
      ['', 'Netwerk: Dementie Oost'],
      ['', 'Gemaakt op 1 december 2026'],
    ]);
    const headings = paragraphs.filter((p) => /^Heading\d$/.test(p.style)).map((p) => [p.style, p.text]);
    expect(headings).toEqual([
      ['Heading1', 'Samenvatting'],
      ['Heading2', 'Coördinatie van zorg'],
      ['Heading3', 'Per organisatie'],
      ['Heading1', 'Open antwoorden'],
      ['Heading2', '<w:fldSimple w:instr="HYPERLINK"/>'],
    ]);
    // The heading styles are Word's own (names "Heading 1" …) with an outline level: the navigation pane lists them.
    const styles = all(xml['word/styles.xml']!, 'w:style');
    for (const level of [1, 2, 3]) {
      const style = styles.find((s) => s.getAttribute('w:styleId') === `Heading${level}`)!;
      expect(all(style, 'w:name')[0]!.getAttribute('w:val')).toBe(`Heading ${level}`);
      expect(all(style, 'w:outlineLvl')[0]!.getAttribute('w:val')).toBe(String(level - 1));
    }
    // Calibri 11 pt, Dutch, A4 with 2.5 cm margins (1417 twips).
    const defaults = all(xml['word/styles.xml']!, 'w:rPrDefault')[0]!;
    expect(all(defaults, 'w:rFonts')[0]!.getAttribute('w:ascii')).toBe('Calibri');
    expect(all(defaults, 'w:sz')[0]!.getAttribute('w:val')).toBe('22');
    expect(all(defaults, 'w:lang')[0]!.getAttribute('w:val')).toBe('nl-NL');
    for (const size of all(document, 'w:pgSz')) expect([size.getAttribute('w:w'), size.getAttribute('w:h')]).toEqual(['11906', '16838']);
    for (const m of all(document, 'w:pgMar')) expect(['top', 'bottom', 'left', 'right'].map((k) => m.getAttribute(`w:${k}`))).toEqual(['1417', '1417', '1417', '1417']);
    // Two sections: the title page's has no footer, the body's has one.
    const sections = all(document, 'w:sectPr');
    expect(sections.map((s) => all(s, 'w:footerReference').length)).toEqual([0, 1]);
    expect(paragraphs.find((p) => p.text.startsWith('Het netwerk'))!.style).toBe('Lead');
    expect(paragraphs.find((p) => p.text === 'Een toelichting.')!.style).toBe('Note');
    expect(paragraphs.filter((p) => p.style === 'Quote').map((p) => p.text)).toEqual(HOSTILE_TEXTS.map(seen));
    // Bold and italic runs, as the model marks them.
    const lead = paragraphs.find((p) => p.style === 'Lead')!.element;
    expect(all(lead, 'w:r').map((r) => [wordText(r), all(r, 'w:b').length > 0, all(r, 'w:i').length > 0])).toEqual([
      ['Het netwerk werkt ', false, false],
      ['beter', true, false],
      [' samen.', false, true],
    ]);
    // Bullets: paragraphs in a numbering whose level 0 is a bullet.
    const bullets = paragraphs.filter((p) => all(p.element, 'w:numPr').length > 0);
    expect(bullets.map((p) => p.text)).toEqual(['Eerste punt', 'Tweede punt']);
    const numId = all(bullets[0]!.element, 'w:numId')[0]!.getAttribute('w:val');
    const numbering = xml['word/numbering.xml']!;
    const num = all(numbering, 'w:num').find((n) => n.getAttribute('w:numId') === numId)!;
    const abstractId = all(num, 'w:abstractNumId')[0]!.getAttribute('w:val');
    const abstract = all(numbering, 'w:abstractNum').find((a) => a.getAttribute('w:abstractNumId') === abstractId)!;
    expect(all(abstract, 'w:numFmt')[0]!.getAttribute('w:val')).toBe('bullet');
    expect(doc.blocks.filter((b) => b.type === 'pageBreak')).toHaveLength(1);
    expect(all(document, 'w:br').filter((b) => b.getAttribute('w:type') === 'page')).toHaveLength(1);
  });

  it('writes tables as Word tables: caption above, header row repeated, right-aligned numbers, borders, widths within the page', async () => {
    const { document, doc, xml } = await written();
    const table = doc.blocks.find((b) => b.type === 'table')!;
    if (table.type !== 'table') throw new Error('no table');
    const [first, second] = wordTables(document);
    expect(first).toEqual([table.columns.map((c) => c.label), ...table.rows]);
    expect(second).toEqual([['Antwoord'], ...HOSTILE_TEXTS.map((t) => [seen(t)])]);
    const tbl = all(document, 'w:tbl')[0]!;
    const rows = children(tbl, 'w:tr');
    expect(rows.map((r) => all(r, 'w:tblHeader').length)).toEqual([1, 0, 0, 0, 0]);
    // Numbers to the right, names to the left, in every row.
    for (const row of rows) {
      const aligns = children(row, 'w:tc').map((tc) => all(tc, 'w:jc')[0]?.getAttribute('w:val') ?? 'left');
      expect(aligns).toEqual(table.columns.map((c) => c.align));
    }
    expect(['top', 'bottom', 'left', 'right', 'insideH', 'insideV'].map((side) => all(all(tbl, 'w:tblBorders')[0]!, `w:${side}`)[0]!.getAttribute('w:val'))).toEqual(Array(6).fill('single'));
    // 12 columns: 9 pt; the grid fills the 16 cm between the margins (9072 twips) exactly.
    const grid = all(tbl, 'w:gridCol').map((g) => Number(g.getAttribute('w:w')));
    expect(grid).toHaveLength(12);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(9072);
    expect(wordStyle(all(rows[1]!, 'w:p')[0]!)).toBe('TableTextSmall');
    const small = all(xml['word/styles.xml']!, 'w:style').find((st) => st.getAttribute('w:styleId') === 'TableTextSmall')!;
    expect(all(small, 'w:sz')[0]!.getAttribute('w:val')).toBe('18');
    // The caption is the paragraph just before the table, the note just after it.
    const body = all(document, 'w:body')[0]!;
    const nodes = children(body, 'w:p').concat(children(body, 'w:tbl'));
    const ordered = Array.from(body.childNodes).filter((n) => nodes.includes(n as never)) as typeof nodes;
    const at = ordered.indexOf(tbl);
    expect([wordStyle(ordered[at - 1]!), wordText(ordered[at - 1]!)]).toEqual(['Caption', table.caption]);
    expect([wordStyle(ordered[at + 1]!), wordText(ordered[at + 1]!)]).toEqual(['Note', table.note]);
  });

  it('column widths follow the content and fill the page', () => {
    // By hand: a names column and three short number columns. The names column gets the most room;
    // no column is narrower than its longest word at 10 pt (about 5 pt a character, 100 twips, plus 220 of margins).
    const widths = columnWidths({
      columns: [
        { label: 'Organisatie', align: 'left' },
        { label: 'n', align: 'right' },
        { label: 'Gem.', align: 'right' },
        { label: 'sd', align: 'right' },
      ],
      rows: [['Stichting Thuiszorg Noord-Oost Twente', '12', '3,45', '0,81']],
    });
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9072);
    expect(widths[0]!).toBeGreaterThan(widths[1]! + widths[2]! + widths[3]!);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(4 * 100 + 220);
    // 16 columns of long words cannot all fit: they shrink alike and still fill the page.
    const wide = columnWidths({ columns: Array.from({ length: 16 }, (_, i) => ({ label: `Kolomkopzonderspatie${String.fromCharCode(65 + i)}`, align: 'right' as const })), rows: [] });
    expect(wide.reduce((a, b) => a + b, 0)).toBe(9072);
    expect(Math.max(...wide) - Math.min(...wide)).toBeLessThanOrEqual(16);
  });

  it('puts charts in as inline PNG pictures with alt text, the width asked for and the picture’s own proportions', async () => {
    const { document, pkg } = await written();
    const drawings = all(document, 'wp:inline');
    expect(drawings).toHaveLength(3);
    const [wide, tall, widest] = drawings.map((d) => {
      const extent = all(d, 'wp:extent')[0]!;
      const docPr = all(d, 'wp:docPr')[0]!;
      const blip = all(d, 'a:blip')[0]!.getAttribute('r:embed')!;
      return { cx: Number(extent.getAttribute('cx')), cy: Number(extent.getAttribute('cy')), name: docPr.getAttribute('name'), descr: docPr.getAttribute('descr'), title: docPr.getAttribute('title'), blip };
    });
    // 15 cm is 5 400 000 EMU (360 000 a cm); docx rounds to whole pixels (9525 EMU).
    expect(Math.abs(wide!.cx - 5_400_000)).toBeLessThanOrEqual(9525);
    expect(wide!.cy / wide!.cx).toBeCloseTo(1200 / 2280, 2);
    expect([wide!.name, wide!.descr, wide!.title]).toEqual(['breed', 'Staafdiagram van vijf condities', 'Figuur 1. Condities per meting']);
    // The tall one (400 × 900) at 17 cm would be 38 cm high: it is made to fit 21 cm, proportions kept.
    expect(Math.abs(tall!.cy - 21 * 360_000)).toBeLessThanOrEqual(9525);
    expect(tall!.cy / tall!.cx).toBeCloseTo(900 / 400, 2);
    // 17 cm asked, but the text is 16 cm wide (5 760 000 EMU): never into the margin.
    expect(Math.abs(widest!.cx - 5_760_000)).toBeLessThanOrEqual(9525);
    expect(widest!.cy / widest!.cx).toBeCloseTo(1200 / 2280, 2);
    // The same picture twice is one file in the document.
    expect(widest!.blip).toBe(wide!.blip);
    // The picture files are the PNGs sent, and the caption follows each picture.
    const rels = partText(pkg, 'word/_rels/document.xml.rels');
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
    expect(Buffer.from(pkg[`word/${target(wide!.blip)}`]!)).toEqual(CHART);
    expect(pngSize(pkg[`word/${target(tall!.blip)}`]!)).toEqual({ width: 400, height: 900 });
    const paragraphs = wordParagraphs(document);
    const pictureAt = paragraphs.findIndex((p) => all(p.element, 'wp:inline').length > 0);
    expect([paragraphs[pictureAt + 1]!.style, paragraphs[pictureAt + 1]!.text]).toEqual(['Caption', 'Figuur 1. Condities per meting']);
  });

  it('keeps respondent text literal: no field, no link, nothing but its own page number; every text back character for character', async () => {
    const { pkg, xml, document } = await written();
    // Every part is well-formed XML (parseAllXml threw otherwise); now: no field or link anywhere…
    for (const [name, part] of Object.entries(xml)) {
      expect(all(part, 'w:fldSimple'), name).toHaveLength(0);
      expect(all(part, 'w:hyperlink'), name).toHaveLength(0);
      if (!/footer/.test(name)) {
        expect(all(part, 'w:instrText'), name).toHaveLength(0);
        expect(all(part, 'w:fldChar'), name).toHaveLength(0);
      }
      expect(partText(pkg, name), name).not.toMatch(/relationships\/hyperlink/);
    }
    // …but the page number in the footer: exactly one field, PAGE.
    const footers = Object.keys(xml).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers).toHaveLength(1);
    const footer = xml[footers[0]!]!;
    expect(all(footer, 'w:instrText').map((i) => i.textContent!.trim())).toEqual(['PAGE']);
    expect(all(footer, 'w:fldChar').map((f) => f.getAttribute('w:fldCharType'))).toEqual(['begin', 'separate', 'end']);
    expect(wordText(all(footer, 'w:p')[0]!)).toBe('Netwerkspiegel · Dementie Oost\t');
    // Fields are never updated on opening (that would run one hidden in a text).
    expect(partText(pkg, 'word/settings.xml')).not.toMatch(/updateFields/);
    // Valid WordprocessingML: a paragraph's properties come once, first.
    for (const p of all(document, 'w:p')) {
      const kids = Array.from(p.childNodes).filter((n) => n.nodeType === 1).map((n) => n.nodeName);
      expect(kids.indexOf('w:pPr')).toBeLessThanOrEqual(0);
      expect(kids.filter((k) => k === 'w:pPr')).toHaveLength(kids.includes('w:pPr') ? 1 : 0);
    }
    // Each hostile text is back, as a quote, as a paragraph and in the table.
    const texts = wordParagraphs(document)
      .filter((p) => !p.style.startsWith('Heading'))
      .map((p) => p.text);
    for (const text of HOSTILE_TEXTS) expect(texts.filter((t) => t === seen(text))).toHaveLength(2);
  });

  it('an English report says so in its language', async () => {
    const { xml } = await written({ ...model(), language: 'en' });
    expect(all(all(xml['word/styles.xml']!, 'w:rPrDefault')[0]!, 'w:lang')[0]!.getAttribute('w:val')).toBe('en-GB');
  });
});
