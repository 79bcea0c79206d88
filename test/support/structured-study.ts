import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Input, MethodName, Output } from '../../shared/contract';
import { structuredInstrument } from './structured-instrument';

/**
 * A small study with the structured fixture (required items, conditional display, multiple choice),
 * answered by hand so that every number can be worked out on paper. Coded answers go through
 * `saveAnswer`; a multiple-choice answer is written as the app stores it (its ticked codes, ascending,
 * in the answer's text, value NULL), so these tests read exactly that form whoever writes it.
 */

export const CO = 'clientoverleg';

/** The API and a writable connection: a laptop of `useServices()`, or an e2e session's harness. */
export interface Laptop {
  ok: <K extends MethodName>(name: K, input: Input<K>) => Promise<Output<K>>;
  db: Database;
}

export interface StructuredAnswers {
  code: string;
  /** Coded answers (item → code), stored ones of hidden items included. */
  codes: Record<string, number>;
  /** Ticked options of co_kanalen; undefined = not answered. */
  kanalen?: number[];
  /** The text at co_rol_anders, stored whether it is shown or not. */
  anders?: string;
}

/** T0 of the hand-worked study. Hidden answers are stored on purpose; they must count nowhere. */
export const T0_ANSWERS: StructuredAnswers[] = [
  // Telephone and app ticked: co_app (5) shown. Score (5 + 4 + 2) / 3 = 11/3.
  { code: 'R-001', codes: { co_rol: 1, co_app: 5, co_01: 4, co_02: 2 }, kanalen: [1, 4] },
  // Role "Anders" shows the text; no app, so the stored co_app 1 is hidden. Score (5 + 4) / 2 = 4.5.
  { code: 'R-002', codes: { co_rol: 3, co_app: 1, co_01: 5, co_02: 4 }, kanalen: [2, 3], anders: 'Buurvrouw' },
  // App ticked: co_app 3 shown. Score (3 + 3 + 3) / 3 = 3.
  { code: 'R-003', codes: { co_rol: 2, co_app: 3, co_01: 3, co_02: 3 }, kanalen: [4] },
  // Telephone only: the stored co_app 2 is hidden, and so is the old text at co_rol_anders (role 1). Score (2 + 2) / 2 = 2.
  { code: 'R-004', codes: { co_rol: 1, co_app: 2, co_01: 2, co_02: 2 }, kanalen: [1], anders: 'Oud antwoord' },
  // Telephone, e-mail and app: co_app 4 shown. Score (4 + 5 + 5) / 3 = 14/3.
  { code: 'R-005', codes: { co_rol: 1, co_app: 4, co_01: 5, co_02: 5 }, kanalen: [1, 2, 4] },
  // "Geen van deze": co_app 5 hidden; co_02 "weet niet" (9): only co_01 (4) scores, 1 of the 2 shown ≥ 50%. Score 4.
  { code: 'R-006', codes: { co_rol: 2, co_app: 5, co_01: 4, co_02: 9 }, kanalen: [9] },
];

/** T1: two respondents only, fewer than the minimum group of 3. */
export const T1_ANSWERS: StructuredAnswers[] = [
  { code: 'R-001', codes: { co_rol: 1, co_01: 3, co_02: 3 }, kanalen: [2] },
  { code: 'R-002', codes: { co_rol: 1, co_01: 4, co_02: 4 }, kanalen: [1, 2] },
];

/** Stores a text answer as the app does (value NULL); a multiple-choice answer as its ticked codes, ascending. */
function storeText(s: Laptop, responseId: string, itemId: string, text: string): void {
  s.db
    .prepare(
      `INSERT INTO answers (id, response_id, instrument_id, instrument_version, item_id, value, text, updated_at, device_id)
       VALUES (?, ?, ?, 1, ?, NULL, ?, ?, (SELECT device_id FROM responses WHERE id = ?))
       ON CONFLICT (response_id, instrument_id, item_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
    )
    .run(randomUUID(), responseId, CO, itemId, text, new Date().toISOString(), responseId);
}

export const storeTicks = (s: Laptop, responseId: string, itemId: string, codes: readonly number[]) =>
  storeText(s, responseId, itemId, [...codes].sort((a, b) => a - b).join(','));

/** The network (minimum group 3) with T0 and T1 on the structured instrument, answered as above and submitted. */
export async function structuredStudy(s: Laptop) {
  await s.ok('importInstrument', { definitionJson: JSON.stringify(structuredInstrument()) });
  const network = await s.ok('createNetwork', { name: 'Wijknetwerk Zuid' });
  await s.ok('updateNetworkSettings', { networkId: network.id, consentNl: null, consentEn: null, codePolicy: 'free', idleSeconds: 120, minGroupSize: 3 });
  const instruments = [{ instrumentId: CO, version: 1 }];
  const t0 = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: '2026-03-01', instruments });
  const t1 = await s.ok('createWave', { networkId: network.id, label: 'T1', kind: 'T1', plannedDate: '2027-03-01', instruments });
  const respond = async (waveId: string, a: StructuredAnswers) => {
    const r = await s.ok('startResponse', { waveId, respondentCode: a.code, organisationId: null, mode: 'form' });
    // As a respondent would: the app ticked first (so co_app is shown and answered), then the final ticks.
    if ('co_app' in a.codes) storeTicks(s, r.id, 'co_kanalen', [4]);
    for (const [itemId, value] of Object.entries(a.codes)) await s.ok('saveAnswer', { responseId: r.id, instrumentId: CO, itemId, value, text: null });
    if (a.kanalen) storeTicks(s, r.id, 'co_kanalen', a.kanalen);
    else s.db.prepare("DELETE FROM answers WHERE response_id = ? AND item_id = 'co_kanalen'").run(r.id);
    if (a.anders) storeText(s, r.id, 'co_rol_anders', a.anders);
    await s.ok('completeResponse', { responseId: r.id });
    return r;
  };
  for (const a of T0_ANSWERS) await respond(t0.id, a);
  for (const a of T1_ANSWERS) await respond(t1.id, a);
  return { network, t0, t1 };
}
