import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReportPresentation } from '../../shared/report';
import { all, chartPng, children, drawingText, HOSTILE_TEXTS, parseAllXml, partText, pngSize, slideNames, unzip, type Package } from '../support/report-files';
import { conditionTable } from '../support/report-model';
import { writeReportFile } from '../support/report-service';
import { useServices } from '../support/services';

/**
 * The PowerPoint report read back: the slides' XML inside the zip, parsed strictly. Expected values
 * come from the model or by hand.
 */

const open = useServices();
const seen = (text: string) => text.replace(/\r\n|\r/g, '\n');
const CHART = chartPng(2280, 1200);
const SQUARE = chartPng(600, 600);
const { type: _type, ...TABLE } = conditionTable(30);

function model(): ReportPresentation {
  return {
    language: 'nl',
    title: 'Terugkoppeling',
    subtitle: 'Dementie Oost',
    footer: 'Netwerkspiegel · Dementie Oost',
    slides: [
      { layout: 'title', title: 'Terugkoppeling Netwerkspiegel', subtitle: 'Dementie Oost · 1 december 2026' },
      { layout: 'section', title: 'Vragenlijst 1' },
      { layout: 'bullets', title: 'Samenvatting', bullets: ['Vertrouwen steeg.', 'Rolverdeling blijft achter.'], notes: 'Visie 3,4 → 3,8 (n = 62).' },
      { layout: 'chart', title: 'Gedeelde visie', imageId: 'breed', alt: 'Staafdiagram van de gedeelde visie', bullets: ['Grootste stijging.'], notes: 'T0 3,4; T2 3,8.' },
      { layout: 'chart', title: 'Vierkant', imageId: 'vierkant', alt: 'Een vierkante grafiek' },
      { layout: 'table', title: 'Scores per conditie', table: TABLE, notes: 'Alle condities.' },
      { layout: 'discussion', title: 'Hoe krijgen we de rolverdeling helder?', bullets: ['Rolverdeling 3,1.'], notes: 'Eerst in tweetallen.' },
      { layout: 'bullets', title: 'Wat deelnemers schreven', bullets: HOSTILE_TEXTS.slice(0, 12) },
      { layout: 'discussion', title: HOSTILE_TEXTS[0]!, subtitle: HOSTILE_TEXTS[3]!, notes: HOSTILE_TEXTS.join('\n') },
    ],
  };
}

async function written(presentation = model()) {
  const s = open();
  const network = await s.ok('createNetwork', { name: 'Dementie Oost' });
  const file = await writeReportFile(s, network.id, { format: 'pptx', presentation }, new Map([['breed', CHART], ['vierkant', SQUARE]]));
  const pkg = unzip(readFileSync(file));
  return { pkg, xml: parseAllXml(pkg) };
}

/** Each slide's paragraphs (title, bullets, footer, number…) as text. */
const slideTexts = (pkg: Package, xml: ReturnType<typeof parseAllXml>) => slideNames(pkg).map((name) => all(xml[name]!, 'a:p').map(drawingText));

/** A slide's notes, from ppt/notesSlides via the slide's relationships. */
function notesOf(pkg: Package, xml: ReturnType<typeof parseAllXml>, slide: string): string | null {
  const rels = partText(pkg, slide.replace('slides/', 'slides/_rels/') + '.rels');
  const target = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
  if (!target) return null;
  const body = all(xml[`ppt/notesSlides/${target}`]!, 'p:sp').find((sp) => all(sp, 'p:ph')[0]?.getAttribute('type') === 'body')!;
  return all(body, 'a:p').map(drawingText).join('\n');
}

describe('the PowerPoint report read back', () => {
  it('is 16:9, with a footer and a slide number on every slide but the opening ones, and notes where the model has them', async () => {
    const { pkg, xml } = await written();
    // LAYOUT_WIDE: 13.333 × 7.5 inch.
    const size = all(xml['ppt/presentation.xml']!, 'p:sldSz')[0]!;
    expect([size.getAttribute('cx'), size.getAttribute('cy')]).toEqual(['12192000', '6858000']);
    const names = slideNames(pkg);
    // 9 slides in the model; the table of 30 rows takes 3 (12 + 12 + 6).
    expect(names).toHaveLength(11);
    const texts = slideTexts(pkg, xml);
    expect(texts[0]).toEqual(['Terugkoppeling Netwerkspiegel', 'Dementie Oost · 1 december 2026']);
    expect(texts[1]).toEqual(['Vragenlijst 1']);
    // The footer and number come from the content slides' master layout.
    const layouts = names.map((n) => /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/.exec(partText(pkg, n.replace('slides/', 'slides/_rels/') + '.rels'))![1]!);
    const contentLayout = layouts[2]!;
    expect(layouts.slice(2).every((l) => l === contentLayout)).toBe(true);
    expect(layouts[0]).not.toBe(contentLayout);
    const layoutTexts = all(xml[`ppt/slideLayouts/${contentLayout}`]!, 'a:p').map(drawingText);
    expect(layoutTexts).toContain('Netwerkspiegel · Dementie Oost');
    expect(all(xml[`ppt/slideLayouts/${layouts[0]!}`]!, 'a:p').map(drawingText)).not.toContain('Netwerkspiegel · Dementie Oost');
    // Slide numbers: a slidenum field on every content slide.
    names.forEach((name, i) => expect(all(xml[name]!, 'a:fld').map((f) => f.getAttribute('type')), name).toEqual(i < 2 ? [] : ['slidenum']));
    expect(notesOf(pkg, xml, names[2]!)).toBe('Visie 3,4 → 3,8 (n = 62).');
    expect(notesOf(pkg, xml, names[3]!)).toBe('T0 3,4; T2 3,8.');
    // All three table slides carry the table's notes.
    expect([5, 6, 7].map((i) => notesOf(pkg, xml, names[i]!))).toEqual(['Alle condities.', 'Alle condities.', 'Alle condities.']);
  });

  it('places charts with alt text and their own proportions, beside the key messages or alone', async () => {
    const { pkg, xml } = await written();
    const names = slideNames(pkg);
    const picture = (name: string) => {
      const pic = all(xml[name]!, 'p:pic')[0]!;
      const ext = all(pic, 'a:ext')[0]!;
      const off = all(pic, 'a:off')[0]!;
      return { descr: all(pic, 'p:cNvPr')[0]!.getAttribute('descr'), x: Number(off.getAttribute('x')), y: Number(off.getAttribute('y')), cx: Number(ext.getAttribute('cx')), cy: Number(ext.getAttribute('cy')), embed: all(pic, 'a:blip')[0]!.getAttribute('r:embed')! };
    };
    const wide = picture(names[3]!);
    expect(wide.descr).toBe('Staafdiagram van de gedeelde visie');
    expect(wide.cy / wide.cx).toBeCloseTo(1200 / 2280, 2);
    // Beside the bullets: the picture ends left of the bullets' box, and inside the slide.
    const bulletsBox = all(xml[names[3]!]!, 'p:sp').find((sp) => all(sp, 'a:p').some((p) => drawingText(p) === 'Grootste stijging.'))!;
    expect(wide.x + wide.cx).toBeLessThanOrEqual(Number(all(bulletsBox, 'a:off')[0]!.getAttribute('x')));
    const square = picture(names[4]!);
    expect(square.cy).toBe(square.cx);
    expect(square.descr).toBe('Een vierkante grafiek');
    // Inside the content area: below the title (1.45 inch), above the footer line (7.0 inch).
    for (const p of [wide, square]) {
      expect(p.y).toBeGreaterThanOrEqual(1.45 * 914400 - 1);
      expect(p.y + p.cy).toBeLessThanOrEqual(7.0 * 914400);
      expect(p.x + p.cx).toBeLessThanOrEqual(12192000);
    }
    const rels = partText(pkg, names[3]!.replace('slides/', 'slides/_rels/') + '.rels');
    const media = new RegExp(`Id="${wide.embed}"[^>]*Target="\\.\\./media/([^"]+)"`).exec(rels)![1]!;
    expect(pngSize(pkg[`ppt/media/${media}`]!)).toEqual({ width: 2280, height: 1200 });
  });

  it('splits a long table over slides of at most 12 rows, "(vervolg)" on the next ones, every cell as the model has it', async () => {
    const { pkg, xml } = await written();
    const names = slideNames(pkg).slice(5, 8);
    const titles = names.map((n) => slideTexts(pkg, xml)[slideNames(pkg).indexOf(n)]![0]);
    expect(titles).toEqual(['Scores per conditie', 'Scores per conditie (vervolg)', 'Scores per conditie (vervolg)']);
    const tables = names.map((n) => all(xml[n]!, 'a:tbl')[0]!.getElementsByTagName('a:tr')).map((trs) => Array.from(trs).map((tr) => children(tr, 'a:tc').map((tc) => all(tc, 'a:p').map(drawingText).join('\n'))));
    const header = TABLE.columns.map((c) => c.label);
    expect(tables.map((t) => t.length)).toEqual([13, 13, 7]);
    for (const t of tables) expect(t[0]).toEqual(header);
    expect(tables.flatMap((t) => t.slice(1))).toEqual(TABLE.rows);
    // Numbers to the right.
    const firstRow = all(xml[names[0]!]!, 'a:tr')[1]!;
    expect(children(firstRow, 'a:tc').map((tc) => all(tc, 'a:pPr')[0]?.getAttribute('algn') ?? 'l')).toEqual(TABLE.columns.map((c) => (c.align === 'right' ? 'r' : 'l')));
    // The table stays above the footer: its rows' heights add up to less than the room left.
    const frame = all(xml[names[0]!]!, 'p:graphicFrame')[0]!;
    const top = Number(all(frame, 'a:off')[0]!.getAttribute('y'));
    const rowsHigh = all(frame, 'a:tr').reduce((sum, tr) => sum + Number(tr.getAttribute('h')), 0);
    expect(top + rowsHigh).toBeLessThanOrEqual(7.0 * 914400);
  });

  it('shows a discussion slide with its question to the room', async () => {
    const { pkg, xml } = await written();
    const texts = slideTexts(pkg, xml)[8]!;
    expect(texts).toContain('Hoe krijgen we de rolverdeling helder?');
    expect(texts).toContain('Rolverdeling 3,1.');
    expect(texts).toContain('Wat herkent u hierin, en wat willen we als netwerk anders doen?');
  });

  it('keeps respondent text literal: no link, no field but the slide number; every text back character for character', async () => {
    const { pkg, xml } = await written();
    for (const [name, part] of Object.entries(xml)) {
      expect(all(part, 'a:hlinkClick'), name).toHaveLength(0);
      expect(all(part, 'a:hlinkMouseOver'), name).toHaveLength(0);
      for (const fld of all(part, 'a:fld')) expect(['slidenum', 'datetimeFigureOut'], name).toContain(fld.getAttribute('type'));
      expect(partText(pkg, name), name).not.toMatch(/relationships\/hyperlink/);
    }
    const texts = slideTexts(pkg, xml);
    // A line end starts a paragraph (the item's next line, indented under it).
    const lines = HOSTILE_TEXTS.flatMap((t) => seen(t).split('\n'));
    expect(texts[9]!.slice(1, 1 + lines.length)).toEqual(lines);
    // Valid DrawingML: a paragraph's properties come once, first (pptxgenjs repeats them before a further run).
    for (const name of slideNames(pkg)) {
      for (const p of all(xml[name]!, 'a:p')) {
        const kids = Array.from(p.childNodes).filter((n) => n.nodeType === 1).map((n) => n.nodeName);
        expect(kids.indexOf('a:pPr'), name).toBeLessThanOrEqual(0);
        expect(kids.filter((k) => k === 'a:pPr').length, name).toBeLessThanOrEqual(1);
      }
    }
    expect(texts[10]![0]).toBe(HOSTILE_TEXTS[0]);
    expect(texts[10]).toContain(HOSTILE_TEXTS[3]);
    // Notes are one text in pptxgenjs (its line ends written as CR LF, read back as LF).
    expect(notesOf(pkg, xml, slideNames(pkg)[10]!)).toBe(HOSTILE_TEXTS.map(seen).join('\n'));
  });
});
