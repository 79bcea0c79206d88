/**
 * Near matches of self-made codes as proposals a researcher decides on. Equal codes link by
 * themselves; two self-made codes one element apart may be one person with a slip or two people,
 * so they link only once a researcher accepts them (shared/linking.ts,
 * docs/decisions/2026-12-01-linking-and-self-codes.md). Linking is between the baseline (the
 * network's first wave in time order) and each later wave, over the complete responses: the same
 * waves and responses as the dashboard's comparisons.
 *
 * Decisions are stored per pair of respondents, append-only, with an audit entry naming ids only.
 * What the screen shows of a respondent besides the code (organisation, role group) is shown only
 * when that group has at least the network's minimum group size in that wave.
 */
import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../../shared/contract';
import type { Network, Wave } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import {
  compareLinkDecisions,
  decisionKey,
  effectiveLinkDecisions,
  linkWaves,
  singleDifference,
  type LinkCandidate,
  type LinkDecisions,
} from '../../../shared/linking';
import type { LinkDecisionView, LinkGroup, LinkProposalList, LinkSide } from '../../../shared/results';
import { appendAudit } from '../../db/repositories/audit';
import * as links from '../../db/repositories/links';
import { listOrganisations } from '../../db/repositories/networks';
import { listWavesWithInstruments } from '../../db/repositories/results';
import type { ServiceContext } from '../context';
import { requireNetwork } from '../administration/networks';
import { BACKGROUND_INSTRUMENT, BREAKDOWN_ITEMS, compiledInstrument } from './dashboard-data';

const ROLE_ITEM = { instrumentId: BACKGROUND_INSTRUMENT, itemId: BREAKDOWN_ITEMS.role };

/** What linking needs of a response, from the dashboard's data or from the linking screen's. */
export interface LinkableResponse {
  code: string;
  selfCode: boolean | 0 | 1;
  respondentId: string;
  organisationId: string | null;
}

export function linkCandidate(key: string, r: LinkableResponse): LinkCandidate {
  return { key, code: r.code, selfCode: !!r.selfCode, person: r.respondentId, organisationId: r.organisationId };
}

/** The decisions that hold in a network (with several laptops: the later, then the smaller device id). */
export function linkDecisionsOf(ctx: ServiceContext, networkId: string): LinkDecisions {
  return effectiveLinkDecisions(links.listLinkDecisions(ctx.db, networkId).map(links.recordedDecision));
}

// --- the linking screen ---------------------------------------------------------------------------

interface WaveLinking {
  wave: Wave;
  responses: links.LinkResponseRow[];
  side: (r: links.LinkResponseRow) => LinkSide;
}

/** Per wave: its complete responses and how a response is shown (groups below the minimum size hidden). */
function waveLinking(ctx: ServiceContext, network: Network, wave: Wave, responses: links.LinkResponseRow[], organisationNames: ReadonlyMap<string, string>): WaveLinking {
  const k = network.minGroupSize;
  const perOrganisation = new Map<string, number>();
  const perRole = new Map<number, number>();
  for (const r of responses) {
    if (r.organisationId !== null) perOrganisation.set(r.organisationId, (perOrganisation.get(r.organisationId) ?? 0) + 1);
    if (r.roleGroup !== null) perRole.set(r.roleGroup, (perRole.get(r.roleGroup) ?? 0) + 1);
  }
  const background = wave.instruments.find((ref) => ref.instrumentId === BACKGROUND_INSTRUMENT);
  const compiled = background ? compiledInstrument(ctx, background.instrumentId, background.version) : null;
  const j = compiled?.index.get(ROLE_ITEM.itemId);
  const roleOptions = j === undefined ? [] : (compiled!.items[j]!.options ?? []);

  const organisation = (id: string | null): LinkGroup => {
    const name = id === null ? undefined : organisationNames.get(id);
    if (name === undefined) return { shown: false, reason: 'unknown' };
    if ((perOrganisation.get(id!) ?? 0) < k) return { shown: false, reason: 'hidden' };
    return { shown: true, label: { nl: name, en: name } };
  };
  const roleGroup = (code: number | null): LinkGroup => {
    // "Zeg ik liever niet" and the like are no group.
    const option = code === null ? undefined : roleOptions.find((o) => o.code === code && o.scored);
    if (!option) return { shown: false, reason: 'unknown' };
    if ((perRole.get(code!) ?? 0) < k) return { shown: false, reason: 'hidden' };
    return { shown: true, label: option.label };
  };
  return {
    wave,
    responses,
    side: (r) => ({
      responseId: r.responseId,
      waveId: wave.id,
      waveLabel: wave.label,
      code: r.code,
      organisation: organisation(r.organisationId),
      roleGroup: roleGroup(r.roleGroup),
    }),
  };
}

/** The decisions on pairs of respondents present in these two waves, each with the one that holds. */
function decidedViews(base: WaveLinking, follow: WaveLinking, rows: readonly links.LinkDecisionRow[]): LinkDecisionView[] {
  const baseByRespondent = new Map(base.responses.map((r) => [r.respondentId, r]));
  const followByRespondent = new Map(follow.responses.map((r) => [r.respondentId, r]));
  const byPair = new Map<string, links.LinkDecisionRow[]>();
  for (const row of rows) {
    if (!baseByRespondent.has(row.baselineRespondentId) || !followByRespondent.has(row.followUpRespondentId)) continue;
    const key = decisionKey(row.baselineRespondentId, row.followUpRespondentId);
    const list = byPair.get(key);
    if (list) list.push(row);
    else byPair.set(key, [row]);
  }
  const views: LinkDecisionView[] = [];
  for (const pair of byPair.values()) {
    const holding = [...pair].sort((a, b) => compareLinkDecisions(links.recordedDecision(a), links.recordedDecision(b)))[0]!;
    const b = baseByRespondent.get(holding.baselineRespondentId)!;
    const f = followByRespondent.get(holding.followUpRespondentId)!;
    views.push({
      baseline: base.side(b),
      followUp: follow.side(f),
      differs: singleDifference(b.code, f.code),
      decision: holding.decision,
      decidedAt: holding.decidedAt,
      deviceId: holding.deviceId,
      overruled: pair.filter((row) => row.decision !== holding.decision).length,
    });
  }
  // Newest decision first: the one just made is on top.
  return views.sort((x, y) => (x.decidedAt === y.decidedAt ? x.baseline.code.localeCompare(y.baseline.code) : x.decidedAt < y.decidedAt ? 1 : -1));
}

export function listLinkProposals(ctx: ServiceContext, input: ParsedInput<'listLinkProposals'>): LinkProposalList {
  const network = requireNetwork(ctx, input.networkId);
  // The dashboard's waves (all of the network's, in time order) and its population (complete responses).
  const waves = listWavesWithInstruments(ctx.db, network.id);
  const rows = links.listCompleteResponses(ctx.db, waves.map((w) => w.id), ROLE_ITEM);
  const organisationNames = new Map(listOrganisations(ctx.db, network.id).map((o) => [o.id, o.name]));
  const perWave = waves.map((wave) =>
    waveLinking(
      ctx,
      network,
      wave,
      rows.filter((r) => r.waveId === wave.id),
      organisationNames,
    ),
  );
  const decisionRows = links.listLinkDecisions(ctx.db, network.id);
  const decisions = effectiveLinkDecisions(decisionRows.map(links.recordedDecision));
  const base = perWave[0];
  return {
    networkId: network.id,
    networkName: network.name,
    minGroupSize: network.minGroupSize,
    baselineWaveId: base?.wave.id ?? null,
    comparisons: perWave.slice(1).map((follow) => {
      const byId = new Map([...base!.responses, ...follow.responses].map((r) => [r.responseId, r]));
      const link = linkWaves(
        base!.responses.map((r) => linkCandidate(r.responseId, r)),
        follow.responses.map((r) => linkCandidate(r.responseId, r)),
        decisions,
      );
      return {
        baselineWaveId: base!.wave.id,
        baselineWaveLabel: base!.wave.label,
        followUpWaveId: follow.wave.id,
        followUpWaveLabel: follow.wave.label,
        proposals: link.proposals.map((p) => ({ baseline: base!.side(byId.get(p.baseline)!), followUp: follow.side(byId.get(p.followUp)!), differs: p.differs })),
        decided: decidedViews(base!, follow, decisionRows),
      };
    }),
  };
}

// --- deciding ---------------------------------------------------------------------------------------

/** Both responses of a decision: existing and in this network first (NOT_FOUND), then submitted. */
function requireLinkResponses(ctx: ServiceContext, networkId: string, input: { baselineResponseId: string; followUpResponseId: string }) {
  const sides = [
    { which: 'eerdere', response: links.findResponseForLink(ctx.db, input.baselineResponseId) },
    { which: 'latere', response: links.findResponseForLink(ctx.db, input.followUpResponseId) },
  ];
  for (const { which, response } of sides) {
    if (!response || response.networkId !== networkId) {
      throw new ApiError('NOT_FOUND', `De ${which} vragenlijst van deze koppeling bestaat niet (meer) in dit netwerk. Open het scherm Koppelen opnieuw; er is niets opgeslagen.`);
    }
  }
  for (const { which, response } of sides) {
    if (!response!.complete) {
      throw new ApiError('VALIDATION', `De ${which} vragenlijst van deze koppeling is niet ingeleverd. Alleen ingeleverde vragenlijsten worden gekoppeld; er is niets opgeslagen.`);
    }
  }
  return { baseline: sides[0]!.response!, followUp: sides[1]!.response! };
}

/**
 * Records a researcher's decision on a near match: accepted (one person, linked from now on) or
 * rejected (two people). The pair must be a proposal right now: both responses complete, in this
 * network, the baseline's wave before the follow-up's, and the two codes one element apart without
 * another candidate. A pair is decided once; the decision and its audit entry are stored together.
 */
export function decideLinkProposal(ctx: ServiceContext, input: ParsedInput<'decideLinkProposal'>): LinkProposalList {
  const network = requireNetwork(ctx, input.networkId);
  ctx.db
    .transaction(() => {
      const { baseline, followUp } = requireLinkResponses(ctx, network.id, input);
      if (links.linkDecisionsOfPair(ctx.db, baseline.respondentId, followUp.respondentId).length > 0) {
        throw new ApiError(
          'CONFLICT',
          'Over deze mogelijke koppeling is al besloten (op deze laptop of op een andere). Een besluit blijft staan; er is niets opgeslagen.',
        );
      }
      const waves = listWavesWithInstruments(ctx.db, network.id);
      const baseIndex = waves.findIndex((w) => w.id === baseline.waveId);
      const followIndex = waves.findIndex((w) => w.id === followUp.waveId);
      const notProposal = new ApiError(
        'VALIDATION',
        'Deze twee vragenlijsten vormen geen mogelijke koppeling: alleen zelfgemaakte codes die op één onderdeel verschillen, uit een eerdere en een latere meting, worden voorgesteld. Kies een voorstel uit de lijst; er is niets opgeslagen.',
      );
      if (baseIndex < 0 || followIndex <= baseIndex) throw notProposal;
      const rows = links.listCompleteResponses(ctx.db, [baseline.waveId, followUp.waveId], ROLE_ITEM);
      const link = linkWaves(
        rows.filter((r) => r.waveId === baseline.waveId).map((r) => linkCandidate(r.responseId, r)),
        rows.filter((r) => r.waveId === followUp.waveId).map((r) => linkCandidate(r.responseId, r)),
        linkDecisionsOf(ctx, network.id),
      );
      if (!link.proposals.some((p) => p.baseline === baseline.responseId && p.followUp === followUp.responseId)) throw notProposal;

      const now = ctx.now();
      const id = randomUUID();
      links.insertLinkDecision(ctx.db, {
        id,
        networkId: network.id,
        baselineRespondentId: baseline.respondentId,
        followUpRespondentId: followUp.respondentId,
        decision: input.decision,
        decidedAt: now,
        deviceId: ctx.deviceId,
      });
      // Ids only: the log never holds a respondent's code.
      appendAudit(
        ctx.db,
        ctx.deviceId,
        {
          action: input.decision === 'accepted' ? 'link.accepted' : 'link.rejected',
          entity: 'link-decision',
          entityId: id,
          details: { baselineResponseId: baseline.responseId, followUpResponseId: followUp.responseId },
        },
        now,
      );
    })
    .immediate();
  return listLinkProposals(ctx, { networkId: network.id });
}
