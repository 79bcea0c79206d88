import type { WaveOverview } from '../../../shared/domain';
import { scoreSubscale } from '../../../shared/scoring';
import { protectedMean } from '../../../shared/statistics';
import { listWaveAnswers } from '../../db/repositories/responses';
import type { ServiceContext } from '../context';
import { loadInstrument } from '../administration/instruments';
import { requireNetwork, requireWave } from '../administration/networks';

/** Answers per response and instrument: responseId → instrumentId → itemId → code. */
export function groupCodes(rows: ReturnType<typeof listWaveAnswers>) {
  const byResponse = new Map<string, Map<string, Map<string, number>>>();
  for (const row of rows) {
    let perInstrument = byResponse.get(row.responseId);
    if (!perInstrument) byResponse.set(row.responseId, (perInstrument = new Map()));
    if (row.instrumentId === null || row.itemId === null || row.value === null) continue;
    let codes = perInstrument.get(row.instrumentId);
    if (!codes) perInstrument.set(row.instrumentId, (codes = new Map()));
    codes.set(row.itemId, row.value);
  }
  return byResponse;
}

/**
 * Per condition (subscale) the mean of the respondents' condition scores over complete
 * responses, with n. Groups below the network's minimum size are withheld.
 */
export function getWaveOverview(ctx: ServiceContext, waveId: string): WaveOverview {
  const wave = requireWave(ctx, waveId);
  const network = requireNetwork(ctx, wave.networkId);
  const rows = listWaveAnswers(ctx.db, waveId);
  const completeIds = new Set(rows.filter((r) => r.status === 'complete').map((r) => r.responseId));
  const codes = groupCodes(rows);
  const conditions = wave.instruments.flatMap((ref) => {
    const def = loadInstrument(ctx, ref.instrumentId, ref.version);
    return def.subscales.map((sub) => {
      const scores: number[] = [];
      for (const responseId of completeIds) {
        const s = scoreSubscale(def, sub, codes.get(responseId)?.get(def.id) ?? new Map()).score;
        if (s !== null) scores.push(s);
      }
      return { instrumentId: def.id, subscaleId: sub.id, label: sub.label, ...protectedMean(scores, network.minGroupSize) };
    });
  });
  return { waveId, minGroupSize: network.minGroupSize, started: codes.size, complete: completeIds.size, conditions };
}
