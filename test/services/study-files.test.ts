import { describe, expect, it } from 'vitest';
import { studyChecksum } from '../../electron/services/data/study-files';
import { STUDY_FILE_MAX_CHARS, type StudyFile } from '../../shared/study';
import { snapshot, studyFileOf, useServices, type Laptop } from '../support/services';

/**
 * Study files between laptops, through the real dispatcher over real files: the round trip, the
 * same file twice, a response edited on two laptops, a code used by two people, a response that
 * only grew elsewhere, erasures travelling along, and every kind of file that must be refused
 * without any change.
 */

const open = useServices();
const KS = 'kansrijke-samenwerking';

/** Laptop A with a network, an organisation and wave T0; laptop B got the set-up through a study file. */
async function twoLaptops() {
  const a = open();
  const b = open();
  const network = await a.ok('createNetwork', { name: 'Dementie Twente' });
  const org = await a.ok('addOrganisation', { networkId: network.id, name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: 'ge100' });
  const wave = await a.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  await b.ok('importStudyFile', { content: await studyFileOf(a, [network.id]), decisions: [] });
  return { a, b, network, org, wave };
}

async function answer(s: Laptop, responseId: string, itemId: string, value: number) {
  await s.ok('saveAnswer', { responseId, instrumentId: KS, itemId, value, text: null });
}

const valueOf = (s: Laptop, responseId: string, itemId: string) =>
  (s.db.prepare('SELECT value FROM answers WHERE response_id = ? AND item_id = ?').get(responseId, itemId) as { value: number } | undefined)?.value;

const withoutAudit = (snap: Record<string, unknown[]>) => ({ ...snap, audit_log: undefined });

/** Re-seals an edited file with a correct checksum, so the check after the checksum is what refuses it. */
function reseal(file: Record<string, unknown>): string {
  (file['checksum'] as { value: string }).value = studyChecksum(file['manifest'], file['data']);
  return JSON.stringify(file);
}

describe('a study file round trip', () => {
  it('carries every row with its UUID and device id, and the receiving laptop holds the same data', async () => {
    const { a, b, network, org, wave } = await twoLaptops();
    const r1 = await a.ok('startResponse', { waveId: wave.id, respondentCode: 'ABC123', organisationId: org.id, mode: 'form' });
    await answer(a, r1.id, 'ks_amb_01', 4);
    await a.ok('saveAnswer', { responseId: r1.id, instrumentId: KS, itemId: 'ks_open_goed', value: null, text: 'Het overleg; "goed"' });
    await a.ok('completeResponse', { responseId: r1.id });

    const content = await studyFileOf(a, [network.id]);
    const file = JSON.parse(content) as StudyFile;
    expect(file.format).toBe('netwerkspiegel-studiebestand');
    expect(file.formatVersion).toBe(2);
    expect(file.manifest.networks).toEqual([{ id: network.id, name: 'Dementie Twente' }]);
    expect(file.manifest.deviceId).toBe(a.services.deviceId);
    expect(file.data.responses.map((r) => [r.id, r.device_id])).toEqual([[r1.id, a.services.deviceId]]);
    expect(file.data.instruments.map((i) => i.instrument_id)).toEqual([KS]);
    expect(file.checksum.value).toBe(studyChecksum(file.manifest, file.data));

    const preview = await b.ok('previewStudyFile', { content });
    expect(preview.counts.responses).toEqual({ added: 1, skipped: 0 });
    expect(preview.counts.answers).toEqual({ added: 2, skipped: 0 });
    expect(preview.counts.networks).toEqual({ added: 0, skipped: 1 });
    expect(preview.conflicts).toEqual([]);
    const report = await b.ok('importStudyFile', { content, decisions: [] });
    expect(report).toMatchObject({ counts: preview.counts, nothingChanged: false });
    expect(report.backup).toMatch(/-voor-import\.sqlite$/);

    const rows = (s: Laptop) => s.db.prepare('SELECT id, device_id, value, text FROM answers ORDER BY item_id').all();
    expect(rows(b)).toEqual(rows(a));
    expect(b.db.prepare('SELECT id, status, device_id FROM responses').all()).toEqual(a.db.prepare('SELECT id, status, device_id FROM responses').all());
    // The wave's instrument is frozen on B too now that B holds a response with it.
    expect(b.db.prepare('SELECT frozen_at IS NOT NULL AS frozen FROM instruments WHERE instrument_id = ?').get(KS)).toEqual({ frozen: 1 });
    // A's log entries about this network travelled along, under A's device id.
    const started = b.db.prepare("SELECT device_id FROM audit_log WHERE action = 'response.started' AND entity_id = ?").get(r1.id);
    expect(started).toEqual({ device_id: a.services.deviceId });
    const imported = b.db.prepare("SELECT details FROM audit_log WHERE action = 'study.imported' ORDER BY rowid DESC").get() as { details: string };
    expect(JSON.parse(imported.details)).toMatchObject({ sourceDevice: a.services.deviceId, added: { responses: 1, answers: 2 } });
  });

  it('reads a file of format version 1, from before link decisions', async () => {
    const { a, b, network, wave } = await twoLaptops();
    const r = await a.ok('startResponse', { waveId: wave.id, respondentCode: 'ABC123', organisationId: null, mode: 'form' });
    await answer(a, r.id, 'ks_amb_01', 4);
    const file = JSON.parse(await studyFileOf(a, [network.id])) as Record<string, unknown> & { data: Partial<StudyFile['data']> };
    delete file.data.link_decisions;
    file['formatVersion'] = 1;
    const report = await b.ok('importStudyFile', { content: reseal(file), decisions: [] });
    expect(report.counts.responses).toEqual({ added: 1, skipped: 0 });
    expect(report.counts.linkDecisions).toEqual({ added: 0, skipped: 0 });
    expect(valueOf(b, r.id, 'ks_amb_01')).toBe(4);
  });

  it('changes nothing when the same file is imported a second time', async () => {
    const { a, b, network, wave } = await twoLaptops();
    const r = await a.ok('startResponse', { waveId: wave.id, respondentCode: 'ABC123', organisationId: null, mode: 'form' });
    await answer(a, r.id, 'ks_amb_01', 3);
    const content = await studyFileOf(a, [network.id]);
    await b.ok('importStudyFile', { content, decisions: [] });
    const before = snapshot(b.db);
    const backupsBefore = (await b.ok('listBackups', {})).backups.length;

    const preview = await b.ok('previewStudyFile', { content });
    expect(preview.nothingChanged).toBe(true);
    const again = await b.ok('importStudyFile', { content, decisions: [] });
    expect(again.nothingChanged).toBe(true);
    expect(again.counts.responses).toEqual({ added: 0, skipped: 1 });
    expect(again.backup).toBeNull();
    const after = snapshot(b.db);
    expect(withoutAudit(after)).toEqual(withoutAudit(before));
    // Only the import itself is logged.
    expect(after['audit_log']!.slice(0, before['audit_log']!.length)).toEqual(before['audit_log']);
    expect(after['audit_log']!.slice(before['audit_log']!.length).map((e) => (e as { action: string }).action)).toEqual(['study.imported']);
    expect((await b.ok('listBackups', {})).backups.length).toBe(backupsBefore);
  });

  it('exports only the chosen networks and their own log entries', async () => {
    const a = open();
    const one = await a.ok('createNetwork', { name: 'Netwerk een' });
    const two = await a.ok('createNetwork', { name: 'Netwerk twee' });
    const file = JSON.parse(await studyFileOf(a, [two.id])) as StudyFile;
    expect(file.data.networks.map((n) => n.name)).toEqual(['Netwerk twee']);
    expect(file.data.audit_log.map((e) => e.entity_id)).toEqual([two.id]);
    expect(JSON.stringify(file)).not.toContain(one.id);
    const log = a.db.prepare("SELECT details FROM audit_log WHERE action = 'study.exported'").get() as { details: string };
    expect(JSON.parse(log.details)).toMatchObject({ networks: 1, responses: 0 });
  });
});

describe('merging what two laptops did', () => {
  it('shows a response edited on both laptops as a conflict with both versions, and takes the chosen one', async () => {
    const { a, b, network, wave } = await twoLaptops();
    const r = await a.ok('startResponse', { waveId: wave.id, respondentCode: 'ABC123', organisationId: null, mode: 'form' });
    await answer(a, r.id, 'ks_amb_01', 4);
    await b.ok('importStudyFile', { content: await studyFileOf(a, [network.id]), decisions: [] });
    // Both laptops go on with the same (unfinished) response.
    await answer(a, r.id, 'ks_amb_01', 5);
    await answer(b, r.id, 'ks_amb_01', 2);
    await answer(b, r.id, 'ks_amb_02', 3);
    const fromB = await studyFileOf(b, [network.id]);

    const preview = await a.ok('previewStudyFile', { content: fromB });
    expect(preview.conflicts).toHaveLength(1);
    const conflict = preview.conflicts[0]!;
    expect(conflict).toMatchObject({ kind: 'conflict', incomingResponseId: r.id, localResponseId: r.id, respondentCode: 'ABC123', waveLabel: 'T0', choices: ['local', 'incoming'] });
    expect(conflict.local.answers).toEqual([{ instrumentId: KS, itemId: 'ks_amb_01', value: 5, text: null }]);
    expect(conflict.incoming.deviceId).toBe(b.services.deviceId);
    expect(conflict.differences).toEqual([
      { instrumentId: KS, itemId: 'ks_amb_01', local: 5, incoming: 2 },
      { instrumentId: KS, itemId: 'ks_amb_02', local: null, incoming: 3 },
    ]);

    // Without a choice nothing happens.
    const before = snapshot(a.db);
    const undecided = await a.call('importStudyFile', { content: fromB, decisions: [] });
    expect(undecided).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(snapshot(a.db)).toEqual(before);

    const report = await a.ok('importStudyFile', { content: fromB, decisions: [{ incomingResponseId: r.id, choice: 'incoming' }] });
    expect(report.conflicts[0]?.decision).toBe('incoming');
    expect(valueOf(a, r.id, 'ks_amb_01')).toBe(2);
    expect(valueOf(a, r.id, 'ks_amb_02')).toBe(3);
    const logged = a.db.prepare("SELECT entity_id AS entityId, details FROM audit_log WHERE action = 'study.conflict_decided'").all() as { entityId: string; details: string }[];
    expect(logged).toHaveLength(1);
    expect(logged[0]!.entityId).toBe(r.id);
    expect(JSON.parse(logged[0]!.details)).toEqual({ kind: 'conflict', choice: 'incoming', incomingResponseId: r.id });

    // Now both hold B's version: the same file again asks nothing and changes nothing.
    const again = await a.ok('importStudyFile', { content: fromB, decisions: [] });
    expect(again.conflicts).toEqual([]);
    expect(again.nothingChanged).toBe(true);
  });

  it('keeps the local version when chosen, and remembers that choice for the same two versions', async () => {
    const { a, b, network, wave } = await twoLaptops();
    const r = await a.ok('startResponse', { waveId: wave.id, respondentCode: 'ABC123', organisationId: null, mode: 'form' });
    await answer(a, r.id, 'ks_amb_01', 4);
    await b.ok('importStudyFile', { content: await studyFileOf(a, [network.id]), decisions: [] });
    await answer(a, r.id, 'ks_amb_01', 5);
    await answer(b, r.id, 'ks_amb_01', 1);
    const fromB = await studyFileOf(b, [network.id]);

    await a.ok('importStudyFile', { content: fromB, decisions: [{ incomingResponseId: r.id, choice: 'local' }] });
    expect(valueOf(a, r.id, 'ks_amb_01')).toBe(5);
    const before = snapshot(a.db);
    const again = await a.ok('importStudyFile', { content: fromB, decisions: [] });
    expect(again).toMatchObject({ conflicts: [], decidedEarlier: 1, nothingChanged: true });
    expect(withoutAudit(snapshot(a.db))).toEqual(withoutAudit(before));

    // A changes its version again: the earlier choice no longer covers it, so it is asked again.
    await answer(a, r.id, 'ks_amb_02', 2);
    expect((await a.ok('previewStudyFile', { content: fromB })).conflicts).toHaveLength(1);
  });

  it('brings a response up to date that only grew on the other laptop, without asking', async () => {
    const { a, b, network, wave } = await twoLaptops();
    const r = await a.ok('startResponse', { waveId: wave.id, respondentCode: 'ABC123', organisationId: null, mode: 'form' });
    await answer(a, r.id, 'ks_amb_01', 4);
    await b.ok('importStudyFile', { content: await studyFileOf(a, [network.id]), decisions: [] });
    await answer(a, r.id, 'ks_amb_02', 5);
    await a.ok('completeResponse', { responseId: r.id });

    const report = await b.ok('importStudyFile', { content: await studyFileOf(a, [network.id]), decisions: [] });
    expect(report).toMatchObject({ conflicts: [], updatedResponses: 1 });
    expect(report.counts.answers.added).toBe(1);
    expect(b.db.prepare('SELECT status FROM responses WHERE id = ?').get(r.id)).toEqual({ status: 'complete' });
    expect(valueOf(b, r.id, 'ks_amb_02')).toBe(5);
    // The other way round: A already has everything B has.
    const back = await a.ok('importStudyFile', { content: await studyFileOf(b, [network.id]), decisions: [] });
    expect(back).toMatchObject({ conflicts: [], updatedResponses: 0 });
    expect(back.counts.responses).toEqual({ added: 0, skipped: 1 });
  });

  it('flags one respondent code used for two people in one wave, and can keep both', async () => {
    const { a, b, network, wave } = await twoLaptops();
    const onA = await a.ok('startResponse', { waveId: wave.id, respondentCode: 'DUP001', organisationId: null, mode: 'form' });
    await answer(a, onA.id, 'ks_amb_01', 4);
    const onB = await b.ok('startResponse', { waveId: wave.id, respondentCode: 'DUP001', organisationId: null, mode: 'paper' });
    await answer(b, onB.id, 'ks_amb_01', 1);
    const fromB = await studyFileOf(b, [network.id]);

    const preview = await a.ok('previewStudyFile', { content: fromB });
    expect(preview.conflicts).toHaveLength(1);
    expect(preview.conflicts[0]).toMatchObject({
      kind: 'duplicate',
      incomingResponseId: onB.id,
      localResponseId: onA.id,
      respondentCode: 'DUP001',
      choices: ['local', 'incoming', 'both'],
      local: { mode: 'form' },
      incoming: { mode: 'paper' },
    });
    expect(preview.matched.respondents).toBe(1);

    const report = await a.ok('importStudyFile', { content: fromB, decisions: [{ incomingResponseId: onB.id, choice: 'both' }] });
    expect(report.conflicts[0]).toMatchObject({ decision: 'both', newRespondentCode: 'DUP001-2' });
    const people = a.db
      .prepare('SELECT p.code, r.id, a.value FROM responses r JOIN respondents p ON p.id = r.respondent_id JOIN answers a ON a.response_id = r.id ORDER BY p.code')
      .all();
    expect(people).toEqual([
      { code: 'DUP001', id: onA.id, value: 4 },
      { code: 'DUP001-2', id: onB.id, value: 1 },
    ]);
    const again = await a.ok('importStudyFile', { content: fromB, decisions: [] });
    expect(again).toMatchObject({ conflicts: [], nothingChanged: true });
  });

  it('replaces the local response of a doubly used code only when "incoming" is chosen', async () => {
    const { a, b, network, wave } = await twoLaptops();
    const onA = await a.ok('startResponse', { waveId: wave.id, respondentCode: 'DUP002', organisationId: null, mode: 'form' });
    const onB = await b.ok('startResponse', { waveId: wave.id, respondentCode: 'DUP002', organisationId: null, mode: 'form' });
    await answer(b, onB.id, 'ks_amb_01', 2);
    await a.ok('importStudyFile', { content: await studyFileOf(b, [network.id]), decisions: [{ incomingResponseId: onB.id, choice: 'incoming' }] });
    expect(a.db.prepare('SELECT id FROM responses').all()).toEqual([{ id: onB.id }]);
    expect(a.db.prepare('SELECT count(*) AS n FROM responses WHERE id = ?').get(onA.id)).toEqual({ n: 0 });
  });

  it('matches an organisation and a wave set up twice under the same name', async () => {
    const { a, b, network } = await twoLaptops();
    await a.ok('addOrganisation', { networkId: network.id, name: 'Huisartsenpraktijk Zuid', sector: 'huisartsenzorg', sizeClass: null });
    const orgB = await b.ok('addOrganisation', { networkId: network.id, name: 'huisartsenpraktijk zuid', sector: 'huisartsenzorg', sizeClass: null });
    await a.ok('createWave', { networkId: network.id, label: 'T1', kind: 'T1', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    const t1b = await b.ok('createWave', { networkId: network.id, label: 'T1', kind: 'T1', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    const r = await b.ok('startResponse', { waveId: t1b.id, respondentCode: 'XYZ001', organisationId: orgB.id, mode: 'form' });

    const report = await a.ok('importStudyFile', { content: await studyFileOf(b, [network.id]), decisions: [] });
    expect(report.matched).toMatchObject({ organisations: 1, waves: 1 });
    expect(a.db.prepare('SELECT count(*) AS n FROM organisations').get()).toEqual({ n: 2 });
    const stored = a.db
      .prepare('SELECT w.label, o.name FROM responses r JOIN waves w ON w.id = r.wave_id JOIN organisations o ON o.id = r.organisation_id WHERE r.id = ?')
      .get(r.id);
    expect(stored).toEqual({ label: 'T1', name: 'Huisartsenpraktijk Zuid' });
  });

  it('refuses a wave of the same name with other questionnaires', async () => {
    const { a, b, network } = await twoLaptops();
    await a.ok('createWave', { networkId: network.id, label: 'T1', kind: 'T1', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    await b.ok('createWave', { networkId: network.id, label: 'T1', kind: 'T1', plannedDate: null, instruments: [{ instrumentId: 'netwerkfase', version: 1 }] });
    const before = snapshot(a.db);
    const result = await a.call('importStudyFile', { content: await studyFileOf(b, [network.id]), decisions: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect(result.error.message).toMatch(/meting die in dit netwerk al bestaat, maar met andere vragenlijsten: "T1" in netwerk Dementie Twente\.[\s\S]*Er is niets gewijzigd\.$/);
    expect(snapshot(a.db)).toEqual(before);
  });
});

describe('erasures travel with study files', () => {
  it('erases on the other laptop what was erased here, and never takes an erased person back', async () => {
    const { a, b, network, wave } = await twoLaptops();
    const r = await a.ok('startResponse', { waveId: wave.id, respondentCode: 'WIS001', organisationId: null, mode: 'form' });
    await answer(a, r.id, 'ks_amb_01', 4);
    const beforeErasure = await studyFileOf(a, [network.id]);
    await b.ok('importStudyFile', { content: beforeErasure, decisions: [] });
    await a.ok('eraseRespondent', { networkId: network.id, respondentCode: 'WIS001', confirmCode: 'wis001' });

    // The old file does not bring the person back to A.
    const back = await a.ok('importStudyFile', { content: beforeErasure, decisions: [] });
    expect(back.erasedSkipped).toBe(2); // the respondent and the response
    expect(a.db.prepare("SELECT count(*) AS n FROM respondents WHERE code = 'WIS001'").get()).toEqual({ n: 0 });

    // A's new file erases the person on B as well.
    const report = await b.ok('importStudyFile', { content: await studyFileOf(a, [network.id]), decisions: [], confirmErasures: true });
    expect(report.erasuresApplied).toBe(2);
    expect(report.counts.erasures).toEqual({ added: 2, skipped: 0 });
    expect(b.db.prepare('SELECT count(*) AS n FROM responses').get()).toEqual({ n: 0 });
    expect(b.db.prepare('SELECT count(*) AS n FROM respondents').get()).toEqual({ n: 0 });
    expect(b.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'study.erasures_applied' AND entity_id IS NULL").get()).toEqual({ n: 1 });
    const file = JSON.parse(await studyFileOf(a, [network.id])) as StudyFile;
    expect(JSON.stringify(file)).not.toContain('WIS001');
  });
});

describe('files that are refused with a clear message and no change', () => {
  async function base() {
    const { a, b, network, wave } = await twoLaptops();
    const r = await a.ok('startResponse', { waveId: wave.id, respondentCode: 'ABC123', organisationId: null, mode: 'form' });
    await answer(a, r.id, 'ks_amb_01', 4);
    const content = await studyFileOf(a, [network.id]);
    return { b, content, file: () => JSON.parse(content) as Record<string, unknown> & { data: StudyFile['data']; manifest: StudyFile['manifest'] } };
  }

  const cases: [string, (content: string, file: () => Record<string, unknown> & { data: StudyFile['data'] }) => string, RegExp][] = [
    ['a spreadsheet, not JSON', () => 'netwerk;meting\nDementie;T0\n', /geen geldige JSON/],
    ['an instrument definition instead of a study file', () => JSON.stringify({ id: 'x', version: 1, items: [] }), /geen Netwerkspiegel-studiebestand/],
    ['a newer format version', (_c, f) => JSON.stringify({ ...f(), formatVersion: 3 }), /nieuwere versie van Netwerkspiegel \(formaatversie 3/],
    ['a format version that is text', (_c, f) => JSON.stringify({ ...f(), formatVersion: '1' }), /geen geldige formaatversie/],
    ['an answer changed by hand (bad checksum)', (c) => c.replace('"value":4', '"value":5'), /controlegetal .* klopt niet/],
    ['a truncated file', (c) => c.slice(0, Math.floor(c.length / 2)), /geen geldige JSON/],
    [
      'an unknown field',
      (_c, f) => {
        const file = f();
        (file.data.networks[0] as Record<string, unknown>)['beheerder'] = 'ja';
        return reseal(file);
      },
      /1 onbekend veld: netwerk 1 → beheerder\./,
    ],
    [
      'a __proto__ key',
      (_c, f) => {
        const text = reseal(f());
        return text.replace('"data":{', '"data":{"__proto__":{"polluted":true},');
      },
      /niet-toegestane sleutel "__proto__"/,
    ],
    [
      'a constructor key deep inside',
      (_c, f) => {
        const file = f();
        (file.data.answers[0] as Record<string, unknown>)['constructor'] = { prototype: 1 };
        return reseal(file);
      },
      /niet-toegestane sleutel/,
    ],
    [
      'an answer to a response that is not there',
      (_c, f) => {
        const file = f();
        file.data.answers[0]!.response_id = '11111111-2222-4333-8444-555555555555';
        return reseal(file);
      },
      /1 verwijzing naar iets dat niet in het bestand en niet in deze database staat: antwoord 1 → response_id\./,
    ],
    [
      'a response in a wave that is not there',
      (_c, f) => {
        const file = f();
        file.data.responses[0]!.wave_id = '11111111-2222-4333-8444-555555555555';
        return reseal(file);
      },
      /^Dit studiebestand wordt niet geïmporteerd; het bevat:\n- 1 verwijzing naar iets dat niet in het bestand en niet in deze database staat: ingevulde vragenlijst 1 → wave_id\.\n[^-]/,
    ],
    [
      'an answer outside the scale',
      (_c, f) => {
        const file = f();
        file.data.answers[0]!.value = 42;
        return reseal(file);
      },
      /1 antwoord dat niet bij de vraag past: antwoord 1 \(vraag ks_amb_01: 42\)/,
    ],
    [
      'a changed definition of a built-in instrument',
      (_c, f) => {
        const file = f();
        const def = JSON.parse(file.data.instruments[0]!.definition) as { name: { nl: string } };
        def.name.nl = 'Iets anders';
        file.data.instruments[0]!.definition = JSON.stringify(def);
        return reseal(file);
      },
      /andere inhoud/,
    ],
    [
      'a row twice',
      (_c, f) => {
        const file = f();
        file.data.answers.push(file.data.answers[0]!);
        return reseal(file);
      },
      /twee keer/,
    ],
    [
      'a link decision about a respondent that is not there',
      (_c, f) => {
        const file = f();
        file.data.link_decisions.push({
          id: '11111111-2222-4333-8444-555555555555',
          network_id: file.data.networks[0]!.id,
          baseline_respondent_id: file.data.respondents[0]!.id,
          follow_up_respondent_id: '66666666-2222-4333-8444-555555555555',
          decision: 'accepted',
          decided_at: file.data.respondents[0]!.created_at,
          device_id: file.data.respondents[0]!.device_id,
        });
        return reseal(file);
      },
      /1 verwijzing naar iets dat niet in het bestand en niet in deze database staat: koppelbesluit 1 → follow_up_respondent_id\./,
    ],
    [
      'a link decision that is neither accepted nor rejected',
      (_c, f) => {
        const file = f();
        const respondent = file.data.respondents[0]!;
        file.data.link_decisions.push({
          id: '11111111-2222-4333-8444-555555555555',
          network_id: respondent.network_id,
          baseline_respondent_id: respondent.id,
          follow_up_respondent_id: respondent.id,
          decision: 'misschien' as 'accepted',
          decided_at: respondent.created_at,
          device_id: file.data.respondents[0]!.device_id,
        });
        return reseal(file);
      },
      /koppelbesluit 1 → decision/,
    ],
    [
      'a wrong type',
      (_c, f) => {
        const file = f();
        (file.data.responses[0] as Record<string, unknown>)['status'] = 'klaar';
        return reseal(file);
      },
      /ingevulde vragenlijst 1 → status/,
    ],
  ];

  it.each(cases)('%s', async (_name, damage, message) => {
    const { b, content, file } = await base();
    const bad = damage(content, file);
    const before = snapshot(b.db);
    const backups = (await b.ok('listBackups', {})).backups.length;
    for (const method of ['previewStudyFile', 'importStudyFile'] as const) {
      const result = method === 'previewStudyFile' ? await b.call(method, { content: bad }) : await b.call(method, { content: bad, decisions: [] });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.message).toMatch(message);
      expect(result.error.message).toMatch(/Er is niets gewijzigd\.$/);
    }
    expect(snapshot(b.db)).toEqual(before);
    expect((await b.ok('listBackups', {})).backups.length).toBe(backups);
  });

  it('refuses oversized content before reading it', async () => {
    const { b } = await base();
    const before = snapshot(b.db);
    const result = await b.call('previewStudyFile', { content: ' '.repeat(STUDY_FILE_MAX_CHARS + 1) });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect(result.error.message).toContain('te groot');
    expect(snapshot(b.db)).toEqual(before);
  });

  it('refuses a decision for a conflict the file does not have', async () => {
    const { b, content } = await base();
    const before = snapshot(b.db);
    const result = await b.call('importStudyFile', { content, decisions: [{ incomingResponseId: '11111111-2222-4333-8444-555555555555', choice: 'local' }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(snapshot(b.db)).toEqual(before);
  });
});
