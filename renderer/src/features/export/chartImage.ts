import { api } from '../../api';
import { wrapLabel } from '../dashboard/wrap';
import { subjectOf } from './chartSubject';

/**
 * Charts for reports: a dashboard chart as a standalone SVG file, or as a PNG at print resolution
 * (3× the screen size: a 760-pixel chart becomes 2280 pixels, about 19 cm at 300 dpi).
 *
 * Use it with a chart's `<figure>` (the dashboard's `ChartFigure`, or the comparison's small
 * multiples, whose panels are put together as laid out on screen): the recharts `<svg>` inside is
 * cloned with its computed styles written onto every element (the file has no stylesheet), SVG
 * patterns it uses from elsewhere on the page are copied in, a title band goes on top and the HTML
 * legend (`.chart-legend`) is redrawn below. The title band names what the picture shows, because
 * in a report nothing around it does: first the subject (network, instrument and waves, from the
 * page's `data-chart-subject`, see chartSubject.ts), then the chart's own title, each wrapped to the
 * width. The main process checks the bytes and asks where to save (`saveChartImage`); the renderer
 * never names a path. A report takes the PNG itself (`chartImage` then `pngOf`, several figures
 * stacked into one picture) and hands it to the running report (features/reports).
 *
 *   const figure = ref.current; // the <figure>
 *   await saveChartImage(figure, 'Condities per meting', 'png');
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Presentation properties copied from the computed style of each element. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  // A label with a white halo (the partner network's names) paints its stroke under its fill; without this the halo covers the letters.
  'paint-order',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const SUBJECT_SIZE = 16;
const TITLE_SIZE = 14;
/** Line height as a multiple of the font size. */
const LEADING = 1.3;
const LEGEND_ROW = 24;
const PADDING = 12;

export const PNG_SCALE = 3;

export interface ChartImage {
  svg: string;
  width: number;
  height: number;
}

/** The chart's own SVG inside a figure: the recharts surface, else the largest SVG. */
export function chartSvgElement(figure: Element): SVGSVGElement | null {
  const surface = figure.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (surface) return surface;
  let best: SVGSVGElement | null = null;
  let area = 0;
  for (const svg of Array.from(figure.querySelectorAll<SVGSVGElement>('svg'))) {
    if (svg.closest('.chart-legend')) continue;
    const box = svg.getBoundingClientRect();
    if (box.width * box.height > area) {
      area = box.width * box.height;
      best = svg;
    }
  }
  return best;
}

/**
 * The small multiples in a figure (`svg.small-multiple`, or the recharts charts inside
 * `.small-multiple` boxes, laid out by the page's CSS grid) as one SVG, each panel and its title
 * (`.small-multiple-title`) where it is on screen; null when the figure has none.
 */
function composedMultiples(figure: Element): { svg: SVGSVGElement; width: number; height: number } | null {
  const panels = Array.from(figure.querySelectorAll<SVGSVGElement>('svg.small-multiple, .small-multiple svg.recharts-surface'));
  if (panels.length === 0) return null;
  const origin = (figure.querySelector('[role="img"]') ?? figure).getBoundingClientRect();
  const svg = document.createElementNS(SVG_NS, 'svg');
  let width = 0;
  let height = 0;
  const place = (box: DOMRect) => {
    const [x, y] = [Math.round(box.left - origin.left), Math.round(box.top - origin.top)];
    width = Math.max(width, x + Math.round(box.width));
    height = Math.max(height, y + Math.round(box.height));
    return [x, y] as const;
  };
  for (const panel of panels) {
    const box = panel.getBoundingClientRect();
    const copy = panel.cloneNode(true) as SVGSVGElement;
    inlineStyles(panel, copy);
    const [x, y] = place(box);
    copy.setAttribute('x', String(x));
    copy.setAttribute('y', String(y));
    copy.setAttribute('width', String(Math.round(box.width)));
    copy.setAttribute('height', String(Math.round(box.height)));
    svg.appendChild(copy);
  }
  for (const title of Array.from(figure.querySelectorAll<HTMLElement>('.small-multiple-title'))) {
    const box = title.getBoundingClientRect();
    const size = parseFloat(getComputedStyle(title).fontSize) || TITLE_SIZE;
    const [x, y] = place(box);
    svg.appendChild(textElement((title.textContent ?? '').trim(), x, y + size, size, 600));
  }
  return { svg, width, height };
}

/** Copies computed presentation styles onto the clone, element by element (both trees have the same shape). */
function inlineStyles(original: Element, clone: Element): void {
  const from = [original, ...Array.from(original.querySelectorAll('*'))];
  const to = [clone, ...Array.from(clone.querySelectorAll('*'))];
  from.forEach((el, i) => {
    const target = to[i];
    if (!target) return;
    const computed = getComputedStyle(el);
    const style = STYLE_PROPS.map((p) => [p, computed.getPropertyValue(p)] as const)
      .filter(([, v]) => v !== '' && v !== 'normal' && v !== 'auto')
      .map(([p, v]) => `${p}:${v}`)
      .join(';');
    if (style) target.setAttribute('style', style);
    target.removeAttribute('class');
    target.removeAttribute('tabindex');
    target.removeAttribute('role');
    for (const attr of Array.from(target.attributes)) if (/^on/i.test(attr.name) || attr.name.startsWith('data-')) target.removeAttribute(attr.name);
  });
}

/** `url(#id)` references in the clone whose targets live elsewhere on the page are copied into its <defs>. */
function copyReferencedDefs(clone: SVGSVGElement): void {
  const referenced = new Set<string>();
  for (const el of [clone, ...Array.from(clone.querySelectorAll('*'))]) {
    for (const attr of Array.from(el.attributes)) for (const m of attr.value.matchAll(/url\(["']?#([^"')]+)["']?\)/g)) referenced.add(m[1]!);
  }
  const missing = [...referenced].filter((id) => !clone.querySelector(`[id="${CSS.escape(id)}"]`));
  if (missing.length === 0) return;
  const defs = document.createElementNS(SVG_NS, 'defs');
  for (const id of missing) {
    const source = document.getElementById(id);
    if (!source) continue;
    const copy = source.cloneNode(true) as Element;
    inlineStyles(source, copy);
    defs.appendChild(copy);
  }
  clone.insertBefore(defs, clone.firstChild);
}

function textElement(text: string, x: number, y: number, size: number, weight: number): SVGTextElement {
  const el = document.createElementNS(SVG_NS, 'text');
  el.setAttribute('x', String(x));
  el.setAttribute('y', String(y));
  el.setAttribute('style', `font-family:${FONT};font-size:${size}px;font-weight:${weight};fill:#1d2733`);
  el.textContent = text;
  return el;
}

/** A text wrapped to `width` (about 0.55 em per character) as one <text> of <tspan> lines; its height. */
function textBlock(text: string, y: number, width: number, size: number, weight: number): { element: SVGTextElement; height: number } {
  const lines = wrapLabel(text, width / (size * 0.55));
  const element = textElement('', PADDING, y + size, size, weight);
  lines.forEach((line, i) => {
    const span = document.createElementNS(SVG_NS, 'tspan');
    span.setAttribute('x', String(PADDING));
    span.setAttribute('y', String(Math.round(y + size + i * size * LEADING)));
    span.textContent = i < lines.length - 1 ? `${line} ` : line;
    element.appendChild(span);
  });
  return { element, height: Math.ceil(lines.length * size * LEADING) };
}

/** A standalone SVG of the chart in `figure`, with `subject` and `title` above it and its legend below. */
export function chartImage(figure: Element, title: string, subject: string = subjectOf(figure)): ChartImage {
  const multiples = composedMultiples(figure);
  const source = multiples?.svg ?? chartSvgElement(figure);
  if (!source) throw new Error('Deze grafiek heeft geen afbeelding om op te slaan.');
  const box = source.getBoundingClientRect();
  const chartWidth = multiples?.width ?? Math.round(Number(source.getAttribute('width')) || box.width);
  const chartHeight = multiples?.height ?? Math.round(Number(source.getAttribute('height')) || box.height);

  const width = chartWidth + 2 * PADDING;
  // The title band: the subject in bold, the chart's title under it.
  const band = document.createElementNS(SVG_NS, 'g');
  let bandHeight = PADDING;
  for (const [text, size, weight] of [
    [subject, SUBJECT_SIZE, 700],
    [title, TITLE_SIZE, 400],
  ] as const) {
    if (text.trim() === '') continue;
    const block = textBlock(text, bandHeight, width - 2 * PADDING, size, weight);
    band.appendChild(block.element);
    bandHeight += block.height + 4;
  }

  // Composed panels were styled one by one; a chart on the page is cloned and styled here.
  const chart = multiples ? source : (source.cloneNode(true) as SVGSVGElement);
  if (!multiples) inlineStyles(source, chart);
  copyReferencedDefs(chart);
  chart.setAttribute('x', String(PADDING));
  chart.setAttribute('y', String(bandHeight + PADDING));
  chart.setAttribute('width', String(chartWidth));
  chart.setAttribute('height', String(chartHeight));
  if (!chart.getAttribute('viewBox')) chart.setAttribute('viewBox', `0 0 ${chartWidth} ${chartHeight}`);

  // The legend, redrawn: each swatch SVG and its label, flowing in rows.
  const legendItems = Array.from(figure.querySelectorAll('.chart-legend li'));
  const legend = document.createElementNS(SVG_NS, 'g');
  let x = PADDING;
  let y = bandHeight + PADDING + chartHeight + 8;
  let rows = legendItems.length ? 1 : 0;
  for (const li of legendItems) {
    const swatch = li.querySelector('svg');
    const label = (li.textContent ?? '').trim();
    const itemWidth = 44 + label.length * 7;
    if (x > PADDING && x + itemWidth > width - PADDING) {
      x = PADDING;
      y += LEGEND_ROW;
      rows++;
    }
    if (swatch) {
      const copy = swatch.cloneNode(true) as SVGSVGElement;
      inlineStyles(swatch, copy);
      copy.setAttribute('x', String(x));
      copy.setAttribute('y', String(y));
      legend.appendChild(copy);
    }
    legend.appendChild(textElement(label, x + 40, y + 14, 12, 400));
    x += itemWidth + 12;
  }
  const height = bandHeight + PADDING + chartHeight + (rows ? rows * LEGEND_ROW + 8 : 0) + PADDING;

  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  root.appendChild(background);
  root.appendChild(band);
  root.appendChild(chart);
  root.appendChild(legend);
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
  return { svg, width, height };
}

/** A sentence as a picture of `width` pixels (for a report's chart that has nothing to draw: "Geen waarden om te tonen"). */
export function textImage(text: string, width: number): ChartImage {
  const block = textBlock(text, PADDING, width - 2 * PADDING, TITLE_SIZE, 400);
  const height = block.height + 3 * PADDING;
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.appendChild(block.element);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`, width, height };
}

/** A blob's bytes as base64, by the browser's own encoder (a data URL without its head): no string of every byte in JavaScript. */
function toBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error ?? new Error('De afbeelding kon niet worden gelezen.'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Rasterises the SVGs at `scale` × their size on a white background, one under the other (the
 * widest sets the width); the PNG's bytes as base64.
 */
export async function pngOf(images: ChartImage | readonly ChartImage[], scale = PNG_SCALE): Promise<string> {
  const list = Array.isArray(images) ? images : [images as ChartImage];
  const urls = list.map((image) => URL.createObjectURL(new Blob([image.svg], { type: 'image/svg+xml;charset=utf-8' })));
  try {
    const decoded = await Promise.all(
      urls.map(async (url) => {
        const img = new Image();
        img.src = url;
        await img.decode();
        return img;
      }),
    );
    const width = Math.max(...list.map((image) => image.width));
    const height = list.reduce((sum, image) => sum + image.height, 0);
    const canvas = new OffscreenCanvas(Math.round(width * scale), Math.round(height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('Geen tekenvlak beschikbaar.');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    let y = 0;
    decoded.forEach((img, i) => {
      const image = list[i]!;
      ctx.drawImage(img, 0, Math.round(y * scale), Math.round(image.width * scale), Math.round(image.height * scale));
      y += image.height;
    });
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    return toBase64(blob);
  } finally {
    for (const url of urls) URL.revokeObjectURL(url);
  }
}

/** A title short enough to name a file (the contract takes at most 100 characters). */
export const shortTitle = (title: string, max = 80) => (title.length > max ? `${title.slice(0, max - 1)}…` : title);

/** Saves the chart in `figure` as PNG or SVG; the main process asks where. The picture has the whole title, the file name a short one. */
export async function saveChartImage(figure: Element, title: string, format: 'png' | 'svg') {
  const image = chartImage(figure, title);
  const data = format === 'svg' ? image.svg : await pngOf(image);
  return api.saveChartImage({ name: shortTitle(title), format, data });
}
