import { compareLinkDecisions, decisionKey, type RecordedLinkDecision } from '../../../shared/linking';
import type { LinkDecisionConflict, LinkDecisionVersion, StudyData } from '../../../shared/study';
import type { Db } from '../../db/open';
import * as links from '../../db/repositories/links';
import * as repo from '../../db/repositories/study';

/**
 * Link decisions in a study file (a researcher's decisions on near matches of self-made codes).
 * Merging is a union: every decision not yet here is added, with its respondents mapped to this
 * database (a code set up on two laptops is one respondent). When this laptop and the file decided
 * the same pair differently, nobody is asked: the later decision holds, at the same moment the one
 * from the smaller device id (shared/linking.ts), and both stay recorded, so every laptop that
 * holds the same decisions agrees whatever order the files came in.
 */

type LinkRow = StudyData['link_decisions'][number];

export interface PlannedLinkDecision {
  /** The decision with its respondents mapped to this database. */
  row: LinkRow;
  /** The respondent ids as the file has them. */
  incoming: { baseline: string; followUp: string };
  /** add: new here; skip: already here; erased: one of its respondents is erased. */
  action: 'add' | 'skip' | 'erased';
}

export interface LinkDecisionMapping {
  /** Incoming respondent id → this database's (absent for an erased respondent of the file). */
  respondentMap: ReadonlyMap<string, string>;
  isErased: (id: string) => boolean;
}

/** Goes through a list, now and then giving the event loop a turn (study-file-steps.ts). */
export interface InSteps {
  each<T>(items: readonly T[], fn: (item: T, index: number) => void): Promise<void>;
}

export async function planLinkDecisions(db: Db, data: StudyData, { respondentMap, isErased }: LinkDecisionMapping, steps: InSteps): Promise<PlannedLinkDecision[]> {
  const inFile = new Set(data.respondents.map((r) => r.id));
  // A respondent of the file that is not mapped was skipped as erased; one only in this database keeps its id.
  const mapped = (id: string) => respondentMap.get(id) ?? (inFile.has(id) ? undefined : id);
  const planned: PlannedLinkDecision[] = [];
  await steps.each(data.link_decisions, (d) => {
    const incoming = { baseline: d.baseline_respondent_id, followUp: d.follow_up_respondent_id };
    const baseline = mapped(incoming.baseline);
    const followUp = mapped(incoming.followUp);
    if (baseline === undefined || followUp === undefined || isErased(incoming.baseline) || isErased(incoming.followUp)) {
      planned.push({ row: d, incoming, action: 'erased' });
      return;
    }
    const row: LinkRow = { ...d, baseline_respondent_id: baseline, follow_up_respondent_id: followUp };
    // Already here, or this laptop's own decision on the pair under another id: the table keeps one per pair and laptop.
    const here =
      repo.exists.linkDecision(db, d.id) ||
      baseline === followUp ||
      links.linkDecisionsOfPair(db, baseline, followUp).some((local) => local.deviceId === d.device_id);
    planned.push({ row, incoming, action: here ? 'skip' : 'add' });
  });
  return planned;
}

/**
 * The decisions to add, leaving out those about a respondent whose response the user chose to keep
 * beside this laptop's as a second person ("both"): that person got a new code, so the decision no
 * longer names anyone here.
 */
export function placedLinkDecisions(planned: readonly PlannedLinkDecision[], splitRespondents: ReadonlySet<string>): LinkRow[] {
  return planned
    .filter((p) => p.action === 'add' && !splitRespondents.has(p.incoming.baseline) && !splitRespondents.has(p.incoming.followUp))
    .map((p) => p.row);
}

/** A decision of the file as the rule that picks the one that holds sees it. */
const recordedFromFile = (d: LinkRow): RecordedLinkDecision => ({
  baselinePerson: d.baseline_respondent_id,
  followUpPerson: d.follow_up_respondent_id,
  decision: d.decision,
  decidedAt: d.decided_at,
  deviceId: d.device_id,
});

const holding = <T extends RecordedLinkDecision>(rows: readonly T[]): T => [...rows].sort(compareLinkDecisions)[0]!;
const version = (r: RecordedLinkDecision): LinkDecisionVersion => ({ decision: r.decision, decidedAt: r.decidedAt, deviceId: r.deviceId });

/** Pairs decided one way here and the other way in the decisions to add, with the decision that holds after the import. */
export function linkDecisionConflicts(db: Db, data: StudyData, added: readonly LinkRow[]): LinkDecisionConflict[] {
  const incomingByPair = new Map<string, RecordedLinkDecision[]>();
  for (const d of added) {
    const r = recordedFromFile(d);
    const key = decisionKey(r.baselinePerson, r.followUpPerson);
    incomingByPair.set(key, [...(incomingByPair.get(key) ?? []), r]);
  }
  const networkNames = new Map(data.networks.map((n) => [n.id, n.name]));
  const fileCodes = new Map(data.respondents.map((r) => [r.id, r.code]));
  const codeOf = (id: string) => repo.exists.respondent(db, id)?.code ?? fileCodes.get(id) ?? '';
  const conflicts: LinkDecisionConflict[] = [];
  for (const incomingRows of incomingByPair.values()) {
    const incoming = holding(incomingRows);
    const localRows = links.linkDecisionsOfPair(db, incoming.baselinePerson, incoming.followUpPerson);
    if (localRows.length === 0) continue;
    const local = holding(localRows.map(links.recordedDecision));
    if (local.decision === incoming.decision) continue;
    const networkId = localRows[0]!.networkId;
    conflicts.push({
      networkName: networkNames.get(networkId) ?? '',
      baselineCode: codeOf(incoming.baselinePerson),
      followUpCode: codeOf(incoming.followUpPerson),
      local: version(local),
      incoming: version(incoming),
      holds: compareLinkDecisions(incoming, local) < 0 ? 'incoming' : 'local',
    });
  }
  return conflicts;
}
