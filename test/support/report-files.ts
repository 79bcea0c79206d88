import { DOMParser, type Document as XmlDocument, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { deflateSync } from 'node:zlib';
import { pngChunk, PNG_SIGNATURE } from '../../electron/services/export/report-images';

/**
 * Reading back the Word and PowerPoint files the report service writes, the way an office suite
 * does: unzip (fflate), parse every XML part strictly (@xmldom/xmldom; a part that is not
 * well-formed fails the test), and walk the elements. Plus a small PNG encoder, so tests and the
 * benchmark hand the service real pictures of a known size.
 */

// ---- respondent texts ---------------------------------------------------------------------------

/** Respondent texts that would be a field, a link or markup if anything read them as more than text. */
export const HOSTILE_TEXTS = [
  '{ MERGEFIELD Naam }',
  '<w:fldSimple w:instr="HYPERLINK"/>',
  '=HYPERLINK("http://x")',
  'http://evil.example/',
  'www.evil.example en mailto:a@evil.example',
  ']]><script>alert(1)</script>',
  '&amp; &lt; "dubbel" \'enkel\' & < >',
  '<a:hlinkClick r:id="rId1"/>',
  'Emoji 😀👩🏽‍⚕️ en RTL: مرحبا بالعالم · שלום',
  'tab\tin het midden',
  'regel 1\nregel 2\r\nregel 3\rregel 4',
  '  spaties vooraan en achteraan  ',
];
// ---- PNG ----------------------------------------------------------------------------------------

/**
 * A real PNG (RGB, 8 bit) of `width` × `height` that looks like a bar chart: light grid lines and
 * `bars` coloured bars. `texture` (0–1) adds faint noise to the bars, so the file is about as
 * large as a drawn chart with anti-aliased text (a flat picture compresses to almost nothing).
 */
export function chartPng(width: number, height: number, options: { bars?: number; seed?: number; texture?: number } = {}): Buffer {
  const bars = options.bars ?? 5;
  let seed = options.seed ?? 1;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const heights = Array.from({ length: bars }, () => 0.25 + 0.65 * random());
  const colours = [
    [31, 56, 100],
    [46, 117, 182],
    [112, 173, 71],
    [237, 125, 49],
    [165, 165, 165],
  ];
  const raw = Buffer.alloc((width * 3 + 1) * height, 255);
  const slot = width / bars;
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    const fromBottom = 1 - y / height;
    for (let x = 0; x < width; x++) {
      const i = row + 1 + x * 3;
      const b = Math.floor(x / slot);
      const inBar = x - b * slot > slot * 0.15 && x - b * slot < slot * 0.85 && fromBottom < heights[b]! && fromBottom > 0.05;
      if (inBar) {
        const c = colours[b % colours.length]!;
        const noise = options.texture && random() < options.texture ? Math.floor(random() * 24) : 0;
        raw[i] = c[0]! + noise / 2;
        raw[i + 1] = c[1]! + noise / 2;
        raw[i + 2] = c[2]! + noise / 2;
      } else if (y % Math.max(4, Math.floor(height / 8)) === 0 || y === height - Math.floor(height * 0.05)) {
        raw[i] = raw[i + 1] = raw[i + 2] = 200;
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level: 6 })), pngChunk('IEND', Buffer.alloc(0))]);
}

/** The PNG with a tEXt chunk (keyword, NUL, text) before its end: the same picture, another file. */
export function withTextChunk(png: Buffer, text: string): Buffer {
  return Buffer.concat([png.subarray(0, png.length - 12), pngChunk('tEXt', Buffer.from(text, 'latin1')), png.subarray(png.length - 12)]);
}

/** Width and height of a PNG from its IHDR chunk, read independently of the service. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(bytes);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

// ---- zip and XML --------------------------------------------------------------------------------

export type Package = Record<string, Uint8Array>;

export const unzip = (bytes: Uint8Array): Package => unzipSync(bytes);

/** Parses XML strictly: any error, not only a fatal one, fails. */
export function parseXml(text: string, name = 'xml'): XmlDocument {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${name} is geen goed gevormde XML: ${message}`);
    },
  }).parseFromString(text, 'application/xml');
}

/** Every part of the package whose name ends in .xml or .rels, parsed (proves all are well-formed). */
export function parseAllXml(pkg: Package): Record<string, XmlDocument> {
  return Object.fromEntries(Object.entries(pkg).filter(([name]) => /\.(xml|rels)$/.test(name)).map(([name, bytes]) => [name, parseXml(strFromU8(bytes), name)]));
}

export const partText = (pkg: Package, name: string): string => {
  const bytes = pkg[name];
  if (!bytes) throw new Error(`${name} ontbreekt in het bestand (er zijn: ${Object.keys(pkg).join(', ')})`);
  return strFromU8(bytes);
};

/** Descendant elements by qualified name (`w:p`), in document order. */
export const all = (node: XmlDocument | Element, name: string): Element[] => Array.from(node.getElementsByTagName(name));

/** Direct children by qualified name. */
export const children = (node: Element, name: string): Element[] => Array.from(node.childNodes).filter((c): c is Element => c.nodeType === 1 && (c as Element).nodeName === name);

// ---- Word ---------------------------------------------------------------------------------------

/** A Word paragraph's text as a reader sees it: `w:t` text, `w:tab` a tab, `w:br` a line end. */
export function wordText(p: Element): string {
  let out = '';
  const walk = (node: Element) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      if (el.nodeName === 'w:t') out += el.textContent ?? '';
      else if (el.nodeName === 'w:tab' && node.nodeName === 'w:r') out += '\t';
      else if (el.nodeName === 'w:br' && !el.getAttribute('w:type')) out += '\n';
      else if (el.nodeName !== 'w:pPr' && el.nodeName !== 'w:rPr') walk(el);
    }
  };
  walk(p);
  return out;
}

/** The paragraph style of a `w:p` (`Heading1`, `Caption`, …), or '' for Normal. */
export const wordStyle = (p: Element): string => all(p, 'w:pStyle')[0]?.getAttribute('w:val') ?? '';

/** The body's paragraphs outside tables, with their style and text. */
export function wordParagraphs(doc: XmlDocument): { style: string; text: string; element: Element }[] {
  const body = all(doc, 'w:body')[0]!;
  return children(body, 'w:p').map((p) => ({ style: wordStyle(p), text: wordText(p), element: p }));
}

/** Each table as rows of cell texts (a cell's paragraphs joined by line ends). */
export function wordTables(doc: XmlDocument): string[][][] {
  return all(doc, 'w:tbl').map((tbl) => children(tbl, 'w:tr').map((tr) => children(tr, 'w:tc').map((tc) => children(tc, 'w:p').map(wordText).join('\n'))));
}

// ---- PowerPoint ---------------------------------------------------------------------------------

/** A DrawingML paragraph's text: `a:t` text, `a:br` a line end (fields such as the slide number included). */
export function drawingText(p: Element): string {
  let out = '';
  for (const child of Array.from(p.childNodes)) {
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    if (el.nodeName === 'a:r' || el.nodeName === 'a:fld') out += all(el, 'a:t').map((t) => t.textContent ?? '').join('');
    else if (el.nodeName === 'a:br') out += '\n';
  }
  return out;
}

/** The slides' XML in slide order (ppt/slides/slide1.xml, slide2.xml, …). */
export function slideNames(pkg: Package): string[] {
  return Object.keys(pkg)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
}
