import { describe, expect, it } from 'vitest';
import { snapshot, studyFileOf, useServices, type Laptop } from '../support/services';

/**
 * Correcting the answers about partner organisations of a submitted questionnaire, through the
 * real dispatcher on a real SQLite file: written in one transaction with the other changed
 * answers, logged per item and organisation with the old and the new value, refused (writing
 * nothing) when wrong, and carried to another laptop by a study file under the later-change rule.
 */

const open = useServices();
const PA = 'partnernetwerk';
const KS = 'kansrijke-samenwerking';

async function submitted(s: Laptop) {
  const network = await s.ok('createNetwork', { name: 'Wijknetwerk West' });
  const org = async (name: string) => s.ok('addOrganisation', { networkId: network.id, name, sector: 'zorg', sizeClass: null });
  const own = await org('Thuiszorg West');
  const huisartsen = await org('Huisartsen West');
  const welzijn = await org('Welzijn West');
  const instruments = [KS, PA].map((instrumentId) => ({ instrumentId, version: 1 }));
  const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments });
  const response = await s.ok('startResponse', { waveId: wave.id, respondentCode: 'COR001', organisationId: own.id, mode: 'form' });
  const relation = (itemId: string, organisationId: string, value: number | null) => ({ instrumentId: PA, itemId, organisationId, value });
  await s.ok('saveAnswer', { responseId: response.id, instrumentId: KS, itemId: 'ks_amb_01', value: 4, text: null });
  await s.ok('saveRelationAnswer', { responseId: response.id, ...relation('pa_frequentie', huisartsen.id, 2) });
  await s.ok('saveRelationAnswer', { responseId: response.id, ...relation('pa_vertrouwen', huisartsen.id, 3) });
  await s.ok('saveRelationAnswer', { responseId: response.id, ...relation('pa_frequentie', welzijn.id, 1) });
  await s.ok('completeResponse', { responseId: response.id });
  const rows = () =>
    s.db.prepare('SELECT item_id AS itemId, organisation_id AS organisationId, value FROM relation_answers WHERE response_id = ? ORDER BY item_id, organisation_id').all(response.id);
  return { network, own, huisartsen, welzijn, response, relation, rows };
}

describe('correcting answers about partner organisations', () => {
  it('changes, adds and clears them with the other answers in one correction, and logs item, organisation, old and new', async () => {
    const s = open();
    const w = await submitted(s);
    const corrected = await s.ok('correctResponse', {
      responseId: w.response.id,
      reason: 'Respondent belde: werkt wekelijks met Welzijn',
      answers: [{ instrumentId: KS, itemId: 'ks_amb_01', value: 2, text: null }],
      relationAnswers: [
        w.relation('pa_frequentie', w.welzijn.id, 4),
        w.relation('pa_vertrouwen', w.welzijn.id, 2),
        w.relation('pa_vertrouwen', w.huisartsen.id, null),
        // Unchanged: not a change, not logged.
        w.relation('pa_frequentie', w.huisartsen.id, 2),
      ],
    });
    expect(corrected.status).toBe('complete');
    const byKey = (rows: { itemId: string; organisationId: string; value: number }[]) => rows.map((r) => `${r.itemId}/${r.organisationId === w.huisartsen.id ? 'huisartsen' : 'welzijn'}=${r.value}`).sort();
    expect(byKey(corrected.relationAnswers)).toEqual(['pa_frequentie/huisartsen=2', 'pa_frequentie/welzijn=4', 'pa_vertrouwen/welzijn=2']);
    expect(byKey(w.rows() as never)).toEqual(['pa_frequentie/huisartsen=2', 'pa_frequentie/welzijn=4', 'pa_vertrouwen/welzijn=2']);

    const log = s.db.prepare("SELECT details FROM audit_log WHERE action = 'response.corrected'").all() as { details: string }[];
    expect(log).toHaveLength(1);
    const details = JSON.parse(log[0]!.details) as { correctionReason: string; changes: unknown[] };
    expect(details.correctionReason).toBe('Respondent belde: werkt wekelijks met Welzijn');
    expect(details.changes).toEqual([
      { instrumentId: KS, itemId: 'ks_amb_01', old: 4, new: 2 },
      { instrumentId: PA, itemId: 'pa_frequentie', organisationId: w.welzijn.id, organisationName: 'Welzijn West', old: 1, new: 4 },
      { instrumentId: PA, itemId: 'pa_vertrouwen', organisationId: w.welzijn.id, organisationName: 'Welzijn West', old: null, new: 2 },
      { instrumentId: PA, itemId: 'pa_vertrouwen', organisationId: w.huisartsen.id, organisationName: 'Huisartsen West', old: 3, new: null },
    ]);
  });

  it('a relation answer alone is a correction too', async () => {
    const s = open();
    const w = await submitted(s);
    await s.ok('correctResponse', { responseId: w.response.id, reason: 'Overtypfout', answers: [], relationAnswers: [w.relation('pa_frequentie', w.welzijn.id, 3)] });
    expect(w.rows()).toContainEqual({ itemId: 'pa_frequentie', organisationId: w.welzijn.id, value: 3 });
  });

  it('refuses the own organisation, a value off the scale, a non-relation item, a doubled answer and no change at all, changing nothing', async () => {
    const s = open();
    const w = await submitted(s);
    const before = snapshot(s.db);
    const refused = async (relationAnswers: ReturnType<typeof w.relation>[], message: string) => {
      const result = await s.call('correctResponse', { responseId: w.response.id, reason: 'Controle', answers: [{ instrumentId: KS, itemId: 'ks_amb_01', value: 1, text: null }], relationAnswers });
      expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', message } });
      expect(snapshot(s.db)).toEqual(before);
    };
    await refused([w.relation('pa_frequentie', w.own.id, 3)], 'Vraag pa_frequentie gaat over de andere partnerorganisaties, niet over uw eigen organisatie (Thuiszorg West). Er is niets gewijzigd.');
    await refused([w.relation('pa_frequentie', w.welzijn.id, 3), w.relation('pa_vertrouwen', w.welzijn.id, 5)], 'Antwoord 5 is geen geldige keuze bij vraag pa_vertrouwen. Kies een van de getoonde antwoorden. Er is niets gewijzigd.');
    await refused([{ ...w.relation('pa_frequentie', w.welzijn.id, 3), instrumentId: KS, itemId: 'ks_amb_02' }], 'Vraag ks_amb_02 gaat niet over partnerorganisaties. Sla het antwoord op als gewoon antwoord. Er is niets gewijzigd.');
    await refused(
      [w.relation('pa_frequentie', w.welzijn.id, 3), w.relation('pa_frequentie', w.welzijn.id, 4)],
      'Het antwoord bij vraag pa_frequentie over één organisatie staat twee keer in de correctie. Er is niets gewijzigd.',
    );
    const same = await s.call('correctResponse', { responseId: w.response.id, reason: 'Controle', answers: [], relationAnswers: [w.relation('pa_frequentie', w.welzijn.id, 1)] });
    expect(same).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/^Er is geen antwoord veranderd/) } });
    const nothing = await s.call('correctResponse', { responseId: w.response.id, reason: 'Controle', answers: [] });
    expect(nothing).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Er is geen antwoord veranderd. Verander eerst een antwoord, of annuleer de correctie. Er is niets gewijzigd.' } });
    expect(snapshot(s.db)).toEqual(before);
  });

  it('travels in a study file: the laptop that still has the submitted version takes the corrected relation answers', async () => {
    const [a, b] = [open(), open()];
    const w = await submitted(a);
    await b.ok('importStudyFile', { content: await studyFileOf(a, [w.network.id]), decisions: [] });
    await a.ok('correctResponse', { responseId: w.response.id, reason: 'Overtypfout', answers: [], relationAnswers: [w.relation('pa_frequentie', w.welzijn.id, 5), w.relation('pa_vertrouwen', w.welzijn.id, 4)] });
    const relationRows = (s: Laptop) => s.db.prepare('SELECT * FROM relation_answers ORDER BY id').all();
    const responseRow = (s: Laptop) => s.db.prepare('SELECT * FROM responses WHERE id = ?').get(w.response.id);
    expect(relationRows(b)).not.toEqual(relationRows(a));

    await b.ok('importStudyFile', { content: await studyFileOf(a, [w.network.id]), decisions: [] });
    expect(relationRows(b)).toEqual(relationRows(a));
    expect(responseRow(b)).toEqual(responseRow(a));
    expect(
      (b.db.prepare('SELECT value FROM relation_answers WHERE response_id = ? AND item_id = ? AND organisation_id = ?').get(w.response.id, 'pa_vertrouwen', w.welzijn.id) as { value: number }).value,
    ).toBe(4);
    // The uncorrected copy on B, sent back to A, changes nothing there: the later change holds.
    const afterA = relationRows(a);
    await a.ok('importStudyFile', { content: await studyFileOf(b, [w.network.id]), decisions: [] });
    expect(relationRows(a)).toEqual(afterA);
  }, 60_000);
});
