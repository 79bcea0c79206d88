import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResponseRecord } from '../../shared/domain';
import type { MeetingState, PhoneMeeting } from '../../shared/meeting';
import { closeMeetingServer, resumeMeeting } from '../../electron/services/meeting/meeting';
import { PHONE_PAGE_META_CSP } from '../../electron/services/meeting/server';
import { closed, listening, LOOPBACK, newPhoneToken, phoneAt, rawSocket } from '../support/meeting';
import { snapshot, studyFileOf, useServices, type Laptop } from '../support/services';

/**
 * Meeting mode over real HTTP on 127.0.0.1 with a real SQLite file: a phone reaches only its own
 * response, and every kind of bad input (a forged or expired token, another response's id, a
 * second submit, a huge body, a connection that trickles bytes) is refused, changes nothing, and
 * leaves the meeting going for the other phones. Nothing listens while the mode is off.
 */

const KS = 'kansrijke-samenwerking';
const open = useServices();
const running: Laptop[] = [];
afterEach(async () => {
  for (const laptop of running.splice(0)) await closeMeetingServer(laptop.services);
});

async function meetingLaptop(limits: Parameters<typeof open>[0] = {}) {
  const laptop = open({ meeting: { meetingInterfaces: () => [LOOPBACK], ...limits.meeting }, dir: limits.dir });
  running.push(laptop);
  const network = await laptop.ok('createNetwork', { name: 'Dementie Twente' });
  const zorg = await laptop.ok('addOrganisation', { networkId: network.id, name: 'Zorggroep Oost', sector: 'zorg', sizeClass: null });
  const welzijn = await laptop.ok('addOrganisation', { networkId: network.id, name: 'Welzijn Hengelo', sector: 'welzijn', sizeClass: null });
  const wave = await laptop.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  return { ...laptop, network, wave, zorg, welzijn };
}

type MeetingLaptop = Awaited<ReturnType<typeof meetingLaptop>>;

async function startMeeting(laptop: MeetingLaptop) {
  const state = await laptop.ok('startMeeting', { waveId: laptop.wave.id, address: LOOPBACK.address });
  const meeting = state.meeting!;
  const token = meeting.shortAddress.split('/')[1]!;
  return { meeting, token, phone: (phoneToken?: string | null) => phoneAt(meeting.url, token, phoneToken) };
}

/** A phone that has given consent and a code: its response. */
async function begun(phone: ReturnType<typeof phoneAt>, code: string) {
  return phone.ok<ResponseRecord>('begin', { respondentCode: code, consent: true, language: 'nl' });
}

const answer = (responseId: string, itemId: string, value: number) => ({ responseId, instrumentId: KS, itemId, value, text: null });

describe('meeting mode: what a phone can do', () => {
  it('walks a phone through the whole flow: its answers are on disk with mode meeting, and the researcher sees only counts', async () => {
    const laptop = await meetingLaptop();
    const { meeting, phone } = await startMeeting(laptop);
    expect(meeting.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const a = phone();
    const info = await a.ok<PhoneMeeting>('meeting');
    expect(info.session.networkName).toBe('Dementie Twente');
    expect(info.session.organisations.map((o) => o.name)).toEqual(['Welzijn Hengelo', 'Zorggroep Oost']);
    expect(info.definitions.map((d) => d.id)).toEqual([KS]);

    const response = await begun(a, 'tel-001');
    expect([response.respondentCode, response.mode, response.status]).toEqual(['TEL-001', 'meeting', 'in_progress']);
    await a.ok('setResponseOrganisation', { responseId: response.id, organisationId: laptop.zorg.id });
    await a.ok('saveAnswer', answer(response.id, 'ks_amb_01', 4));
    await a.ok('saveAnswer', answer(response.id, 'ks_amb_02', 2));
    // A second phone begins and stops half-way without choosing an organisation.
    const b = phone();
    const other = await begun(b, 'TEL-002');
    await b.ok('saveAnswer', answer(other.id, 'ks_amb_01', 5));

    let state = await laptop.ok('getMeetingState', {});
    expect(state.meeting!.counts).toEqual([
      { organisationId: laptop.zorg.id, organisationName: 'Zorggroep Oost', started: 1, submitted: 0 },
      { organisationId: null, organisationName: null, started: 1, submitted: 0 },
    ]);
    await a.ok('completeResponse', { responseId: response.id });
    state = await laptop.ok('getMeetingState', {});
    expect([state.meeting!.started, state.meeting!.submitted]).toEqual([2, 1]);
    // Counts, never answers: nothing of what was answered is in the researcher's state.
    expect(JSON.stringify(state)).not.toMatch(/ks_amb|TEL-00/);

    const rows = laptop.db.prepare('SELECT p.code, r.status, r.mode, r.organisation_id AS org, (SELECT group_concat(item_id || \'=\' || value) FROM answers WHERE response_id = r.id) AS answers FROM responses r JOIN respondents p ON p.id = r.respondent_id ORDER BY p.code').all();
    expect(rows).toEqual([
      { code: 'TEL-001', status: 'complete', mode: 'meeting', org: laptop.zorg.id, answers: 'ks_amb_01=4,ks_amb_02=2' },
      { code: 'TEL-002', status: 'in_progress', mode: 'meeting', org: null, answers: 'ks_amb_01=5' },
    ]);

    // Ending the mode keeps the unfinished questionnaire as it is, and forgets every phone session.
    await laptop.ok('endMeeting', {});
    expect(laptop.db.prepare("SELECT status FROM responses r JOIN respondents p ON p.id = r.respondent_id WHERE p.code = 'TEL-002'").get()).toEqual({ status: 'in_progress' });
    expect(laptop.db.prepare('SELECT count(*) AS n FROM meeting_phones').get()).toEqual({ n: 0 });
  });

  it('refuses to close the wave while the meeting runs on it, changing nothing; once the mode has ended the wave closes', async () => {
    const laptop = await meetingLaptop();
    await startMeeting(laptop);
    const before = snapshot(laptop.db);
    const refused = await laptop.call('setWaveStatus', { waveId: laptop.wave.id, status: 'closed' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/^Op meting T0 loopt de bijeenkomstmodus\. Beëindig eerst de bijeenkomstmodus/);
    expect(snapshot(laptop.db)).toEqual(before);
    await laptop.ok('endMeeting', {});
    expect((await laptop.ok('setWaveStatus', { waveId: laptop.wave.id, status: 'closed' })).status).toBe('closed');
  });

  it('a retried begin (its reply lost on the way) gets the same response, not a refusal', async () => {
    const laptop = await meetingLaptop();
    const { phone } = await startMeeting(laptop);
    const a = phone();
    const first = await begun(a, 'TEL-010');
    const again = await begun(a, 'TEL-010');
    expect(again.id).toBe(first.id);
    // Another phone with the same code is refused with the kiosk's one neutral sentence.
    const b = await phone().call('begin', { respondentCode: 'TEL-010', consent: true, language: 'nl' });
    expect(b.envelope).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Met deze code kunt u nu geen vragenlijst invullen. Vraag de onderzoeker om hulp.' } });
  });

  it('reaches none of the researcher methods, no other path and no file of the app', async () => {
    const laptop = await meetingLaptop();
    const { phone, meeting } = await startMeeting(laptop);
    const a = phone();
    for (const method of ['listNetworks', 'getMeetingState', 'endMeeting', 'listResponses', 'exportStudy', 'kioskBegin', 'getKioskState']) {
      const reply = await a.call(method, {});
      expect([method, reply.envelope.ok, !reply.envelope.ok && reply.envelope.error.code]).toEqual([method, false, 'NOT_FOUND']);
    }
    const origin = new URL(meeting.url).origin;
    for (const path of ['/', '/index.html', '/api/listNetworks', '/.vite/manifest.json', '/../package.json']) {
      expect([path, (await fetch(origin + path)).status]).toEqual([path, 404]);
    }
  });
});

describe('meeting mode: bad input is refused, changes nothing, and the meeting goes on', () => {
  it('refuses a forged meeting token and an expired one (from a meeting that ended)', async () => {
    const laptop = await meetingLaptop();
    const first = await startMeeting(laptop);
    const before = snapshot(laptop.db);
    const forged = await phoneAt(first.meeting.url, 'ACDE-FGHJ-KMNP').call('begin', { respondentCode: 'TEL-020', consent: true, language: 'nl' });
    expect(forged.envelope).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Deze bijeenkomst is afgelopen, of het adres klopt niet. Scan de QR-code opnieuw of vraag de onderzoeker.' } });
    expect(snapshot(laptop.db)).toEqual(before);

    await laptop.ok('endMeeting', {});
    const second = await startMeeting(laptop);
    expect(second.token).not.toBe(first.token);
    const expired = await phoneAt(second.meeting.url, first.token).call('meeting');
    expect(expired.envelope.ok).toBe(false);
    expect(!expired.envelope.ok && expired.envelope.error.code).toBe('FORBIDDEN');
    // The page itself is not served to the old token either.
    expect((await fetch(`${new URL(second.meeting.url).origin}/${first.token}`)).status).toBe(404);
    expect((await fetch(second.meeting.url)).status).not.toBe(404);
  });

  it('refuses a forged phone token and another response\'s id', async () => {
    const laptop = await meetingLaptop();
    const { phone } = await startMeeting(laptop);
    const a = phone();
    const b = phone();
    const mine = await begun(a, 'TEL-030');
    const theirs = await begun(b, 'TEL-031');
    await b.ok('saveAnswer', answer(theirs.id, 'ks_amb_01', 3));
    const before = snapshot(laptop.db);

    const forged = await phone(newPhoneToken()).call('saveAnswer', answer(theirs.id, 'ks_amb_01', 1));
    expect(forged.envelope).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Deze telefoon hoort niet (meer) bij een vragenlijst van deze bijeenkomst. Begin opnieuw met uw code.' } });
    const noToken = await phone(null).call('saveAnswer', answer(theirs.id, 'ks_amb_01', 1));
    expect(!noToken.envelope.ok && noToken.envelope.error.code).toBe('FORBIDDEN');
    for (const [method, input] of [
      ['saveAnswer', answer(theirs.id, 'ks_amb_01', 1)],
      ['getResponse', { responseId: theirs.id }],
      ['completeResponse', { responseId: theirs.id }],
      ['setResponseOrganisation', { responseId: theirs.id, organisationId: laptop.zorg.id }],
      ['stop', { responseId: theirs.id }],
    ] as const) {
      const reply = await a.call(method, input);
      expect([method, reply.envelope]).toEqual([method, { ok: false, error: { code: 'FORBIDDEN', message: 'Deze vragenlijst hoort niet bij deze telefoon. U kunt alleen uw eigen vragenlijst invullen.' } }]);
    }
    expect(snapshot(laptop.db)).toEqual(before);
    // Both phones carry on.
    await a.ok('saveAnswer', answer(mine.id, 'ks_amb_01', 4));
    await b.ok('saveAnswer', answer(theirs.id, 'ks_amb_02', 4));
  });

  it('refuses a second submit', async () => {
    const laptop = await meetingLaptop();
    const { phone } = await startMeeting(laptop);
    const a = phone();
    const response = await begun(a, 'TEL-040');
    await a.ok('saveAnswer', answer(response.id, 'ks_amb_01', 4));
    await a.ok('completeResponse', { responseId: response.id });
    const before = snapshot(laptop.db);
    const again = await a.call('completeResponse', { responseId: response.id });
    expect(again.envelope).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Deze vragenlijst is al ingeleverd. Antwoorden kunnen niet meer worden gewijzigd.' } });
    const late = await a.call('saveAnswer', answer(response.id, 'ks_amb_01', 1));
    expect(!late.envelope.ok && late.envelope.error.code).toBe('CONFLICT');
    expect(snapshot(laptop.db)).toEqual(before);
  });

  it('refuses a huge request body without reading it, and closes that connection', async () => {
    const laptop = await meetingLaptop();
    const { phone, meeting, token } = await startMeeting(laptop);
    const a = phone();
    const response = await begun(a, 'TEL-050');
    const before = snapshot(laptop.db);

    // Announced as 50 MB, of which the server answers after the headers.
    const socket = await rawSocket(meeting.port);
    const reply = closed(socket);
    socket.write(`POST /api/saveAnswer HTTP/1.1\r\nHost: 127.0.0.1:${meeting.port}\r\nContent-Type: application/json\r\nX-Meeting-Token: ${token}\r\nX-Phone-Token: ${a.phoneToken}\r\nContent-Length: 50000000\r\n\r\n`);
    socket.write('{"responseId":"' + 'x'.repeat(60_000));
    const said = await reply;
    expect(said).toMatch(/^HTTP\/1\.1 413 /);
    expect(said).toContain('Dit verzoek is te groot. Een antwoord heeft hoogstens 4000 tekens.');

    // Without a length up front (chunked): cut off once past the limit.
    const chunked = await rawSocket(meeting.port);
    const chunkedReply = closed(chunked);
    chunked.write(`POST /api/saveAnswer HTTP/1.1\r\nHost: 127.0.0.1:${meeting.port}\r\nContent-Type: application/json\r\nX-Meeting-Token: ${token}\r\nX-Phone-Token: ${a.phoneToken}\r\nTransfer-Encoding: chunked\r\n\r\n`);
    const chunk = 'y'.repeat(16_000);
    for (let i = 0; i < 4 && !chunked.destroyed; i++) chunked.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    expect(await chunkedReply).toMatch(/^HTTP\/1\.1 413 /);

    expect(snapshot(laptop.db)).toEqual(before);
    await a.ok('saveAnswer', answer(response.id, 'ks_amb_01', 4));
  });

  it('cuts off a connection that trickles bytes (slowloris) while other phones save', async () => {
    const laptop = await meetingLaptop({ meeting: { meetingLimits: { headersTimeoutMs: 1500, requestTimeoutMs: 3000 } } });
    const { phone, meeting } = await startMeeting(laptop);
    const a = phone();
    const response = await begun(a, 'TEL-060');
    const before = snapshot(laptop.db);

    const socket = await rawSocket(meeting.port);
    const cutOff = closed(socket);
    const request = `POST /api/saveAnswer HTTP/1.1\r\nHost: 127.0.0.1:${meeting.port}\r\nX-Slow: ${'z'.repeat(400)}`;
    let sent = 0;
    const trickle = setInterval(() => {
      if (socket.destroyed || sent >= request.length) return clearInterval(trickle);
      socket.write(request[sent++]!);
    }, 50);
    // Meanwhile another phone saves its answers.
    const items = ['ks_amb_01', 'ks_amb_02', 'ks_amb_03', 'ks_amb_04'];
    for (const itemId of items) await a.ok('saveAnswer', answer(response.id, itemId, 3));
    const said = await cutOff;
    clearInterval(trickle);
    // Cut off long before the whole header (400+ bytes at one per 50 ms) was sent.
    expect(sent).toBeLessThan(request.length);
    expect(said).toMatch(/^HTTP\/1\.1 408 /);
    expect(laptop.db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: items.length });
    const after = snapshot(laptop.db);
    expect({ ...after, answers: [] }).toEqual({ ...before, answers: [] });
  });

  it('drops a connection from outside the chosen connection\'s subnet before reading it', async () => {
    const laptop = await meetingLaptop();
    const { meeting } = await startMeeting(laptop);
    // 127.0.0.2 is not in 127.0.0.1/32.
    const outsider = await rawSocket(meeting.port, '127.0.0.2');
    const said = closed(outsider);
    outsider.write(`GET /${meeting.shortAddress.split('/')[1]} HTTP/1.1\r\nHost: 127.0.0.1:${meeting.port}\r\n\r\n`);
    expect(await said).toBe('');
  });

  it('makes a sender of wrong tokens wait, while the right token keeps working for the others', async () => {
    const laptop = await meetingLaptop({ meeting: { meetingLimits: { wrongTokenBurst: 3 } } });
    const { meeting } = await startMeeting(laptop);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await phoneAt(meeting.url, `ACDE-FGHJ-KMN${'PQRTU'[i]}`).call('meeting')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});

describe('meeting mode: the questionnaires afterwards', () => {
  it('travels in a study file to another laptop with its mode, and the researcher can resume an unfinished one there', async () => {
    const laptop = await meetingLaptop();
    const { phone } = await startMeeting(laptop);
    const a = phone();
    const response = await begun(a, 'TEL-090');
    await a.ok('saveAnswer', answer(response.id, 'ks_amb_01', 4));
    await laptop.ok('endMeeting', {});
    const content = await studyFileOf(laptop, [laptop.network.id]);

    const other = open();
    await other.ok('importStudyFile', { content, decisions: [] });
    const [summary] = await other.ok('listResponses', { waveId: laptop.wave.id });
    expect([summary!.respondentCode, summary!.mode, summary!.status, summary!.answered]).toEqual(['TEL-090', 'meeting', 'in_progress', 1]);
    const resumed = await other.ok('resumeResponse', { responseId: response.id });
    expect(resumed.answers.map((x) => [x.itemId, x.value])).toEqual([['ks_amb_01', 4]]);
  });
});

describe('meeting mode: the phone page', () => {
  it('has the strict policy the server sends as a header, without inline scripts or styles', () => {
    const html = readFileSync(join(__dirname, '..', '..', 'renderer', 'phone.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(PHONE_PAGE_META_CSP);
    expect(meta).not.toContain('unsafe');
  });
});

describe('meeting mode: listening', () => {
  it('listens only while the mode is on: nothing before it starts, nothing once it ends', async () => {
    const laptop = await meetingLaptop();
    expect(((await laptop.ok('getMeetingState', {})) as MeetingState).meeting).toBeNull();
    const { meeting } = await startMeeting(laptop);
    expect(await listening(meeting.port)).toBe(true);
    const ended = await laptop.ok('endMeeting', {});
    expect(ended.meeting).toBeNull();
    expect(await listening(meeting.port)).toBe(false);
  });

  it('listens again on the same address after the app restarts, and the phone carries on with its token', async () => {
    const laptop = await meetingLaptop();
    const { phone, meeting } = await startMeeting(laptop);
    const a = phone();
    const response = await begun(a, 'TEL-070');
    await a.ok('saveAnswer', answer(response.id, 'ks_amb_01', 4));
    // The app stops (the server with it) and starts again on the same file.
    await closeMeetingServer(laptop.services);
    laptop.db.close();
    expect(await listening(meeting.port)).toBe(false);
    const again = open({ dir: laptop.dir, meeting: { meetingInterfaces: () => [LOOPBACK] } });
    running.push(again);
    await resumeMeeting(again.services);
    const state = await again.ok('getMeetingState', {});
    expect([state.meeting!.url, state.meeting!.listening]).toEqual([meeting.url, true]);
    await a.ok('saveAnswer', answer(response.id, 'ks_amb_02', 2));
    await a.ok('completeResponse', { responseId: response.id });
    expect(again.db.prepare("SELECT status FROM responses WHERE id = ?").get(response.id)).toEqual({ status: 'complete' });
  });

  it('keeps serving phones while the kiosk runs on the laptop itself', async () => {
    const laptop = await meetingLaptop();
    const { phone } = await startMeeting(laptop);
    await laptop.ok('setResearcherPin', { pin: '482913', currentPin: null });
    await laptop.ok('startKiosk', { waveId: laptop.wave.id, pin: '482913' });
    const atKiosk = await laptop.ok('kioskBegin', { respondentCode: 'KIOSK-1', consent: true, language: 'nl' });
    const a = phone();
    const onPhone = await begun(a, 'TEL-080');
    await a.ok('saveAnswer', answer(onPhone.id, 'ks_amb_01', 5));
    await laptop.ok('saveAnswer', answer(atKiosk.id, 'ks_amb_01', 1));
    // The kiosk's own guard still holds for the laptop: the meeting's state is a researcher's.
    expect((await laptop.call('getMeetingState', {})).ok).toBe(false);
    const modes = laptop.db.prepare('SELECT mode, (SELECT value FROM answers WHERE response_id = r.id) AS value FROM responses r ORDER BY mode').all();
    expect(modes).toEqual([
      { mode: 'kiosk', value: 1 },
      { mode: 'meeting', value: 5 },
    ]);
  });
});
