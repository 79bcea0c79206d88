import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { useAction } from '../../lib/useAction';
import { saveChartImage, shortTitle } from './chartImage';

/**
 * "PNG" and "SVG" for one chart. `figure` returns the chart's `<figure>` (for example through a
 * ref on the dashboard's ChartFigure); `title` names the chart in the image and the file name.
 */
export function ChartImageButtons({ figure, title }: { figure: () => Element | null; title: string }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const save = (format: 'png' | 'svg') =>
    run(async () => {
      setSaved(null);
      const element = figure();
      if (!element) return;
      const result = await saveChartImage(element, title, format);
      if (!result.cancelled) setSaved(t('export.chart.saved', { filePath: result.filePath }));
    });
  return (
    <div className="chart-image-buttons">
      <button type="button" className="link-button" onClick={() => void save('png')} disabled={busy} aria-label={t('export.chart.pngFor', { chart: title })}>
        {busy ? t('export.chart.busy') : t('export.chart.png')}
      </button>
      <button type="button" className="link-button" onClick={() => void save('svg')} disabled={busy} aria-label={t('export.chart.svgFor', { chart: title })}>
        {t('export.chart.svg')}
      </button>
      <StatusMessage message={saved} />
      <ErrorAlert message={error} />
    </div>
  );
}

/** The charts of a page (see findCharts) as a list, each with PNG and SVG buttons. */
export function ChartDownloads({ charts }: { charts: { figure: Element; title: string }[] }) {
  const { t } = useTranslation();
  if (charts.length === 0) return null;
  return (
    <section className="panel chart-downloads" aria-labelledby="chart-downloads-title" data-testid="chart-downloads">
      <h2 id="chart-downloads-title">{t('export.chart.title')}</h2>
      <p>{t('export.chart.intro')}</p>
      <ul className="chart-download-list">
        {charts.map((c, i) => (
          <li key={`${i}-${c.title}`}>
            <span>{c.title}</span>
            <ChartImageButtons figure={() => c.figure} title={c.title} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The charts inside `root`: each `<figure>` whose picture has a label, titled by the label's first
 * sentence or the part before a colon ("Staafdiagram van de respons per meting: T0 …" → "Staafdiagram
 * van de respons per meting"),
 * else by its section's heading. The figures exist as soon as React has rendered them; recharts may
 * draw the SVG inside a moment later, which is why the SVG is looked up only when saving.
 */
export function findCharts(root: Element): { figure: Element; title: string }[] {
  const seen = new Map<string, number>();
  return Array.from(root.querySelectorAll('figure'))
    .map((figure) => {
      const label = figure.querySelector('[role="img"]')?.getAttribute('aria-label') ?? '';
      const heading = figure.closest('section')?.querySelector('h2')?.textContent ?? '';
      const title = shortTitle((label.split(/:\s|\.\s/)[0] ?? '').trim() || heading.trim());
      const count = (seen.get(title) ?? 0) + 1;
      seen.set(title, count);
      return { figure, title: count > 1 ? `${title} (${count})` : title };
    })
    .filter((c) => c.title !== '');
}
