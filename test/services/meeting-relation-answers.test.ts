import { afterEach, describe, expect, it } from 'vitest';
import type { ResponseRecord } from '../../shared/domain';
import { closeMeetingServer } from '../../electron/services/meeting/meeting';
import { LOOPBACK, phoneAt } from '../support/meeting';
import { snapshot, useServices, type Laptop } from '../support/services';

/**
 * Meeting mode over real HTTP on 127.0.0.1 with a real SQLite file: a phone answers about the
 * partner organisations of its own response (saveRelationAnswer, the same service as the kiosk),
 * gets them back when its page reloads, and cannot answer into another phone's response.
 */

const open = useServices();
const running: Laptop[] = [];
afterEach(async () => {
  for (const laptop of running.splice(0)) await closeMeetingServer(laptop.services);
});

describe('meeting mode: answers about partner organisations from a phone', () => {
  it('stores them for the phone\'s own response only, and gives them back on reload', async () => {
    const laptop = open({ meeting: { meetingInterfaces: () => [LOOPBACK] } });
    running.push(laptop);
    const network = await laptop.ok('createNetwork', { name: 'Wijknetwerk Oost' });
    const zorg = await laptop.ok('addOrganisation', { networkId: network.id, name: 'Zorggroep Oost', sector: 'zorg', sizeClass: null });
    const welzijn = await laptop.ok('addOrganisation', { networkId: network.id, name: 'Welzijn Oost', sector: 'welzijn', sizeClass: null });
    const wave = await laptop.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: 'partnernetwerk', version: 1 }] });
    const state = await laptop.ok('startMeeting', { waveId: wave.id, address: LOOPBACK.address });
    const token = state.meeting!.shortAddress.split('/')[1]!;
    const a = phoneAt(state.meeting!.url, token);
    const b = phoneAt(state.meeting!.url, token);
    const mine = await a.ok<ResponseRecord>('begin', { respondentCode: 'TEL-101', consent: true, language: 'nl' });
    const theirs = await b.ok<ResponseRecord>('begin', { respondentCode: 'TEL-102', consent: true, language: 'nl' });
    await a.ok('setResponseOrganisation', { responseId: mine.id, organisationId: zorg.id });
    const relation = (responseId: string, organisationId: string, value: number) => ({ responseId, instrumentId: 'partnernetwerk', itemId: 'pa_frequentie', organisationId, value });

    await a.ok('saveRelationAnswer', relation(mine.id, welzijn.id, 4));
    const own = await a.call('saveRelationAnswer', relation(mine.id, zorg.id, 4));
    expect(!own.envelope.ok && own.envelope.error.code).toBe('VALIDATION');
    const before = snapshot(laptop.db);
    const intoTheirs = await a.call('saveRelationAnswer', relation(theirs.id, welzijn.id, 2));
    expect(!intoTheirs.envelope.ok && intoTheirs.envelope.error.code).toBe('FORBIDDEN');
    expect(snapshot(laptop.db)).toEqual(before);

    const reloaded = await a.ok<ResponseRecord>('getResponse', { responseId: mine.id });
    expect(reloaded.relationAnswers.map((r) => [r.itemId, r.organisationId, r.value])).toEqual([['pa_frequentie', welzijn.id, 4]]);
    expect(reloaded.mode).toBe('meeting');
  });
});
