import type { Organisation } from '../../../../shared/domain';
import { PARTNER_NETWORK_INSTRUMENT, type PartnerNetwork } from '../../../../shared/partner-network';
import { REPORT_LIMITS, type ReportFormat, type ReportTarget } from '../../../../shared/report';
import type { BreakdownChoice, Dashboard } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { api } from '../../api';
import { todayIso } from '../../lib/format';
import i18n from '../../i18n';
import type { Translate } from '../dashboard/notices';
import type { ChartRequest, ChartSource } from './chart-requests';
import { drawReportCharts, type DrawnChart } from './drawReportCharts';
import { buildNetworkDocument, buildPartnerDocument, buildPresentation, type ReportChoices, type ReportData } from './report-inputs';

/**
 * Making one report from the report screen's choices: ask where it goes (beginReport), gather the
 * results (the same getDashboard and listOpenAnswers the results screen uses), let the builders
 * decide what it says and which charts it needs, draw those with the screen's own chart code, hand
 * them over (addReportImages), write the file(s) (writeReport) and always close the report
 * (endReport), also when it was stopped or failed.
 */

/** What the person can make: the network report (Word), a report per partner organisation (Word, one folder), the presentation (PowerPoint). */
export const REPORT_KINDS = ['network', 'partners', 'presentation'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

const KIND_OUTPUT: Record<ReportKind, { format: ReportFormat; target: ReportTarget }> = {
  network: { format: 'docx', target: 'file' },
  partners: { format: 'docx', target: 'folder' },
  presentation: { format: 'pptx', target: 'file' },
};

export type ReportProgress =
  | { step: 'gathering' }
  | { step: 'drawing'; done: number; total: number }
  | { step: 'partner'; name: string; index: number; total: number }
  | { step: 'writing' };

export type ReportOutcome =
  | { cancelled: true }
  | {
      cancelled: false;
      /** The file, or the folder of a report per partner organisation. */
      location: string;
      /** Files written, also when the report was stopped. */
      files: string[];
      stopped: boolean;
    };

/** The builders' translate function in the report's language (which may differ from the screen's). */
export function reportTranslate(locale: Locale): Translate {
  const t = i18n.getFixedT(locale);
  return (key, params) => String(t(key as never, params as never));
}

const sourceKey = (s: { instrumentId: string; organisationId: string | null; breakdown: BreakdownChoice }) => `${s.instrumentId}|${s.organisationId ?? ''}|${s.breakdown}`;

/** The partner organisations that get a report: every current one, and an archived one only when it has responses in the chosen waves. */
export function partnersOf(data: ReportData): Organisation[] {
  const responded = new Set<string>();
  for (const d of data.dashboards) for (const r of d.responseByOrganisation) if (r.organisationId && r.perWave.some((w) => w.started > 0)) responded.add(r.organisationId);
  return data.network.organisations.filter((o) => !o.archived || responded.has(o.id));
}

/**
 * The results a report is built from, gathered the way the results screen asks for them: per
 * chosen instrument the network's dashboard over the chosen waves, and one per chosen breakdown;
 * the open answers of each chosen wave only when ticked.
 */
export async function gatherReportData(choices: ReportChoices): Promise<ReportData> {
  const { networkId, waveIds } = choices;
  const [network, info, dashboards, breakdowns, openAnswers, partnerNetwork] = await Promise.all([
    api.getNetwork({ networkId }),
    api.getAppInfo({}),
    Promise.all(choices.instrumentIds.map((instrumentId) => api.getDashboard({ networkId, waveIds, instrumentId, breakdown: 'none' }))),
    Promise.all(
      choices.instrumentIds.flatMap((instrumentId) =>
        choices.breakdowns.map(async (breakdown) => ({ instrumentId, breakdown, dashboard: await api.getDashboard({ networkId, waveIds, instrumentId, breakdown }) })),
      ),
    ),
    choices.withOpenAnswers ? Promise.all(waveIds.map((waveId) => api.listOpenAnswers({ waveId, withCodes: false }))) : Promise.resolve([]),
    choices.instrumentIds.includes(PARTNER_NETWORK_INSTRUMENT) ? api.getPartnerNetwork({ networkId, instrumentId: PARTNER_NETWORK_INSTRUMENT }) : Promise.resolve(null),
  ]);
  return { choices, network, dashboards, breakdowns, openAnswers, partnerNetwork, appVersion: info.version, today: todayIso() };
}

/** The Dashboards a report's charts are drawn from, by source: the ones the builders read, and any other asked for once. */
class DashboardSources {
  private readonly known = new Map<string, Dashboard>();
  constructor(private readonly choices: ReportChoices) {}
  add(d: Dashboard, breakdown: BreakdownChoice) {
    this.known.set(sourceKey({ instrumentId: d.instrumentId, organisationId: d.organisation?.id ?? null, breakdown }), d);
  }
  async of(source: ChartSource): Promise<Dashboard> {
    const found = this.known.get(sourceKey(source));
    if (found) return found;
    const { networkId, waveIds } = this.choices;
    const d = await api.getDashboard({ networkId, waveIds, instrumentId: source.instrumentId, breakdown: source.breakdown, ...(source.organisationId ? { organisationId: source.organisationId } : {}) });
    this.known.set(sourceKey(source), d);
    return d;
  }
  /** Drops one organisation's dashboards once its report is written, so 30 partners do not pile up. */
  forget(organisationId: string) {
    for (const [key, d] of this.known) if (d.organisation?.id === organisationId) this.known.delete(key);
  }
}

interface RunContext {
  reportId: string;
  locale: Locale;
  sources: DashboardSources;
  /** The partner network the report's map charts are drawn from (null when not chosen). */
  partnerNetwork: PartnerNetwork | null;
  /** Images already in the running report: each is sent once and reused by later files. */
  sent: Set<string>;
  signal?: AbortSignal;
  onProgress: (p: ReportProgress) => void;
  /** Reports the drawing as progress (false while partner reports run: their progress names the organisation). */
  drawingProgress: boolean;
}

/** Draws the charts not yet in the running report and sends them, at most REPORT_LIMITS.imagesPerCall per call. */
async function sendCharts(ctx: RunContext, charts: ChartRequest[]): Promise<void> {
  const missing = charts.filter((c, i) => !ctx.sent.has(c.imageId) && charts.findIndex((x) => x.imageId === c.imageId) === i);
  const items = await Promise.all(missing.map(async (request) => ({ request, dashboard: await ctx.sources.of(request.source), partnerNetwork: ctx.partnerNetwork })));
  let done = 0;
  if (ctx.drawingProgress) ctx.onProgress({ step: 'drawing', done, total: items.length });
  const send = async (drawn: DrawnChart[]) => {
    for (let i = 0; i < drawn.length; i += REPORT_LIMITS.imagesPerCall) {
      await api.addReportImages({ reportId: ctx.reportId, images: drawn.slice(i, i + REPORT_LIMITS.imagesPerCall) });
    }
    for (const d of drawn) ctx.sent.add(d.imageId);
    done += drawn.length;
    if (ctx.drawingProgress) ctx.onProgress({ step: 'drawing', done, total: items.length });
  };
  // The next charts are drawn while the last ones travel to the main process: at most one batch on its way.
  let sending: Promise<void> = Promise.resolve();
  for await (const drawn of drawReportCharts(items, ctx.locale, ctx.signal)) {
    await sending;
    sending = send(drawn);
    // Awaited above or below; marked handled so that a failure while the next charts are drawn is not reported twice.
    sending.catch(() => undefined);
  }
  await sending;
}

/**
 * Makes one report of `kind`. Resolves with where it went and which files were written (also when
 * `signal` stopped it: `stopped`), or `cancelled` when the person closed the save dialog. A failure
 * is thrown (an ApiError carries the main process's Dutch sentence) after the report was closed.
 */
export async function makeReport(kind: ReportKind, choices: ReportChoices, options: { onProgress: (p: ReportProgress) => void; signal?: AbortSignal; suggestedName: string }): Promise<ReportOutcome> {
  const { format, target } = KIND_OUTPUT[kind];
  const started = await api.beginReport({ networkId: choices.networkId, format, target, suggestedName: options.suggestedName, withOpenAnswers: choices.withOpenAnswers });
  if (started.cancelled) return { cancelled: true };
  const t = reportTranslate(choices.locale);
  const ctx: RunContext = {
    reportId: started.reportId,
    locale: choices.locale,
    sources: new DashboardSources(choices),
    partnerNetwork: null,
    sent: new Set(),
    signal: options.signal,
    onProgress: options.onProgress,
    drawingProgress: kind !== 'partners',
  };
  const files: string[] = [];
  const write = async (content: Parameters<typeof api.writeReport>[0]['content'], fileName?: string) => {
    options.signal?.throwIfAborted();
    files.push((await api.writeReport({ reportId: started.reportId, content, ...(fileName ? { fileName } : {}) })).filePath);
  };
  let stopped = false;
  try {
    options.onProgress({ step: 'gathering' });
    const data = await gatherReportData(choices);
    ctx.partnerNetwork = data.partnerNetwork ?? null;
    for (const d of data.dashboards) ctx.sources.add(d, 'none');
    for (const b of data.breakdowns) ctx.sources.add(b.dashboard, b.breakdown);
    options.signal?.throwIfAborted();
    if (kind === 'presentation') {
      const built = buildPresentation(data, t);
      await sendCharts(ctx, built.charts);
      options.onProgress({ step: 'writing' });
      await write({ format: 'pptx', presentation: built.presentation });
    } else if (kind === 'network') {
      const built = buildNetworkDocument(data, t);
      await sendCharts(ctx, built.charts);
      options.onProgress({ step: 'writing' });
      await write({ format: 'docx', document: built.document });
    } else {
      const partners = partnersOf(data);
      for (const [index, organisation] of partners.entries()) {
        options.signal?.throwIfAborted();
        options.onProgress({ step: 'partner', name: organisation.name, index: index + 1, total: partners.length });
        const own = await Promise.all(
          choices.instrumentIds.map((instrumentId) => api.getDashboard({ networkId: choices.networkId, waveIds: choices.waveIds, instrumentId, breakdown: 'none', organisationId: organisation.id })),
        );
        for (const d of own) ctx.sources.add(d, 'none');
        const built = buildPartnerDocument(data, organisation, own, t);
        await sendCharts(ctx, built.charts);
        await write({ format: 'docx', document: built.document }, organisation.name);
        ctx.sources.forget(organisation.id);
      }
    }
  } catch (err) {
    if (!options.signal?.aborted) throw err;
    stopped = true;
  } finally {
    // Always close the report, so the next one may start; a failure here does not hide the first.
    await api.endReport({ reportId: started.reportId }).catch(() => undefined);
  }
  return { cancelled: false, location: started.location, files, stopped };
}
