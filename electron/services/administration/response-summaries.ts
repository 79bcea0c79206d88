import type { ResponseSummary } from '../../../shared/domain';
import { hiddenItemIds, visibilityPlan } from '../../../shared/instruments/shown-items';
import * as repo from '../../db/repositories/responses';
import type { ServiceContext } from '../context';
import { loadInstrument } from './instruments';
import { requireWave } from './networks';

/**
 * The wave's questionnaires for *Ingevulde vragenlijsten*, each with its number of answers. Only
 * answers of shown questions count: a follow-up's answer kept after its condition stopped holding
 * (a respondent answered "Anders: …", then chose another role) is stored but hidden, and counts
 * nowhere else either. SQL counts all stored answers; per instrument with follow-ups only the
 * answers to the follow-ups and to the questions they hang on are read, the hidden follow-ups are
 * found by the instrument's visibility plan (as the results, exports and open answers find them),
 * and a response's stored answers to them are taken off its count.
 */
export function listResponseSummaries(ctx: ServiceContext, waveId: string): ResponseSummary[] {
  const wave = requireWave(ctx, waveId);
  const summaries = repo.listResponseSummaries(ctx.db, waveId);
  const hiddenAnswers = new Map<string, number>();
  for (const ref of wave.instruments) {
    const plan = visibilityPlan(loadInstrument(ctx, ref.instrumentId, ref.version));
    if (!plan) continue;
    const followUps = plan.conditional.map((item) => item.id);
    const itemIds = [...new Set([...followUps, ...plan.conditionIds])];
    for (const [responseId, answers] of repo.answersToItemsByResponse(ctx.db, waveId, ref.instrumentId, itemIds, 'all')) {
      if (!followUps.some((id) => answers.has(id))) continue;
      const hidden = hiddenItemIds(plan, (id) => answers.get(id)).filter((id) => answers.has(id)).length;
      if (hidden > 0) hiddenAnswers.set(responseId, (hiddenAnswers.get(responseId) ?? 0) + hidden);
    }
  }
  return summaries.map((summary) => {
    const hidden = hiddenAnswers.get(summary.id);
    return hidden ? { ...summary, answered: summary.answered - hidden } : summary;
  });
}
