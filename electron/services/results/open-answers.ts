import type { ParsedInput } from '../../../shared/contract';
import type { OpenAnswerOrganisation, OpenQuestion, WaveOpenAnswers } from '../../../shared/open-answers';
import { suppressCells } from '../../../shared/suppression';
import { listOrganisations } from '../../db/repositories/networks';
import { countSubmittedByOrganisation, listSubmittedTexts } from '../../db/repositories/open-answers';
import { answersToItemsByResponse } from '../../db/repositories/responses';
import { hiddenItemIds, visibilityPlan } from '../../../shared/instruments/shown-items';
import type { InstrumentDefinition } from '../../../shared/instruments/schema';
import { loadInstrument } from '../administration/instruments';
import { requireNetwork, requireWave } from '../administration/networks';
import type { ServiceContext } from '../context';

/** Alphabetical as a Dutch reader expects: case and accents second. */
const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/**
 * *Open antwoorden* of one wave: per open question of the wave's instruments, the non-empty texts
 * of the submitted questionnaires, in alphabetical order (so no list follows the order in which
 * people answered, and one person's answers to two questions do not stand at the same place).
 *
 * An organisation is named beside an answer only when it has at least the network's minimum group
 * size of submitted questionnaires in the wave, with the dashboard's complementary suppression
 * (shared/suppression.ts): the answers without a name then always come from at least that many
 * people, or from none. Respondent codes only when asked for. Kiosk mode refuses the method
 * (administration/kiosk.ts). Reading writes nothing. docs/decisions/2026-12-01-open-answers.md
 */
export function listOpenAnswers(ctx: ServiceContext, input: ParsedInput<'listOpenAnswers'>): WaveOpenAnswers {
  const wave = requireWave(ctx, input.waveId);
  const network = requireNetwork(ctx, wave.networkId);
  const k = network.minGroupSize;

  const perOrganisation = countSubmittedByOrganisation(ctx.db, wave.id);
  const submitted = perOrganisation.reduce((sum, g) => sum + g.n, 0);
  const cells = perOrganisation.flatMap((g) => (g.organisationId === null ? [] : [{ id: g.organisationId, n: g.n }]));
  const hidden = suppressCells(cells, submitted, k);
  const names = new Map(listOrganisations(ctx.db, network.id).map((o) => [o.id, o.name]));
  const organisation = (id: string | null): OpenAnswerOrganisation => {
    const name = id === null ? undefined : names.get(id);
    if (name === undefined) return { shown: false, reason: 'none' };
    return hidden.has(id!) ? { shown: false, reason: 'hidden' } : { shown: true, name };
  };

  const texts = listSubmittedTexts(ctx.db, wave.id);
  const questions: OpenQuestion[] = [];
  for (const ref of wave.instruments) {
    const def = loadInstrument(ctx, ref.instrumentId, ref.version);
    const notShown = hiddenOpenAnswers(ctx, wave.id, def, new Set(texts.map((row) => row.responseId)));
    for (const item of def.items) {
      // Only open questions: a multiple-choice answer is text too ("1,3"), but never an open answer.
      if (item.type !== 'open') continue;
      const answers = texts
        .filter((row) => row.instrumentId === def.id && row.itemId === item.id && row.text.trim() !== '' && !notShown.has(`${row.responseId}/${item.id}`))
        .map((row) => ({ text: row.text, organisation: organisation(row.organisationId), respondentCode: input.withCodes ? row.code : null }))
        .sort((a, b) => collator.compare(a.text, b.text));
      questions.push({
        instrumentId: def.id,
        instrumentVersion: def.version,
        instrumentName: def.name,
        itemId: item.id,
        question: item.text,
        label: item.label,
        count: answers.length,
        answers,
      });
    }
  }
  return { waveId: wave.id, waveLabel: wave.label, networkId: network.id, networkName: network.name, minGroupSize: k, submitted, withCodes: input.withCodes, questions };
}

/**
 * The open questions a respondent was not shown (their condition not met), as `responseId/itemId`:
 * a text stored before the answer it hung on changed counts nowhere, so it is not listed either.
 */
function hiddenOpenAnswers(ctx: ServiceContext, waveId: string, def: InstrumentDefinition, responseIds: ReadonlySet<string>): Set<string> {
  const plan = visibilityPlan(def);
  const hidden = new Set<string>();
  if (!plan || !plan.conditional.some((item) => item.type === 'open')) return hidden;
  const byResponse = answersToItemsByResponse(ctx.db, waveId, def.id, plan.conditionIds, 'submitted');
  for (const responseId of responseIds) {
    const answers = byResponse.get(responseId);
    for (const itemId of hiddenItemIds(plan, (id) => answers?.get(id))) hidden.add(`${responseId}/${itemId}`);
  }
  return hidden;
}
