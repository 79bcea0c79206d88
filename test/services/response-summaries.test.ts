import { describe, expect, it } from 'vitest';
import { useServices } from '../support/services';
import { structuredInstrument } from '../support/structured-instrument';

/**
 * The number of answers per questionnaire in *Ingevulde vragenlijsten*, through the real
 * dispatcher on a real SQLite file, with test/support/structured-instrument.ts: co_rol_anders is
 * shown only when co_rol is 3 "Anders", co_app only when co_kanalen has 4 "Beveiligde app" ticked.
 */

const CO = 'clientoverleg';
const open = useServices();

describe('the list of filled-in questionnaires', () => {
  it('counts only the answers of shown questions; a follow-up answer kept after its condition changed counts no more', async () => {
    const s = open();
    await s.ok('importInstrument', { definitionJson: JSON.stringify(structuredInstrument()) });
    const network = await s.ok('createNetwork', { name: 'Dementienetwerk Zuid' });
    const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: CO, version: 1 }] });
    const start = (code: string) => s.ok('startResponse', { waveId: wave.id, respondentCode: code, organisationId: null, mode: 'form' });
    const answer = (responseId: string, itemId: string, value: number | null, text: string | null = null) =>
      s.ok('saveAnswer', { responseId, instrumentId: CO, itemId, value, text });
    const answered = async () => Object.fromEntries((await s.ok('listResponses', { waveId: wave.id })).map((r) => [r.respondentCode, r.answered]));

    // "Anders" with its text, the app ticked and its statement, and one more statement: 5 answers.
    const first = await start('R-001');
    await answer(first.id, 'co_rol', 3);
    await answer(first.id, 'co_rol_anders', null, 'Casemanager');
    await answer(first.id, 'co_kanalen', null, '1,4');
    await answer(first.id, 'co_app', 4);
    await answer(first.id, 'co_01', 5);
    // no follow-up at all, 2 answers; R-003: nothing yet.
    const second = await start('R-002');
    await answer(second.id, 'co_rol', 1);
    await answer(second.id, 'co_kanalen', null, '2');
    await start('R-003');
    expect(await answered()).toEqual({ 'R-001': 5, 'R-002': 2, 'R-003': 0 });

    // Another role hides the "Anders" text: 4. Unticking the app hides its statement too: 3.
    await answer(first.id, 'co_rol', 1);
    expect(await answered()).toEqual({ 'R-001': 4, 'R-002': 2, 'R-003': 0 });
    await answer(first.id, 'co_kanalen', null, '1');
    expect(await answered()).toEqual({ 'R-001': 3, 'R-002': 2, 'R-003': 0 });
    // Both hidden answers are still stored, and count again once shown again.
    expect(s.db.prepare('SELECT count(*) FROM answers WHERE response_id = ?').pluck().get(first.id)).toBe(5);
    await answer(first.id, 'co_rol', 3);
    expect(await answered()).toEqual({ 'R-001': 4, 'R-002': 2, 'R-003': 0 });
  });
});
