import type { WaveOverview } from '../../../shared/domain';
import type { ServiceContext } from '../context';
import { requireNetwork, requireWave } from '../administration/networks';
import { scaleStatsInWave } from './dashboard';
import { loadWaveData } from './dashboard-data';

/**
 * The *Overzicht* of one wave: per condition (subscale) of each of the wave's instruments the mean
 * and n, and how many questionnaires were started and completed. A view of the results service,
 * not a computation of its own: the responses, scores and descriptives come from the same loading
 * and the same per-wave statistics as the dashboard, so only complete responses count and a group
 * below the network's minimum size is withheld, exactly as there.
 */
export function getWaveOverview(ctx: ServiceContext, waveId: string): WaveOverview {
  const wave = requireWave(ctx, waveId);
  const network = requireNetwork(ctx, wave.networkId);
  const k = network.minGroupSize;
  const perInstrument = wave.instruments.map((ref) => loadWaveData(ctx, [wave], ref.instrumentId, null)[0]!);
  const conditions = perInstrument.flatMap((w) =>
    w.compiled!.subscales.map((sub) => {
      const { n, mean, suppressed } = scaleStatsInWave(w, sub.id, k);
      return { instrumentId: w.compiled!.def.id, subscaleId: sub.id, label: sub.label, range: { min: sub.range[0], max: sub.range[1] }, n, mean, suppressed };
    }),
  );
  // Every instrument's pass counts the same responses; a wave always has at least one instrument.
  const counts = perInstrument[0];
  return { waveId, minGroupSize: k, started: counts?.started ?? 0, complete: counts?.complete.length ?? 0, conditions };
}
