import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { PartnerNetwork } from '../../../../shared/partner-network';
import type { Dashboard } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import i18n from '../../i18n';
import { chartImage, pngOf, textImage } from '../export/chartImage';
import type { ChartRequest } from './chart-requests';
import { REPORT_IMAGE_ATTRIBUTE, ReportChartStage } from './ReportChartStage';

/** The stage's width: the screen's charts are drawn 720–800 px wide. */
export const STAGE_WIDTH = 760;
/**
 * A report's pictures: 2.5 × the stage, so a chart across the whole 16 cm text width of an A4 page
 * has 1,900 pixels, 300 dots per inch (print resolution). The screen's saved PNGs use PNG_SCALE (3);
 * here every pixel is encoded for each of a report's 40 charts, and 2.5 needs 30 % fewer.
 */
export const REPORT_PNG_SCALE = 2.5;
/** Charts on the stage at once: few enough to keep memory low, enough to encode PNGs side by side. */
const CHUNK = 6;
/** Frames to wait at most for recharts to finish drawing a chunk. */
const MAX_FRAMES = 30;

export interface ChartToDraw {
  request: ChartRequest;
  /** The Dashboard the request's source names: the same object the report's builder read. */
  dashboard: Dashboard;
  /** The report's partner network, for a `partnerMap` request. */
  partnerNetwork?: PartnerNetwork | null;
}
export interface DrawnChart {
  imageId: string;
  /** PNG at print resolution (REPORT_PNG_SCALE), base64. */
  png: string;
}

/** The next animation frame, or 100 ms when the window is hidden and frames do not come. */
const nextFrame = () =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });

/** Waits until recharts has drawn: at least two frames, then until the number of SVG elements stops changing. */
async function settled(host: HTMLElement): Promise<void> {
  await nextFrame();
  await nextFrame();
  let count = host.querySelectorAll('svg *').length;
  for (let i = 0; i < MAX_FRAMES; i++) {
    await nextFrame();
    const now = host.querySelectorAll('svg *').length;
    if (now === count) return;
    count = now;
  }
}

/** A figure's own title (its picture's label up to the first colon or full stop), for a picture of several figures. */
const figureTitle = (figure: Element) => (figure.querySelector('[role="img"]')?.getAttribute('aria-label') ?? '').split(/:\s|\.\s/)[0] ?? '';

/** One request's figures as one PNG: stacked, each titled when there are several; its sentence when there is nothing to draw. */
async function pictureOf(box: Element): Promise<string> {
  const figures = Array.from(box.querySelectorAll('figure'));
  if (figures.length === 0) {
    const sentence = (box.textContent ?? '').trim() || '—';
    return pngOf(textImage(sentence, STAGE_WIDTH), REPORT_PNG_SCALE);
  }
  return pngOf(
    figures.map((f) => chartImage(f, figures.length > 1 ? figureTitle(f) : '', '')),
    REPORT_PNG_SCALE,
  );
}

/**
 * Draws the requested charts with the results screen's own components (ReportChartStage) off-screen,
 * in the report's language, and yields them as PNG a few at a time, so that the caller can hand
 * them to the running report (addReportImages) before the next are drawn. `signal` stops between
 * chunks.
 */
export async function* drawReportCharts(charts: readonly ChartToDraw[], locale: Locale, signal?: AbortSignal): AsyncGenerator<DrawnChart[]> {
  if (charts.length === 0) return;
  const host = document.createElement('div');
  host.className = 'report-chart-stage';
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position:fixed;left:-20000px;top:0;width:${STAGE_WIDTH}px;pointer-events:none;`;
  document.body.appendChild(host);
  const root = createRoot(host);
  // The report's language, which may differ from the screen's: a copy of the app's i18next set to it.
  const language = i18n.cloneInstance({ lng: locale });
  try {
    for (let start = 0; start < charts.length; start += CHUNK) {
      signal?.throwIfAborted();
      const chunk = charts.slice(start, start + CHUNK);
      flushSync(() =>
        root.render(
          <I18nextProvider i18n={language}>
            <ReportChartStage items={chunk} locale={locale} />
          </I18nextProvider>,
        ),
      );
      await settled(host);
      const drawn = await Promise.all(
        chunk.map(async ({ request }) => {
          const box = host.querySelector(`[${REPORT_IMAGE_ATTRIBUTE}="${CSS.escape(request.imageId)}"]`);
          if (!box) throw new Error(`Grafiek ${request.imageId} is niet getekend.`);
          return { imageId: request.imageId, png: await pictureOf(box) };
        }),
      );
      yield drawn;
    }
  } finally {
    root.unmount();
    host.remove();
  }
}
