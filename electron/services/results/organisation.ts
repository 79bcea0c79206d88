/**
 * One partner organisation's dashboard: the network's waves narrowed to the complete responses
 * that name the organisation, and what of it must stay hidden.
 *
 * The network's dashboard is shown next to it (in a partner's report), so an organisation's number
 * is hidden wherever the network's spread between organisations hides its cell: when fewer than
 * the minimum of its people count, and when the rest of the network is so few (1 to k − 1 after the
 * other shown organisations) that the network's number minus the organisation's would describe
 * them (shared/suppression.ts). At wave level that withholds the whole wave; per scale and item it
 * hides that number, counted over those with a score (scales), or with a score or an answer (items).
 */
import type { Organisation } from '../../../shared/domain';
import type { Notice } from '../../../shared/results';
import { suppressCells } from '../../../shared/suppression';
import type { ResponseData, WaveData } from './dashboard-data';

/** Keys of hidden numbers: `waveId scale|item id`. */
export type HiddenNumbers = ReadonlySet<string>;
export const hiddenKey = (waveId: string, kind: 'scale' | 'item', id: string) => `${waveId} ${kind} ${id}`;

/** Whether the organisation's cell is hidden among the network's organisations, counting the responses that pass `counts`. */
function organisationHidden(
  responses: readonly ResponseData[],
  organisations: readonly Organisation[],
  organisationId: string,
  k: number,
  counts: (r: ResponseData) => boolean,
): boolean {
  const n = new Map<string | null, number>();
  let total = 0;
  for (const r of responses) {
    if (!counts(r)) continue;
    total++;
    n.set(r.organisationId, (n.get(r.organisationId) ?? 0) + 1);
  }
  return suppressCells(organisations.map((o) => ({ id: o.id, n: n.get(o.id) ?? 0 })), total, k).has(organisationId);
}

/**
 * The organisation's waves (its complete responses; started counts of its own), each withheld
 * where its wave-level cell is hidden, with a notice saying why; and its hidden scale and item
 * numbers in the waves that are shown.
 */
export function organisationWaves(
  network: readonly WaveData[],
  organisations: readonly Organisation[],
  organisationId: string,
  scaleIds: readonly string[],
  itemIds: readonly string[],
  k: number,
  notices: Notice[],
): { data: WaveData[]; hidden: HiddenNumbers } {
  const hidden = new Set<string>();
  const data = network.map((w): WaveData => {
    const complete = w.complete.filter((r) => r.organisationId === organisationId);
    const n = complete.length;
    const withheld = organisationHidden(w.complete, organisations, organisationId, k, () => true);
    if (n < k) notices.push({ code: 'organisation-below-minimum', params: { waveId: w.wave.id, n, min: k } });
    else if (withheld) notices.push({ code: 'organisation-derivable', params: { waveId: w.wave.id, n, min: k } });
    const started = w.startedByOrganisation.get(organisationId) ?? 0;
    if (!withheld && w.compiled) {
      for (const scaleId of scaleIds) {
        const idx = w.subscaleIndex.get(scaleId);
        if (idx === undefined) continue;
        const scored = (r: ResponseData) => r.scores[idx] !== null && r.scores[idx] !== undefined;
        if (organisationHidden(w.complete, organisations, organisationId, k, scored)) hidden.add(hiddenKey(w.wave.id, 'scale', scaleId));
      }
      for (const itemId of itemIds) {
        const j = w.compiled.index.get(itemId);
        if (j === undefined) continue;
        const scored = (r: ResponseData) => r.itemScores[j] === r.itemScores[j];
        const answered = (r: ResponseData) => r.codes[j] === r.codes[j] || r.ticked?.has(j) === true;
        if (
          organisationHidden(w.complete, organisations, organisationId, k, scored) ||
          organisationHidden(w.complete, organisations, organisationId, k, answered)
        ) {
          hidden.add(hiddenKey(w.wave.id, 'item', itemId));
        }
      }
    }
    return { ...w, started, startedByOrganisation: new Map([[organisationId, started]]), complete, withheld };
  });
  return { data, hidden };
}
