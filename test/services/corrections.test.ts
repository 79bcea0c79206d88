import { describe, expect, it } from 'vitest';
import { snapshot, useServices, type Laptop } from '../support/services';

/**
 * Correcting a submitted questionnaire through the real dispatcher over a real SQLite file: the
 * reason is required, kiosk mode refuses, the scores on the dashboard follow the correction, the
 * audit log keeps the old and the new values, and a refused correction writes nothing.
 */

const open = useServices();
const KS = 'kansrijke-samenwerking';

/** Five submitted questionnaires, each with ks_amb_01 = 4 (five, the minimum group size, so the mean is shown). */
async function fiveSubmitted(s: Laptop) {
  const network = await s.ok('createNetwork', { name: 'Dementie Twente' });
  const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: '2026-03-01', instruments: [{ instrumentId: KS, version: 1 }] });
  const responses = [];
  for (const code of ['R01', 'R02', 'R03', 'R04', 'R05']) {
    const r = await s.ok('startResponse', { waveId: wave.id, respondentCode: code, organisationId: null, mode: 'paper' });
    await s.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_amb_01', value: 4, text: null });
    await s.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_open_goed', value: null, text: 'De overleggen' });
    responses.push(await s.ok('completeResponse', { responseId: r.id }));
  }
  return { network, wave, responses };
}

const change = (itemId: string, value: number | null, text: string | null = null) => ({ instrumentId: KS, itemId, value, text });

async function meanOf(s: Laptop, networkId: string, itemId: string) {
  const d = await s.ok('getDashboard', { networkId, waveIds: [], instrumentId: KS, breakdown: 'none' });
  return d.items.find((i) => i.itemId === itemId)!.perWave[0]!.stats;
}

describe('correcting a submitted questionnaire', () => {
  it('changes the scores the dashboard shows, keeps the moment of submission and logs the old and the new values with the reason', async () => {
    const s = open();
    const { network, wave, responses } = await fiveSubmitted(s);
    expect((await meanOf(s, network.id, 'ks_amb_01')).mean).toBe(4);
    const target = responses[0]!;

    const corrected = await s.ok('correctResponse', {
      responseId: target.id,
      reason: '  Overtypfout: op papier staat 2  ',
      answers: [change('ks_amb_01', 2), change('ks_amb_02', 5), change('ks_open_goed', null, 'Het vertrouwen')],
    });
    expect(corrected.status).toBe('complete');
    expect(corrected.completedAt).toBe(target.completedAt);
    expect(corrected.answers.map((a) => [a.itemId, a.value, a.text])).toEqual([
      ['ks_amb_01', 2, null],
      ['ks_open_goed', null, 'Het vertrouwen'],
      ['ks_amb_02', 5, null],
    ]);
    // By hand: four times 4 and one 2 make 18 / 5 = 3.6; ks_amb_02 has one answer, 5, below the group size of 5.
    const amb01 = await meanOf(s, network.id, 'ks_amb_01');
    expect(amb01.n).toBe(5);
    expect(amb01.mean).toBeCloseTo(3.6, 10);

    const log = s.db.prepare("SELECT entity_id AS entityId, details FROM audit_log WHERE action = 'response.corrected'").all() as { entityId: string; details: string }[];
    expect(log).toHaveLength(1);
    expect(log[0]!.entityId).toBe(target.id);
    expect(JSON.parse(log[0]!.details)).toEqual({
      waveId: wave.id,
      correctionReason: 'Overtypfout: op papier staat 2',
      changes: [
        { instrumentId: KS, itemId: 'ks_amb_01', old: 4, new: 2 },
        { instrumentId: KS, itemId: 'ks_amb_02', old: null, new: 5 },
        // The text of an open answer is never written to the log, which cannot be erased.
        { instrumentId: KS, itemId: 'ks_open_goed', textChanged: true },
      ],
    });
    expect(log[0]!.details).not.toContain('vertrouwen');
    expect(log[0]!.details).not.toContain('overleggen');

    // The response row carries the correction's moment and this laptop, for merging.
    const row = s.db.prepare('SELECT updated_at AS updatedAt, device_id AS deviceId, completed_at AS completedAt FROM responses WHERE id = ?').get(target.id) as Record<string, string>;
    expect(row.updatedAt! > row.completedAt!).toBe(true);
  });

  it('clears an answer when the corrected value is empty', async () => {
    const s = open();
    const { network, responses } = await fiveSubmitted(s);
    await s.ok('correctResponse', { responseId: responses[1]!.id, reason: 'Respondent trok antwoord in', answers: [change('ks_amb_01', null)] });
    const stats = await meanOf(s, network.id, 'ks_amb_01');
    expect(stats.n).toBe(4);
    expect(stats.missing).toBe(1);
  });

  it('needs a reason, and a refused correction writes nothing', async () => {
    const s = open();
    const { responses } = await fiveSubmitted(s);
    const id = responses[0]!.id;
    const before = snapshot(s.db);
    const cases: [string, Parameters<typeof s.call<'correctResponse'>>[1], string, RegExp][] = [
      ['no reason', { responseId: id, reason: '   ', answers: [change('ks_amb_01', 2)] }, 'VALIDATION', /reden/i],
      ['a value the scale does not have', { responseId: id, reason: 'typfout', answers: [change('ks_amb_01', 6)] }, 'VALIDATION', /geen geldige keuze/],
      ['an item not in the instrument', { responseId: id, reason: 'typfout', answers: [change('ks_xyz_01', 2)] }, 'VALIDATION', /bestaat niet/],
      ['the same item twice', { responseId: id, reason: 'typfout', answers: [change('ks_amb_01', 2), change('ks_amb_01', 3)] }, 'VALIDATION', /twee keer/],
      ['nothing that changes', { responseId: id, reason: 'typfout', answers: [change('ks_amb_01', 4)] }, 'VALIDATION', /geen antwoord veranderd/],
      // One good change and one bad: the good one is not written either.
      ['a good and a bad change together', { responseId: id, reason: 'typfout', answers: [change('ks_amb_02', 3), change('ks_amb_01', 0)] }, 'VALIDATION', /geen geldige keuze/],
    ];
    for (const [, input, code, message] of cases) {
      const result = await s.call('correctResponse', input);
      expect(result).toMatchObject({ ok: false, error: { code } });
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect(snapshot(s.db)).toEqual(before);
  });

  it('is refused in kiosk mode with its own Dutch sentence, and writes nothing', async () => {
    const s = open();
    const { wave, responses } = await fiveSubmitted(s);
    await s.ok('setResearcherPin', { pin: '482913', currentPin: null });
    await s.ok('startKiosk', { waveId: wave.id, pin: '482913' });
    const before = snapshot(s.db);
    const result = await s.call('correctResponse', { responseId: responses[0]!.id, reason: 'typfout', answers: [change('ks_amb_01', 2)] });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/^Een ingeleverde vragenlijst corrigeren kan niet tijdens de afnamemodus/) } });
    expect(snapshot(s.db)).toEqual(before);
  });
});

describe('throwing away an unfinished questionnaire', () => {
  it('puts its id in the register of thrown-away responses, with the network and this laptop', async () => {
    const s = open();
    const network = await s.ok('createNetwork', { name: 'Wijknetwerk' });
    const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    const r = await s.ok('startResponse', { waveId: wave.id, respondentCode: 'TYPO1', organisationId: null, mode: 'paper' });
    await s.ok('discardResponse', { responseId: r.id });
    const deviceId = (await s.ok('getDataSettings', {})).deviceId;
    expect(s.db.prepare('SELECT id, network_id AS networkId, device_id AS deviceId FROM discarded_responses').all()).toEqual([{ id: r.id, networkId: network.id, deviceId }]);
  });
});
