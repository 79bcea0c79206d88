import type { ResponseSummary } from '../../../shared/domain';
import { shownQuestionKeys, type StoredAnswerOf } from '../../../shared/instruments/given-answers';
import { questionKey } from '../../../shared/question-numbers';
import * as repo from '../../db/repositories/responses';
import type { ServiceContext } from '../context';
import { loadInstrument } from './instruments';
import { requireWave } from './networks';

/**
 * The wave's questionnaires for *Ingevulde vragenlijsten*, each with its number of answers. Only
 * answers of shown questions count: a follow-up's answer kept after its condition stopped holding
 * (a respondent answered "Anders: …", then chose another role) is stored but hidden, and counts
 * nowhere else either. SQL counts all stored answers; only answers to follow-ups and to the
 * questions they hang on are read, and a response's hidden follow-up answers are taken off its count.
 */
export function listResponseSummaries(ctx: ServiceContext, waveId: string): ResponseSummary[] {
  const wave = requireWave(ctx, waveId);
  const summaries = repo.listResponseSummaries(ctx.db, waveId);
  const definitions = wave.instruments.map((ref) => loadInstrument(ctx, ref.instrumentId, ref.version));
  const followUps = new Set(definitions.flatMap((d) => d.items.filter((item) => item.showWhen).map((item) => questionKey(d.id, item.id))));
  if (followUps.size === 0) return summaries;
  const byResponse = new Map<string, StoredAnswerOf[]>();
  for (const definition of definitions) {
    // The follow-ups and the questions they hang on: the only answers that decide or lose a count.
    const itemIds = new Set(definition.items.flatMap((item) => (item.showWhen ? [item.id, item.showWhen.item] : [])));
    if (itemIds.size === 0) continue;
    for (const answer of repo.listWaveAnswersTo(ctx.db, waveId, definition.id, [...itemIds])) {
      const list = byResponse.get(answer.responseId);
      if (list) list.push(answer);
      else byResponse.set(answer.responseId, [answer]);
    }
  }
  // Which questions are shown depends only on the answers to the questions follow-ups hang on,
  // and many responses give the same ones: each such combination is worked out once.
  const conditions = new Set(definitions.flatMap((d) => d.items.flatMap((item) => (item.showWhen ? [questionKey(d.id, item.showWhen.item)] : []))));
  const shownFor = new Map<string, Set<string>>();
  return summaries.map((summary) => {
    const answers = byResponse.get(summary.id);
    if (!answers?.some((answer) => followUps.has(keyOf(answer)))) return summary;
    const decisive = answers.filter((answer) => conditions.has(keyOf(answer)));
    const signature = decisive.map((answer) => `${keyOf(answer)}=${answer.value ?? ''}|${answer.text ?? ''}`).sort().join('\n');
    let shown = shownFor.get(signature);
    if (!shown) shownFor.set(signature, (shown = shownQuestionKeys(definitions, decisive)));
    return { ...summary, answered: summary.answered - answers.filter((answer) => !shown.has(keyOf(answer))).length };
  });
}

const keyOf = (answer: StoredAnswerOf) => questionKey(answer.instrumentId, answer.itemId);
