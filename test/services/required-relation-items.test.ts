import { describe, expect, it } from 'vitest';
import { partnernetwerk } from '../../shared/instruments/partnernetwerk';
import { snapshot, useServices } from '../support/services';

/**
 * A required relation item, submitted through the real dispatcher on a real SQLite file: answered
 * only when it has an answer about every partner organisation it asks about. The instrument is the
 * built-in partner network made required (its own id), so its three items are questions 1, 2 and
 * 3: 1 how often (asked about every partner), 2 trust and 3 value (asked only about partners the
 * respondent works with, a frequency above 1 "nooit"; 9 "ken ik niet" is no working together).
 */

const PV = 'partnernetwerk-verplicht';
const open = useServices();

async function world(mode: 'form' | 'kiosk' | 'paper' = 'form') {
  const s = open();
  const required = { ...partnernetwerk, id: PV, items: partnernetwerk.items.map((item) => ({ ...item, required: true })) };
  await s.ok('importInstrument', { definitionJson: JSON.stringify(required) });
  const network = await s.ok('createNetwork', { name: 'Wijknetwerk Noord' });
  const org = async (name: string) => s.ok('addOrganisation', { networkId: network.id, name, sector: 'zorg', sizeClass: null });
  const own = await org('Thuiszorg Noord');
  const huisartsen = await org('Huisartsen Noord');
  const welzijn = await org('Welzijn Noord');
  const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: PV, version: 1 }] });
  const response = await s.ok('startResponse', { waveId: wave.id, respondentCode: 'VER001', organisationId: own.id, mode });
  const relation = (itemId: string, organisationId: string, value: number) => s.ok('saveRelationAnswer', { responseId: response.id, instrumentId: PV, itemId, organisationId, value });
  const submit = () => s.call('completeResponse', { responseId: response.id });
  return { ...s, network, own, huisartsen, welzijn, response, relation, submit };
}

describe('a required relation item on submitting', () => {
  it('is missing until every partner has a frequency, naming the numbers and submitting nothing', async () => {
    const w = await world();
    const refusedWith = async (message: string) => {
      const before = snapshot(w.db);
      expect(await w.submit()).toEqual({ ok: false, error: { code: 'VALIDATION', message } });
      expect(snapshot(w.db)).toEqual(before);
    };
    // Nothing answered: frequency is asked about both partners; trust and value about nobody yet.
    await refusedWith('Vraag 1 is verplicht en nog niet beantwoord. Beantwoord die vraag en lever dan opnieuw in; er is niets ingeleverd.');
    // One of two partners answered is not enough; the own organisation is never asked about.
    await w.relation('pa_frequentie', w.huisartsen.id, 1);
    await refusedWith('Vraag 1 is verplicht en nog niet beantwoord. Beantwoord die vraag en lever dan opnieuw in; er is niets ingeleverd.');
    // Working with Welzijn (weekly) asks trust and value about Welzijn.
    await w.relation('pa_frequentie', w.welzijn.id, 4);
    await refusedWith('De vragen 2 en 3 zijn verplicht en nog niet beantwoord. Beantwoord die vragen en lever dan opnieuw in; er is niets ingeleverd.');
    await w.relation('pa_vertrouwen', w.welzijn.id, 3);
    await refusedWith('Vraag 3 is verplicht en nog niet beantwoord. Beantwoord die vraag en lever dan opnieuw in; er is niets ingeleverd.');
    // "Ken ik niet" is an answer.
    await w.relation('pa_waarde', w.welzijn.id, 9);
    expect(await w.submit()).toMatchObject({ ok: true, value: { status: 'complete' } });
  });

  it('asks nothing about partners never worked with or not known: frequency alone completes it', async () => {
    const w = await world('kiosk');
    await w.relation('pa_frequentie', w.huisartsen.id, 1);
    await w.relation('pa_frequentie', w.welzijn.id, 9);
    expect(await w.submit()).toMatchObject({ ok: true, value: { status: 'complete' } });
  });

  it('asks about every organisation when the respondent names none of their own, and not about an archived one', async () => {
    const w = await world();
    await w.ok('setResponseOrganisation', { responseId: w.response.id, organisationId: null });
    await w.ok('archiveOrganisation', { organisationId: w.welzijn.id, archived: true });
    await w.relation('pa_frequentie', w.huisartsen.id, 1);
    expect(await w.submit()).toMatchObject({ ok: false, error: { message: 'Vraag 1 is verplicht en nog niet beantwoord. Beantwoord die vraag en lever dan opnieuw in; er is niets ingeleverd.' } });
    await w.relation('pa_frequentie', w.own.id, 1);
    expect(await w.submit()).toMatchObject({ ok: true });
  });

  it('is not asked of a paper form, which is taken as it came back', async () => {
    const w = await world('paper');
    expect(await w.submit()).toMatchObject({ ok: true, value: { status: 'complete' } });
  });
});
