import { describe, expect, it } from 'vitest';
import { snapshot, useServices } from '../support/services';

/**
 * Answers about partner organisations (saveRelationAnswer) through the real dispatcher on a real
 * SQLite file: stored at once, resumed with the response, refused with a Dutch sentence (and
 * nothing written) when the organisation, item or value is wrong or the response was submitted,
 * and gone with an erased or thrown-away response.
 */

const open = useServices();
const PA = 'partnernetwerk';

async function world() {
  const s = open();
  const network = await s.ok('createNetwork', { name: 'Wijknetwerk Oost' });
  const org = async (name: string) => s.ok('addOrganisation', { networkId: network.id, name, sector: 'zorg', sizeClass: null });
  const thuiszorg = await org('Thuiszorg Oost');
  const huisartsen = await org('Huisartsen Oost');
  const welzijn = await org('Welzijn Oost');
  const other = await s.ok('createNetwork', { name: 'Ander netwerk' });
  const elsewhere = await s.ok('addOrganisation', { networkId: other.id, name: 'Elders', sector: 'zorg', sizeClass: null });
  const instruments = ['kansrijke-samenwerking', PA].map((instrumentId) => ({ instrumentId, version: 1 }));
  const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments });
  const response = await s.ok('startResponse', { waveId: wave.id, respondentCode: 'PAR001', organisationId: thuiszorg.id, mode: 'form' });
  const relation = (organisationId: string, value: number | null, itemId = 'pa_frequentie') => ({ responseId: response.id, instrumentId: PA, itemId, organisationId, value });
  const rows = () => s.db.prepare('SELECT item_id, organisation_id, value FROM relation_answers ORDER BY rowid').all();
  return { ...s, network, wave, response, thuiszorg, huisartsen, welzijn, elsewhere, relation, rows };
}

describe('saving answers about partner organisations', () => {
  it('stores each answer at once, replaces it, clears it with null, and gives them back with the response', async () => {
    const w = await world();
    const saved = await w.ok('saveRelationAnswer', w.relation(w.huisartsen.id, 4));
    expect(saved).toMatchObject({ responseId: w.response.id, itemId: 'pa_frequentie', organisationId: w.huisartsen.id, value: 4 });
    await w.ok('saveRelationAnswer', w.relation(w.welzijn.id, 1));
    await w.ok('saveRelationAnswer', w.relation(w.huisartsen.id, 3, 'pa_vertrouwen'));
    await w.ok('saveRelationAnswer', w.relation(w.huisartsen.id, 5));
    // "Ken ik niet" is an answer too (stored, never counted).
    await w.ok('saveRelationAnswer', w.relation(w.welzijn.id, 9, 'pa_waarde'));
    expect(w.rows()).toEqual([
      { item_id: 'pa_frequentie', organisation_id: w.huisartsen.id, value: 5 },
      { item_id: 'pa_frequentie', organisation_id: w.welzijn.id, value: 1 },
      { item_id: 'pa_vertrouwen', organisation_id: w.huisartsen.id, value: 3 },
      { item_id: 'pa_waarde', organisation_id: w.welzijn.id, value: 9 },
    ]);
    await w.ok('saveRelationAnswer', w.relation(w.welzijn.id, null, 'pa_waarde'));
    const resumed = await w.ok('getResponse', { responseId: w.response.id });
    expect(resumed.relationAnswers.map((a) => [a.itemId, a.organisationId, a.value])).toEqual([
      ['pa_frequentie', w.huisartsen.id, 5],
      ['pa_frequentie', w.welzijn.id, 1],
      ['pa_vertrouwen', w.huisartsen.id, 3],
    ]);
  });

  it('refuses the own organisation, one of another network, a non-relation item, a value off the scale and a submitted response, writing nothing', async () => {
    const w = await world();
    await w.ok('saveRelationAnswer', w.relation(w.huisartsen.id, 2));
    const before = snapshot(w.db);
    const refusal = async (input: ReturnType<typeof w.relation>, code: string, message: RegExp) => {
      const result = await w.call('saveRelationAnswer', input);
      expect(result).toMatchObject({ ok: false, error: { code } });
      if (!result.ok) expect(result.error.message).toMatch(message);
      expect(snapshot(w.db)).toEqual(before);
    };
    await refusal(w.relation(w.thuiszorg.id, 3), 'VALIDATION', /niet over uw eigen organisatie \(Thuiszorg Oost\)/);
    await refusal(w.relation(w.elsewhere.id, 3), 'NOT_FOUND', /hoort niet bij dit netwerk/);
    await refusal(w.relation('00000000-0000-4000-8000-000000000000', 3), 'NOT_FOUND', /hoort niet bij dit netwerk/);
    await refusal({ ...w.relation(w.huisartsen.id, 3), instrumentId: 'kansrijke-samenwerking', itemId: 'ks_amb_01' }, 'VALIDATION', /gaat niet over partnerorganisaties/);
    await refusal(w.relation(w.huisartsen.id, 3, 'pa_onbekend'), 'VALIDATION', /bestaat niet/);
    await refusal(w.relation(w.huisartsen.id, 6), 'VALIDATION', /geen geldige keuze/);
    await refusal(w.relation(w.huisartsen.id, 5, 'pa_vertrouwen'), 'VALIDATION', /geen geldige keuze/);
    await refusal(w.relation(w.huisartsen.id, 0), 'VALIDATION', /geen geldige keuze/);

    await w.ok('completeResponse', { responseId: w.response.id });
    const submitted = snapshot(w.db);
    for (const value of [3, null]) {
      const late = await w.call('saveRelationAnswer', w.relation(w.huisartsen.id, value));
      expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(snapshot(w.db)).toEqual(submitted);
    }
  });

  it('makes a named organisation in use: it can be archived but not removed', async () => {
    const w = await world();
    await w.ok('saveRelationAnswer', w.relation(w.welzijn.id, 2));
    const detail = await w.ok('getNetwork', { networkId: w.network.id });
    expect(detail.organisations.find((o) => o.id === w.welzijn.id)?.inUse).toBe(true);
    const removal = await w.call('removeOrganisation', { organisationId: w.welzijn.id });
    expect(removal).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await w.ok('archiveOrganisation', { organisationId: w.welzijn.id, archived: true });
  });

  it('goes with its response when the response is thrown away or the respondent erased', async () => {
    const w = await world();
    await w.ok('saveRelationAnswer', w.relation(w.welzijn.id, 2));
    await w.ok('discardResponse', { responseId: w.response.id });
    expect(w.rows()).toEqual([]);

    const again = await w.ok('startResponse', { waveId: w.wave.id, respondentCode: 'PAR002', organisationId: w.thuiszorg.id, mode: 'form' });
    await w.ok('saveRelationAnswer', { ...w.relation(w.huisartsen.id, 3), responseId: again.id });
    await w.ok('completeResponse', { responseId: again.id });
    expect(w.rows()).toHaveLength(1);
    await w.ok('eraseRespondent', { networkId: w.network.id, respondentCode: 'PAR002', confirmCode: 'PAR002' });
    expect(w.rows()).toEqual([]);
  });
});
