import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studyChecksum } from '../../electron/services/data/study-files';
import type { StudyFile } from '../../shared/study';
import { studyFileOf, useServices, type Laptop } from '../support/services';

/**
 * Study files edited by someone who recomputed the checksum. Every such file is refused in the
 * preview and in the import with a Dutch message that names each kind of problem with examples,
 * before anything is written or backed up: the database file is byte for byte the same afterwards
 * (SHA-256 after a checkpoint, as the damaged-file tests do) and no backup was made. Erasures reach
 * only the networks a file carries, and are carried out only once the researcher confirms them.
 */

const open = useServices();
const KS = 'kansrijke-samenwerking';
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
type EditableFile = StudyFile & Record<string, unknown>;

/** Re-seals an edited file with a correct checksum, as anyone can. */
function reseal(file: EditableFile): string {
  file.checksum.value = studyChecksum(file.manifest, file.data);
  return JSON.stringify(file);
}

/**
 * Laptop A with networks Alpha and Beta, each with wave T0 (Kansrijke samenwerking); AAA111
 * completed T0 in Alpha (two answers, one of them open), BBB222 in Beta. Laptop B holds the same
 * through A's study file.
 */
async function twoNetworks() {
  const a = open();
  const b = open();
  const alpha = await a.ok('createNetwork', { name: 'Alpha' });
  const beta = await a.ok('createNetwork', { name: 'Beta' });
  await a.ok('addOrganisation', { networkId: alpha.id, name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: 'ge100' });
  const t0 = (networkId: string) => a.ok('createWave', { networkId, label: 'T0', kind: 'T0', plannedDate: '2026-03-01', instruments: [{ instrumentId: KS, version: 1 }] });
  const alphaT0 = await t0(alpha.id);
  const betaT0 = await t0(beta.id);
  const respond = async (waveId: string, code: string) => {
    const r = await a.ok('startResponse', { waveId, respondentCode: code, organisationId: null, mode: 'form' });
    await a.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_amb_01', value: 4, text: null });
    await a.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_open_goed', value: null, text: 'Het overleg\nop dinsdag\t(wekelijks)' });
    await a.ok('completeResponse', { responseId: r.id });
    return r;
  };
  const inAlpha = await respond(alphaT0.id, 'AAA111');
  const inBeta = await respond(betaT0.id, 'BBB222');
  const both = await studyFileOf(a, [alpha.id, beta.id]);
  await b.ok('importStudyFile', { content: both, decisions: [] });
  const respondentId = (code: string) => a.db.prepare('SELECT id FROM respondents WHERE code = ?').pluck().get(code) as string;
  const fileOf = async (networkIds: string[]) => JSON.parse(await studyFileOf(a, networkIds)) as EditableFile;
  return { a, b, alpha, beta, alphaT0, betaT0, inAlpha, inBeta, respondentId, fileOf };
}

/** The database file and the backups of a laptop, as they are on disk now. */
function onDisk(s: Laptop) {
  s.db.pragma('wal_checkpoint(TRUNCATE)');
  const backups = join(s.dir, 'backups');
  return { database: sha(join(s.dir, 'netwerkspiegel.sqlite')), backups: existsSync(backups) ? readdirSync(backups).sort() : [] };
}

/** Preview and import both refuse `content` with a message matching every pattern; the laptop's files stay as they were. */
async function expectRefused(s: Laptop, content: string, patterns: RegExp[]) {
  const before = onDisk(s);
  const results = [await s.call('previewStudyFile', { content }), await s.call('importStudyFile', { content, decisions: [], confirmErasures: true })];
  for (const [i, result] of results.entries()) {
    expect(result.ok, i === 0 ? 'preview' : 'import').toBe(false);
    if (result.ok) continue;
    expect(result.error.code).toBe('VALIDATION');
    for (const pattern of patterns) expect(result.error.message).toMatch(pattern);
    expect(result.error.message).toMatch(/Er is niets gewijzigd\.$/);
  }
  expect(onDisk(s)).toEqual(before);
  return results;
}

describe('an edited study file cannot move rows across networks', () => {
  it('refuses a response moved into another network’s wave while its respondent is claimed for that network', async () => {
    const w = await twoNetworks();
    const file = await w.fileOf([w.alpha.id, w.beta.id]);
    const response = file.data.responses.find((r) => r.id === w.inAlpha.id)!;
    response.wave_id = w.betaT0.id;
    file.data.respondents.find((r) => r.code === 'AAA111')!.network_id = w.beta.id;
    // Grown on "the other laptop", so it would count as brought up to date.
    file.data.answers.push({ ...file.data.answers.find((x) => x.response_id === w.inAlpha.id)!, id: randomUUID(), item_id: 'ks_amb_02', value: 5 });
    await expectRefused(w.b, reseal(file), [
      /- 2 bestaande rijen die het bestand bij een ander netwerk, een andere meting of een andere respondent onderbrengt dan hier: /,
      /respondent 1 \(hier bij netwerk Alpha, in het bestand bij netwerk Beta\)/,
      /ingevulde vragenlijst 1 \(hier van respondent AAA111 in meting T0 van netwerk Alpha, in het bestand van respondent AAA111 in meting T0 van netwerk Beta\)/,
      /Exporteer het opnieuw op de laptop waar het vandaan komt\./,
    ]);
    const stored = w.b.db.prepare('SELECT w.network_id FROM responses r JOIN waves w ON w.id = r.wave_id WHERE r.id = ?').pluck().get(w.inAlpha.id);
    expect(stored).toBe(w.alpha.id);
  });

  it('refuses an organisation and a wave that a file puts under another network', async () => {
    const w = await twoNetworks();
    const file = await w.fileOf([w.alpha.id, w.beta.id]);
    file.data.organisations[0]!.network_id = w.beta.id;
    file.data.waves.find((x) => x.id === w.alphaT0.id)!.network_id = w.beta.id;
    await expectRefused(w.b, reseal(file), [/organisatie 1 \(hier bij netwerk Alpha, in het bestand bij netwerk Beta\)/, /meting \d \(hier bij netwerk Alpha, in het bestand bij netwerk Beta\)/]);
  });

  it('refuses an answer that this laptop has under another response', async () => {
    const w = await twoNetworks();
    const file = await w.fileOf([w.alpha.id, w.beta.id]);
    const betaAnswer = file.data.answers.find((x) => x.response_id === w.inBeta.id && x.item_id === 'ks_amb_01')!;
    betaAnswer.response_id = w.inAlpha.id;
    betaAnswer.item_id = 'ks_amb_03';
    await expectRefused(w.b, reseal(file), [/- 1 antwoord dat hier al bij een andere ingevulde vragenlijst hoort: antwoord \d+\./]);
  });
});

describe('erasures in a study file reach only the networks it carries', () => {
  it('refuses a file of Alpha that erases a respondent of Beta', async () => {
    const w = await twoNetworks();
    for (const networkId of [w.alpha.id, w.beta.id]) {
      const file = await w.fileOf([w.alpha.id]);
      file.data.erasures.push({ id: w.respondentId('BBB222'), kind: 'respondent', network_id: networkId, erased_at: file.manifest.createdAt, device_id: file.manifest.deviceId });
      const where = networkId === w.alpha.id ? /wissing 1 \(een respondent van netwerk Beta\)/ : /wissing 1 \(netwerk Beta, dat niet in dit bestand zit\)/;
      await expectRefused(w.b, reseal(file), [/- 1 wissing van een respondent buiten de netwerken van dit bestand: /, where]);
    }
    expect(w.b.db.prepare("SELECT count(*) FROM respondents WHERE code = 'BBB222'").pluck().get()).toBe(1);
  });

  it('lists the erasures in the preview with network and code, and carries them out only when confirmed', async () => {
    const w = await twoNetworks();
    await w.a.ok('eraseRespondent', { networkId: w.alpha.id, respondentCode: 'AAA111', confirmCode: 'AAA111' });
    const content = await studyFileOf(w.a, [w.alpha.id]);

    const preview = await w.b.ok('previewStudyFile', { content });
    expect(preview.plannedErasures).toEqual([{ networkName: 'Alpha', respondentCode: 'AAA111', waves: ['T0'], wholeRespondent: true }]);
    expect(preview.erasuresApplied).toBe(2);

    const before = onDisk(w.b);
    const unconfirmed = await w.b.call('importStudyFile', { content, decisions: [] });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!unconfirmed.ok) expect(unconfirmed.error.message).toMatch(/^Dit studiebestand wist een respondent op deze laptop .*Bevestig eerst .* Er is niets gewijzigd\.$/);
    expect(onDisk(w.b)).toEqual(before);

    const report = await w.b.ok('importStudyFile', { content, decisions: [], confirmErasures: true });
    expect(report.erasuresApplied).toBe(2);
    expect(report.plannedErasures).toBeUndefined();
    expect(w.b.db.prepare("SELECT count(*) FROM respondents WHERE code = 'AAA111'").pluck().get()).toBe(0);
    expect(w.b.db.prepare("SELECT count(*) FROM respondents WHERE code = 'BBB222'").pluck().get()).toBe(1);
    // The code was shown in the preview only: nothing written keeps it.
    const log = JSON.stringify(w.b.db.prepare('SELECT * FROM audit_log').all());
    expect(log).not.toContain('AAA111');
    expect(log).toContain('study.erasures_applied');
  });
});

describe('a forged audit entry cannot mark backups for deletion', () => {
  it('refuses an erasure entry dated in the year 9999', async () => {
    const w = await twoNetworks();
    const file = await w.fileOf([w.alpha.id]);
    file.data.audit_log.push({ id: randomUUID(), at: '9999-12-31T23:59:59.000Z', device_id: w.b.services.deviceId, actor: null, action: 'respondent.erased', entity: 'respondent', entity_id: null, details: null });
    await expectRefused(w.b, reseal(file), [/- 1 tijdstip van vóór 2000 of van na het maken van het bestand: logregel \d+ → at: 9999-12-31T23:59:59\.000Z\./]);
    expect((await w.b.ok('listBackups', {})).lastErasureAt).toBeNull();
  });

  it('does not take in a plausible entry that claims to be written on this laptop', async () => {
    const w = await twoNetworks();
    const file = await w.fileOf([w.alpha.id]);
    const forged = randomUUID();
    file.data.audit_log.push({ id: forged, at: file.manifest.createdAt, device_id: w.b.services.deviceId, actor: null, action: 'respondent.erased', entity: 'respondent', entity_id: null, details: null });
    const report = await w.b.ok('importStudyFile', { content: reseal(file), decisions: [] });
    expect(report.counts.auditLog.added).toBe(0);
    expect(w.b.db.prepare('SELECT count(*) FROM audit_log WHERE id = ?').pluck().get(forged)).toBe(0);
    const backups = await w.b.ok('listBackups', {});
    expect(backups.lastErasureAt).toBeNull();
    expect(backups.backups.filter((x) => x.beforeErasure)).toEqual([]);
  });
});

describe('rows pass the rules the API would have applied', () => {
  async function newNetworkFile() {
    const w = await twoNetworks();
    const gamma = await w.a.ok('createNetwork', { name: 'Gamma' });
    await w.a.ok('addOrganisation', { networkId: gamma.id, name: 'Welzijn Noord', sector: 'welzijn', sizeClass: null });
    const wave = await w.a.ok('createWave', { networkId: gamma.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    const r = await w.a.ok('startResponse', { waveId: wave.id, respondentCode: 'GGG333', organisationId: null, mode: 'form' });
    await w.a.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_amb_01', value: 3, text: null });
    return { ...w, gamma, file: await w.fileOf([gamma.id]) };
  }

  it('refuses names, labels and codes twice in one network (compared as the app compares them), which used to fail after a backup', async () => {
    const { b, file } = await newNetworkFile();
    file.data.organisations.push({ ...file.data.organisations[0]!, id: randomUUID(), name: 'WELZIJN NOORD' });
    file.data.waves.push({ ...file.data.waves[0]!, id: randomUUID(), label: 't0' });
    file.data.respondents.push({ ...file.data.respondents[0]!, id: randomUUID() });
    await expectRefused(b, reseal(file), [
      /- 1 organisatienaam die in één netwerk twee keer voorkomt: "WELZIJN NOORD" in netwerk Gamma\./,
      /- 1 metingnaam die in één netwerk twee keer voorkomt: "t0" in netwerk Gamma\./,
      /- 1 respondentcode die in één netwerk twee keer voorkomt: "GGG333" in netwerk Gamma\./,
    ]);
  });

  it('refuses an answer to a questionnaire the wave does not use, and an item the questionnaire does not have', async () => {
    const { b, file } = await newNetworkFile();
    const answer = file.data.answers[0]!;
    file.data.answers.push({ ...answer, id: randomUUID(), instrument_id: 'netwerkfase', item_id: 'nf_fase', value: 2 });
    file.data.answers.push({ ...answer, id: randomUUID(), item_id: 'ks_bestaat_niet' });
    await expectRefused(b, reseal(file), [
      /- 1 antwoord op een vragenlijst die de meting niet gebruikt: antwoord 2 \(netwerkfase versie 1\)\./,
      /- 1 antwoord op een vraag die niet in de vragenlijst staat: antwoord 3 \(vraag ks_bestaat_niet van kansrijke-samenwerking\)\./,
    ]);
  });

  it('refuses a date that does not exist, a minimum group size under 3, and a time that does not exist', async () => {
    const { b, file } = await newNetworkFile();
    file.data.waves[0]!.planned_date = '2026-99-99';
    file.data.networks[0]!.min_group_size = 1;
    file.data.responses[0]!.started_at = '2026-02-30T10:00:00.000Z';
    await expectRefused(b, reseal(file), [
      /- 2 datums of tijdstippen die niet bestaan: meting 1 → planned_date: Gebruik een datum als 2026-03-31; ingevulde vragenlijst 1 → started_at: Deze datum bestaat niet\./,
      /- 1 waarde die de app zelf niet zou opslaan: netwerk 1 → min_group_size: Een groep van minder dan 3 is niet anoniem\./,
    ]);
  });

  it('refuses control characters in names and labels, and keeps tabs and line breaks in open answers', async () => {
    const { b, file } = await newNetworkFile();
    file.data.organisations[0]!.name = 'Welzijn\u0000Noord';
    file.data.waves[0]!.label = 'T\n0';
    file.data.networks[0]!.description = 'Een netwerk\u001b[31m';
    await expectRefused(b, reseal(file), [/- 3 teksten met onzichtbare stuurtekens \(zoals een nul-teken\): netwerk 1 → description bevat een onzichtbaar stuurteken; organisatie 1 → name bevat een onzichtbaar stuurteken; meting 1 → label bevat een onzichtbaar stuurteken\./]);

    // The open answer with a line break and a tab (round trip in twoNetworks) arrived unchanged.
    expect(b.db.prepare("SELECT text FROM answers WHERE item_id = 'ks_open_goed' ORDER BY text LIMIT 1").pluck().get()).toBe('Het overleg\nop dinsdag\t(wekelijks)');
  });

  it('refuses open answers that are empty or longer than the question allows, and values outside the scale', async () => {
    const { b, file } = await newNetworkFile();
    const answer = file.data.answers[0]!;
    const open = (text: string) => ({ ...answer, id: randomUUID(), item_id: 'ks_open_goed', value: null, text });
    file.data.answers.push(open('   '), { ...open('x'.repeat(2001)), item_id: 'ks_open_beter' });
    answer.value = 6;
    await expectRefused(b, reseal(file), [/- 3 antwoorden die niet bij de vraag passen: antwoord 1 \(vraag ks_amb_01: 6\); antwoord 2 \(vraag ks_open_goed: " {3}"\); antwoord 3 \(vraag ks_open_beter: "x{40}"\)\./]);
  });

  it('refuses two new responses of one person in one wave', async () => {
    const { b, file } = await newNetworkFile();
    const response = file.data.responses[0]!;
    const copy = randomUUID();
    file.data.responses.push({ ...response, id: copy });
    file.data.answers.push({ ...file.data.answers[0]!, id: randomUUID(), response_id: copy });
    await expectRefused(b, reseal(file), [/- 1 tweede ingevulde vragenlijst van dezelfde respondent in dezelfde meting: ingevulde vragenlijst 2 \(respondent GGG333\)\./]);
  });

  it('refuses a file made later than now on this laptop', async () => {
    const { b, file } = await newNetworkFile();
    file.manifest.createdAt = '9999-01-01T00:00:00.000Z';
    await expectRefused(b, reseal(file), [/- 1 bestand dat later gemaakt zegt te zijn dan het nu is: gemaakt op 9999-01-01T00:00:00\.000Z, .* Controleer de datum en tijd/]);
  });

  it('names every kind of problem with a count and at most three examples', async () => {
    const { b, file } = await newNetworkFile();
    for (const item of ['ks_amb_02', 'ks_amb_03', 'ks_amb_04', 'ks_cijfer']) file.data.answers.push({ ...file.data.answers[0]!, id: randomUUID(), item_id: item, value: 42 });
    file.data.organisations[0]!.name = 'Welzijn\u0007Noord';
    const [preview] = await expectRefused(b, reseal(file), [
      /^Dit studiebestand wordt niet geïmporteerd; het bevat:\n/,
      /\n- 1 tekst met onzichtbare stuurtekens \(zoals een nul-teken\): organisatie 1 → name bevat een onzichtbaar stuurteken/,
      /\n- 4 antwoorden die niet bij de vraag passen, bijvoorbeeld antwoord 2 \(vraag ks_amb_02: 42\); antwoord 3 \(vraag ks_amb_03: 42\); antwoord 4 \(vraag ks_amb_04: 42\)\.\n/,
    ]);
    if (!preview!.ok) expect(preview!.error.message.split('\n')).toHaveLength(4);
  });
});

describe('a row the database still refuses', () => {
  it('is a Dutch refusal, not an internal error, and the backup made for the import goes again', async () => {
    const w = await twoNetworks();
    const gamma = await w.a.ok('createNetwork', { name: 'Gamma' });
    const content = await studyFileOf(w.a, [gamma.id]);
    // Stands in for a rule of the database that the checks before the backup do not know.
    w.b.db.exec("CREATE TRIGGER refuse_gamma BEFORE INSERT ON networks WHEN NEW.name = 'Gamma' BEGIN SELECT RAISE(ABORT, 'no Gamma here'); END");
    const before = onDisk(w.b);
    const result = await w.b.call('importStudyFile', { content, decisions: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect(result.error.message).toMatch(/^Dit studiebestand kon niet worden samengevoegd: de database weigerde een rij \(no Gamma here\)\. .* Er is niets gewijzigd\.$/);
    expect(onDisk(w.b)).toEqual(before);
  });
});

describe('what stays allowed', () => {
  it('takes a file back from a laptop that kept two people with one code apart ("both"), without moving anyone', async () => {
    const a = open();
    const b = open();
    const coordinator = open();
    const network = await a.ok('createNetwork', { name: 'Delta' });
    const wave = await a.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    const setUp = await studyFileOf(a, [network.id]);
    await b.ok('importStudyFile', { content: setUp, decisions: [] });
    const onA = await a.ok('startResponse', { waveId: wave.id, respondentCode: 'DUP001', organisationId: null, mode: 'form' });
    await a.ok('saveAnswer', { responseId: onA.id, instrumentId: KS, itemId: 'ks_amb_01', value: 4, text: null });
    const onB = await b.ok('startResponse', { waveId: wave.id, respondentCode: 'DUP001', organisationId: null, mode: 'form' });
    await b.ok('saveAnswer', { responseId: onB.id, instrumentId: KS, itemId: 'ks_amb_01', value: 1, text: null });
    await coordinator.ok('importStudyFile', { content: await studyFileOf(a, [network.id]), decisions: [] });
    await coordinator.ok('importStudyFile', { content: await studyFileOf(b, [network.id]), decisions: [{ incomingResponseId: onB.id, choice: 'both' }] });

    // B takes the coordinator's file: B's own response stays with B's DUP001; A's response is a duplicate to decide on.
    const fromCoordinator = await studyFileOf(coordinator, [network.id]);
    const preview = await b.ok('previewStudyFile', { content: fromCoordinator });
    expect(preview.conflicts.map((c) => [c.kind, c.incomingResponseId])).toEqual([['duplicate', onA.id]]);
    await b.ok('importStudyFile', { content: fromCoordinator, decisions: [{ incomingResponseId: onA.id, choice: 'local' }] });
    const codeOf = (s: Laptop, responseId: string) => s.db.prepare('SELECT p.code FROM responses r JOIN respondents p ON p.id = r.respondent_id WHERE r.id = ?').pluck().get(responseId);
    expect(codeOf(b, onB.id)).toBe('DUP001');
    expect(codeOf(coordinator, onB.id)).toBe('DUP001-2');
  });
});
