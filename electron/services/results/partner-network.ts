import { DirectedGraph } from 'graphology';
import circular from 'graphology-layout/circular';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { degreeCentrality, inDegreeCentrality, outDegreeCentrality } from 'graphology-metrics/centrality/degree';
import { density } from 'graphology-metrics/graph/density';
import type { ParsedInput } from '../../../shared/contract';
import type { ExportResult } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { toCsv } from '../../../shared/export/csv';
import type { Table } from '../../../shared/export/table';
import type { InstrumentDefinition, RelationDimension, RelationItem } from '../../../shared/instruments/schema';
import { frequencyItemOf, relationItemsOf, worksWith } from '../../../shared/instruments/relations';
import type { PartnerMetricChange, PartnerNetwork, PartnerNetworkChange, PartnerNetworkWave, PartnerNode, PartnerTie, RatedMean } from '../../../shared/partner-network';
import { listOrganisations } from '../../db/repositories/networks';
import { waveRelationAnswers, type WaveRelationRow } from '../../db/repositories/relation-answers';
import { listWavesWithInstruments } from '../../db/repositories/results';
import type { ServiceContext } from '../context';
import { safeFileName, writeFileAtomically } from '../files';
import { loadInstrument } from '../administration/instruments';
import { requireNetwork } from '../administration/networks';

/**
 * The network between partner organisations per wave (shared/partner-network.ts has the rules):
 * a directed graph per wave built with graphology from the submitted relation answers, only ties
 * with at least the minimum group of reporters shown, and every metric computed on the shown
 * graph. One layout for all waves, so an organisation stays in its place from map to map.
 */

export interface NetworkOrganisation {
  id: string;
  name: string;
  archived: boolean;
}

/** What one respondent said about one other organisation. */
interface Report {
  frequency: number | undefined;
  trust: number | undefined;
  value: number | undefined;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** A mean over at least k respondents, else only its n. */
function ratedMean(values: readonly number[], k: number): RatedMean {
  return { mean: values.length >= k && values.length > 0 ? mean(values) : null, n: values.length };
}

/** The scored codes of a relation item: an answer outside them ("ken ik niet") counts nowhere. */
function scoredCodes(def: InstrumentDefinition, item: RelationItem | undefined): Set<number> {
  return new Set(item ? (def.scales.find((s) => s.id === item.scale)?.options.map((o) => o.code) ?? []) : []);
}

/**
 * One wave's partner network from its submitted relation answers. `organisations` are the
 * network's; the nodes are those not archived plus any archived one the answers name. A pure
 * function of its input, so its numbers can be checked by hand.
 */
export function partnerNetworkOfWave(input: {
  def: InstrumentDefinition;
  organisations: readonly NetworkOrganisation[];
  answers: readonly WaveRelationRow[];
  minGroupSize: number;
  wave: { id: string; label: string };
}): PartnerNetworkWave {
  const { def, minGroupSize: k } = input;
  const frequencyItem = frequencyItemOf(def);
  const byDimension = new Map<string, RelationDimension>(relationItemsOf(def).map((item) => [item.id, item.dimension]));
  const scored: Record<RelationDimension, Set<number>> = {
    frequency: scoredCodes(def, frequencyItem),
    trust: scoredCodes(def, relationItemsOf(def).find((i) => i.dimension === 'trust')),
    value: scoredCodes(def, relationItemsOf(def).find((i) => i.dimension === 'value')),
  };

  // Per pair "from/to", per response: what that respondent said. Answers of a response without
  // an organisation, or about its own organisation, have no place in the graph.
  const pairs = new Map<string, Map<string, Report>>();
  const respondentsOf = new Map<string, Set<string>>();
  for (const row of input.answers) {
    const dimension = byDimension.get(row.itemId);
    if (!dimension || row.fromOrganisationId === null || row.fromOrganisationId === row.toOrganisationId) continue;
    if (!scored[dimension].has(row.value)) continue;
    const key = `${row.fromOrganisationId}/${row.toOrganisationId}`;
    let reports = pairs.get(key);
    if (!reports) pairs.set(key, (reports = new Map()));
    let report = reports.get(row.responseId);
    if (!report) reports.set(row.responseId, (report = { frequency: undefined, trust: undefined, value: undefined }));
    report[dimension] = row.value;
    let respondents = respondentsOf.get(row.fromOrganisationId);
    if (!respondents) respondentsOf.set(row.fromOrganisationId, (respondents = new Set()));
    respondents.add(row.responseId);
  }

  const named = new Set<string>();
  for (const key of pairs.keys()) for (const id of key.split('/')) named.add(id);
  const nodes = input.organisations.filter((o) => !o.archived || named.has(o.id));
  const inGraph = new Set(nodes.map((o) => o.id));

  // Ties: at least half of the reporters work with the other organisation; shown from k reporters.
  const graph = new DirectedGraph();
  for (const o of nodes) graph.addNode(o.id);
  const counted: (PartnerTie & { shown: boolean })[] = [];
  const received = new Map<string, { trust: number[]; value: number[] }>();
  for (const [key, reports] of pairs) {
    const [from, to] = key.split('/') as [string, string];
    if (!inGraph.has(from) || !inGraph.has(to) || !frequencyItem) continue;
    const withFrequency = [...reports.values()].filter((r) => r.frequency !== undefined);
    // Trust and value count only from respondents who work with the organisation (relations.ts).
    const working = withFrequency.filter((r) => worksWith(def, frequencyItem, r.frequency));
    const ratings = received.get(to) ?? { trust: [], value: [] };
    received.set(to, ratings);
    for (const r of working) {
      if (r.trust !== undefined) ratings.trust.push(r.trust);
      if (r.value !== undefined) ratings.value.push(r.value);
    }
    if (withFrequency.length === 0 || working.length * 2 < withFrequency.length) continue;
    const trust = ratedMean(working.flatMap((r) => (r.trust === undefined ? [] : [r.trust])), k);
    const value = ratedMean(working.flatMap((r) => (r.value === undefined ? [] : [r.value])), k);
    const shown = withFrequency.length >= k;
    counted.push({ from, to, reporters: withFrequency.length, meanFrequency: mean(withFrequency.map((r) => r.frequency!)), meanTrust: trust.mean, meanValue: value.mean, mutual: false, shown });
    if (shown) graph.addDirectedEdge(from, to);
  }

  const order = new Map(nodes.map((o, i) => [o.id, i]));
  const ties = counted
    .filter((t) => t.shown)
    .map(({ shown: _shown, ...t }) => ({ ...t, mutual: graph.hasDirectedEdge(t.to, t.from) }))
    .sort((a, b) => order.get(a.from)! - order.get(b.from)! || order.get(a.to)! - order.get(b.to)!);

  const enough = graph.order >= 2;
  const inC = enough ? inDegreeCentrality(graph) : {};
  const outC = enough ? outDegreeCentrality(graph) : {};
  const allC = enough ? degreeCentrality(graph) : {};
  const partnerNodes: PartnerNode[] = nodes.map((o) => {
    const ratings = received.get(o.id) ?? { trust: [], value: [] };
    return {
      organisationId: o.id,
      name: o.name,
      archived: o.archived,
      // Placed by layoutPartners, over all waves at once.
      x: 0.5,
      y: 0.5,
      inDegree: graph.inDegree(o.id),
      outDegree: graph.outDegree(o.id),
      inCentrality: inC[o.id] ?? 0,
      outCentrality: outC[o.id] ?? 0,
      degreeCentrality: allC[o.id] ?? 0,
      reporters: respondentsOf.get(o.id)?.size ?? 0,
      trust: ratedMean(ratings.trust, k),
      value: ratedMean(ratings.value, k),
    };
  });

  return {
    waveId: input.wave.id,
    waveLabel: input.wave.label,
    respondents: [...respondentsOf.entries()].filter(([org]) => inGraph.has(org)).reduce((n, [, set]) => n + set.size, 0),
    nodes: partnerNodes,
    ties,
    tiesSuppressed: counted.length - ties.length,
    density: enough ? density(graph) : null,
    reciprocity: ties.length > 0 ? ties.filter((t) => t.mutual).length / ties.length : null,
  };
}

/**
 * Where each organisation stands on the maps: a circle (in the network's order) as the start,
 * then ForceAtlas2 over the ties shown in any wave, for a fixed number of rounds. Neither step
 * draws a random number, so the same answers give the same map. Scaled into 0.12…0.88 across and
 * 0.08…0.86 down.
 */
export function layoutPartners(organisations: readonly string[], ties: readonly { from: string; to: string }[]): Map<string, { x: number; y: number }> {
  const graph = new DirectedGraph();
  for (const id of organisations) graph.addNode(id);
  for (const t of ties) if (graph.hasNode(t.from) && graph.hasNode(t.to) && !graph.hasDirectedEdge(t.from, t.to)) graph.addDirectedEdge(t.from, t.to);
  const places = new Map<string, { x: number; y: number }>();
  if (graph.order === 0) return places;
  circular.assign(graph);
  if (graph.size > 0) forceAtlas2.assign(graph, { iterations: 150, settings: { ...forceAtlas2.inferSettings(graph), gravity: 1, scalingRatio: 10 } });
  const xs = graph.mapNodes((_n, a) => a.x as number);
  const ys = graph.mapNodes((_n, a) => a.y as number);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // Room at the sides for the names beside the outer circles, and below for the names under the lowest.
  const scale = (v: number, min: number, max: number, from: number, to: number) => (max - min < 1e-9 ? (from + to) / 2 : from + ((to - from) * (v - min)) / (max - min));
  graph.forEachNode((node, a) => places.set(node, { x: scale(a.x as number, minX, maxX, 0.12, 0.88), y: scale(a.y as number, minY, maxY, 0.08, 0.86) }));
  return places;
}

function metricChange(metric: PartnerMetricChange['metric'], baseline: number | null, value: number | null): PartnerMetricChange {
  return { metric, baseline, value, change: baseline === null || value === null ? null : value - baseline };
}

/** Each later wave against the baseline: ties, density and reciprocity, and each organisation's total degree centrality. */
export function partnerNetworkChanges(waves: readonly PartnerNetworkWave[]): PartnerNetworkChange[] {
  const [baseline, ...later] = waves;
  if (!baseline) return [];
  const before = new Map(baseline.nodes.map((n) => [n.organisationId, n.degreeCentrality]));
  return later.map((w) => ({
    waveId: w.waveId,
    waveLabel: w.waveLabel,
    metrics: [
      metricChange('ties', baseline.ties.length, w.ties.length),
      metricChange('density', baseline.density, w.density),
      metricChange('reciprocity', baseline.reciprocity, w.reciprocity),
    ],
    organisations: w.nodes
      .filter((n) => before.has(n.organisationId))
      .map((n) => ({ organisationId: n.organisationId, baseline: before.get(n.organisationId)!, value: n.degreeCentrality, change: n.degreeCentrality - before.get(n.organisationId)! })),
  }));
}

/** The partner network of every wave that used the instrument, with one layout for all of them. */
export function getPartnerNetwork(ctx: ServiceContext, input: ParsedInput<'getPartnerNetwork'>): PartnerNetwork {
  const network = requireNetwork(ctx, input.networkId);
  const organisations = listOrganisations(ctx.db, network.id).map((o) => ({ id: o.id, name: o.name, archived: o.archived }));
  const used = listWavesWithInstruments(ctx.db, network.id).flatMap((wave) => {
    const ref = wave.instruments.find((r) => r.instrumentId === input.instrumentId);
    return ref ? [{ wave, def: loadInstrument(ctx, ref.instrumentId, ref.version) }] : [];
  });
  const unplaced = used.map(({ wave, def }) =>
    partnerNetworkOfWave({ def, organisations, answers: waveRelationAnswers(ctx.db, wave.id, def.id), minGroupSize: network.minGroupSize, wave }),
  );
  const nodeIds = [...new Set(unplaced.flatMap((w) => w.nodes.map((n) => n.organisationId)))];
  const positions = layoutPartners(nodeIds, unplaced.flatMap((w) => w.ties));
  const waves = unplaced.map((w) => ({ ...w, nodes: w.nodes.map((n) => ({ ...n, ...(positions.get(n.organisationId) ?? { x: 0.5, y: 0.5 }) })) }));
  return { networkId: network.id, instrumentId: input.instrumentId, minGroupSize: network.minGroupSize, waves, changes: partnerNetworkChanges(waves) };
}

/** The shown ties of every wave, one row each: what the map draws, as an edge list for network software. */
export function partnerTiesTable(network: PartnerNetwork): Table {
  const rows = network.waves.flatMap((w) => {
    const names = new Map(w.nodes.map((n) => [n.organisationId, n.name]));
    return w.ties.map((t) => [w.waveLabel, names.get(t.from) ?? t.from, names.get(t.to) ?? t.to, t.reporters, t.meanFrequency, t.meanTrust, t.meanValue, t.mutual ? 1 : 0]);
  });
  return {
    name: 'verbindingen',
    columns: [
      { name: 'meting', kind: 'text' },
      { name: 'van', kind: 'text' },
      { name: 'naar', kind: 'text' },
      { name: 'respondenten', kind: 'integer' },
      { name: 'frequentie_gem', kind: 'decimal' },
      { name: 'vertrouwen_gem', kind: 'decimal' },
      { name: 'waarde_gem', kind: 'decimal' },
      { name: 'wederzijds', kind: 'integer' },
    ],
    rows,
  };
}

/**
 * Saves the edge list as CSV where the user chooses; ties below the minimum group are not in it, as
 * on screen. Like a chart image (saveChartImage) it holds only results shown on screen, no answers
 * of anyone, and is not audited.
 */
export async function exportPartnerNetwork(ctx: ServiceContext, input: ParsedInput<'exportPartnerNetwork'>): Promise<ExportResult> {
  const network = getPartnerNetwork(ctx, input);
  const table = partnerTiesTable(network);
  const name = requireNetwork(ctx, input.networkId).name;
  const target = await ctx.chooseExportPath(`${safeFileName([name, 'verbindingen', ctx.now().slice(0, 10)])}.csv`);
  if (target === null) return { cancelled: true };
  try {
    writeFileAtomically(target, Buffer.from(toCsv(table, input.separator), 'utf8'));
  } catch (err) {
    throw new ApiError('EXPORT_FAILED', `De verbindingen konden niet worden opgeslagen (${err instanceof Error ? err.message : String(err)}). Kies een andere map.`);
  }
  return { cancelled: false, filePath: target, rows: table.rows.length, columns: table.columns.length };
}
