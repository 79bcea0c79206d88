/**
 * Loading what the results need for one network, in one pass over the answers: the waves shown,
 * the instrument version each wave uses (compiled for fast scoring), the responses with their
 * codes and organisations, and per complete response its stored codes and subscale scores.
 */
import type { Network, Wave } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { compileInstrument, itemScores, subscaleScore, type CompiledInstrument } from '../../../shared/score-table';
import { hiddenItemIds, tickedCodes } from '../../../shared/instruments/shown-items';
import type { BreakdownChoice, WaveColumn } from '../../../shared/results';
import * as repo from '../../db/repositories/results';
import type { Db } from '../../db/open';
import type { ServiceContext } from '../context';
import { loadInstrument } from '../administration/instruments';

/** The built-in background questionnaire whose answers give the role, discipline and governance body breakdowns. */
export const BACKGROUND_INSTRUMENT = 'achtergrond';
/** The background question behind a breakdown (ag_overleg from version 2 of Achtergrond on). */
export const BREAKDOWN_ITEMS = { role: 'ag_rol', discipline: 'ag_discipline', governanceBody: 'ag_overleg' } as const;
export type BackgroundBreakdown = keyof typeof BREAKDOWN_ITEMS;
export const isBackgroundBreakdown = (choice: BreakdownChoice): choice is BackgroundBreakdown => Object.hasOwn(BREAKDOWN_ITEMS, choice);

export interface ResponseData {
  /** The response's row key (the dashboard never needs its id). */
  rowid: number;
  respondentId: string;
  code: string;
  selfCode: boolean;
  organisationId: string | null;
  /** Stored code per item of the wave's compiled instrument (NaN = no answer). */
  codes: number[];
  /** Item score per item (NaN = no score: unanswered, "weet niet", or an item without scores). */
  itemScores: number[];
  /** Per item position, 1 when the response did not see the item (its condition not met); null when the instrument has no conditions. */
  hidden: Uint8Array | null;
  /** Ticked codes per position of a multiple-choice item answered (and shown); null when the instrument has no such items. */
  ticked: Map<number, number[]> | null;
  /** Score per subscale of the wave's compiled instrument (null = too few items answered). */
  scores: (number | null)[];
  /** The breakdown answer (role group, discipline or governance body code), when asked and given. */
  group: number | null;
}

export interface WaveData {
  wave: Wave;
  column: WaveColumn;
  /** The instrument version this wave uses; null when the wave does not include the instrument. */
  compiled: CompiledInstrument | null;
  subscaleIndex: Map<string, number>;
  /** Whether the wave's background questionnaire has the breakdown question. */
  hasBreakdownItem: boolean;
  started: number;
  /** Started responses (complete included) per organisation id; null for those without one. */
  startedByOrganisation: Map<string | null, number>;
  complete: ResponseData[];
  /**
   * An organisation's wave whose numbers may not be shown (too few of its people, or the rest of the
   * network too few): every statistic of it is suppressed, counts stay. Always false for the network.
   */
  withheld: boolean;
}

/** The minimum group size that applies to a wave's numbers: unreachable when the wave is withheld. */
export const minSizeIn = (w: WaveData, k: number): number => (w.withheld ? Number.POSITIVE_INFINITY : k);

const compiledCache = new WeakMap<Db, Map<string, CompiledInstrument>>();

/** A compiled instrument version, cached per database like loadInstrument (versions in use never change). */
export function compiledInstrument(ctx: ServiceContext, instrumentId: string, version: number): CompiledInstrument {
  let perDb = compiledCache.get(ctx.db);
  if (!perDb) compiledCache.set(ctx.db, (perDb = new Map()));
  const key = `${instrumentId}@${version}`;
  let compiled = perDb.get(key);
  if (!compiled) perDb.set(key, (compiled = compileInstrument(loadInstrument(ctx, instrumentId, version))));
  return compiled;
}

/** The stored versions of an instrument, newest first; NOT_FOUND when the database does not know it. */
export function requireInstrumentVersions(ctx: ServiceContext, instrumentId: string): number[] {
  const versions = repo.instrumentVersions(ctx.db, instrumentId);
  if (versions.length === 0) {
    throw new ApiError('NOT_FOUND', `Vragenlijst ${instrumentId} bestaat niet in deze database. Kies een vragenlijst uit de lijst.`);
  }
  return versions;
}

/** The network's waves to show, in measurement order; NOT_FOUND for a wave that is not the network's. */
export function selectWaves(ctx: ServiceContext, network: Network, waveIds: readonly string[]): Wave[] {
  const all = repo.listWavesWithInstruments(ctx.db, network.id);
  if (waveIds.length === 0) return all;
  const known = new Set(all.map((w) => w.id));
  for (const id of waveIds) {
    if (!known.has(id)) throw new ApiError('NOT_FOUND', 'Deze meting hoort niet bij dit netwerk (of bestaat niet meer). Kies metingen van het gekozen netwerk.');
  }
  const wanted = new Set(waveIds);
  return all.filter((w) => wanted.has(w.id));
}

export function loadWaveData(
  ctx: ServiceContext,
  waves: readonly Wave[],
  instrumentId: string,
  breakdownItem: string | null,
): WaveData[] {
  const data: WaveData[] = waves.map((wave) => {
    const ref = wave.instruments.find((r) => r.instrumentId === instrumentId);
    const compiled = ref ? compiledInstrument(ctx, ref.instrumentId, ref.version) : null;
    const background = breakdownItem ? wave.instruments.find((r) => r.instrumentId === BACKGROUND_INSTRUMENT) : undefined;
    const hasBreakdownItem = !!background && compiledInstrument(ctx, background.instrumentId, background.version).index.has(breakdownItem!);
    return {
      wave,
      column: { waveId: wave.id, label: wave.label, kind: wave.kind, plannedDate: wave.plannedDate },
      compiled,
      subscaleIndex: new Map((compiled?.subscales ?? []).map((s, i) => [s.id, i])),
      hasBreakdownItem,
      started: 0,
      startedByOrganisation: new Map(),
      complete: [],
      withheld: false,
    };
  });
  if (data.length === 0) return data;
  const byResponse = new Map<number, { response: ResponseData; wave: WaveData }>();
  for (const row of repo.listResponsesOfWaves(ctx.db, waves.map((w) => w.id))) {
    const wave = data[row.wave]!;
    wave.started++;
    wave.startedByOrganisation.set(row.organisationId, (wave.startedByOrganisation.get(row.organisationId) ?? 0) + 1);
    if (!row.complete) continue;
    const codes: number[] = new Array<number>(wave.compiled?.items.length ?? 0).fill(Number.NaN);
    const response: ResponseData = {
      rowid: row.rowid,
      respondentId: row.respondentId,
      code: row.code,
      selfCode: row.selfCode === 1,
      organisationId: row.organisationId,
      codes,
      itemScores: codes,
      hidden: null,
      ticked: wave.compiled && wave.compiled.multipleIndexes.length > 0 ? new Map() : null,
      scores: [],
      group: null,
    };
    wave.complete.push(response);
    byResponse.set(row.rowid, { response, wave });
  }

  // The one pass over the answers. Rows of one response arrive together and in item-id order, so the
  // item is found by comparing with the next expected id; the map lookup is only a fallback. Plain
  // loops: this body runs once per answer.
  const background = breakdownItem ? BACKGROUND_INSTRUMENT : null;
  const rows = repo.listCodedAnswers(ctx.db, waves.map((w) => w.id), instrumentId, background);
  let lastRowid = -1;
  let current: ResponseData | undefined;
  let compiled: CompiledInstrument | null = null;
  let hasBreakdownItem = false;
  let cursor = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row[0] !== lastRowid) {
      lastRowid = row[0];
      const found = byResponse.get(lastRowid);
      current = found?.response;
      compiled = found?.wave.compiled ?? null;
      hasBreakdownItem = found?.wave.hasBreakdownItem ?? false;
      cursor = 0;
    }
    if (!current) continue;
    const itemId = row[2];
    if (row[1] === 1 && compiled) {
      let j: number | undefined;
      if (compiled.sortedIds[cursor] === itemId) j = compiled.sortedPositions[cursor++];
      else {
        j = compiled.index.get(itemId);
        if (j !== undefined) cursor = compiled.sortedRank[j]! + 1;
      }
      if (j !== undefined) current.codes[j] = row[3];
    }
    if (hasBreakdownItem && itemId === breakdownItem && (row[1] === 0 || instrumentId === BACKGROUND_INSTRUMENT)) current.group = row[3];
  }

  readMultipleChoice(ctx, data, byResponse, instrumentId);

  for (const wave of data) {
    const compiled = wave.compiled;
    if (!compiled) continue;
    for (const r of wave.complete) {
      if (compiled.visibility) hideUnshown(compiled, r);
      r.itemScores = itemScores(compiled, r.codes);
      const scores: (number | null)[] = [];
      for (const sub of compiled.subscales) scores.push(subscaleScore(sub, r.itemScores, r.hidden));
      r.scores = scores;
    }
  }
  return data;
}

/** The ticked codes of the multiple-choice items, for the waves whose instrument version has any. */
function readMultipleChoice(ctx: ServiceContext, data: readonly WaveData[], byResponse: Map<number, { response: ResponseData; wave: WaveData }>, instrumentId: string): void {
  const itemIds = new Set<string>();
  for (const w of data) for (const i of w.compiled?.multipleIndexes ?? []) itemIds.add(w.compiled!.items[i]!.id);
  if (itemIds.size === 0) return;
  for (const [rowid, itemId, text] of repo.listMultipleChoiceAnswers(ctx.db, data.map((w) => w.wave.id), instrumentId, [...itemIds])) {
    const found = byResponse.get(rowid);
    const j = found?.wave.compiled?.index.get(itemId);
    const codes = tickedCodes(text);
    if (!found || j === undefined || !codes || found.wave.compiled!.items[j]!.item.type !== 'multiple') continue;
    found.response.ticked?.set(j, codes);
  }
}

/**
 * The stored answers of the items this response did not see (their condition not met) count nowhere:
 * their codes and ticks are dropped and the items are marked hidden, so they are not "missing" either.
 */
function hideUnshown(compiled: CompiledInstrument, r: ResponseData): void {
  const hidden = hiddenItemIds(compiled.visibility!, (itemId) => {
    const j = compiled.index.get(itemId);
    if (j === undefined) return undefined;
    const ticked = r.ticked?.get(j);
    if (ticked) return ticked;
    const code = r.codes[j]!;
    return code === code ? code : undefined;
  });
  if (hidden.length === 0) return;
  r.hidden = new Uint8Array(compiled.items.length);
  for (const id of hidden) {
    const j = compiled.index.get(id);
    // An open question is not compiled: it has no place here (open-answers.ts leaves it out itself).
    if (j === undefined) continue;
    r.hidden[j] = 1;
    r.codes[j] = Number.NaN;
    r.ticked?.delete(j);
  }
}

/** The scale scores of the responses (all complete responses of the wave unless given) that have one. */
export function scoresOf(w: WaveData, scaleId: string, responses: readonly ResponseData[] = w.complete): number[] {
  const idx = w.subscaleIndex.get(scaleId);
  if (idx === undefined) return [];
  const values: number[] = [];
  for (const r of responses) {
    const s = r.scores[idx];
    if (s !== null && s !== undefined) values.push(s);
  }
  return values;
}
