import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { snapshot, studyExportInput, useServices } from '../support/services';

const open = useServices();
const KS = 'kansrijke-samenwerking';

async function networkWithWave() {
  const s = open();
  const network = await s.ok('createNetwork', { name: 'Palliatieve Zorg Twente', description: 'Regionaal netwerk' });
  const orgA = await s.ok('addOrganisation', { networkId: network.id, name: 'Hospice De Linde', sector: 'zorg', sizeClass: 'lt100' });
  const orgB = await s.ok('addOrganisation', { networkId: network.id, name: 'Gemeente Hengelo', sector: 'gemeente', sizeClass: 'ge100' });
  const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: '2026-02-01', instruments: [{ instrumentId: KS, version: 1 }] });
  return { ...s, network, orgA, orgB, wave };
}

type World = Awaited<ReturnType<typeof networkWithWave>>;

async function respond(w: World, code: string, orgId: string | null, answers: Record<string, number | string>, complete = true) {
  const r = await w.ok('startResponse', { waveId: w.wave.id, respondentCode: code, organisationId: orgId, mode: 'form' });
  for (const [itemId, v] of Object.entries(answers)) {
    await w.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId, value: typeof v === 'number' ? v : null, text: typeof v === 'string' ? v : null });
  }
  if (complete) await w.ok('completeResponse', { responseId: r.id });
  return r.id;
}

/** All four items of a condition with the same answer. */
const condition = (code: string, values: [number, number, number, number]) =>
  Object.fromEntries(values.map((v, i) => [`ks_${code}_0${i + 1}`, v]));

/**
 * Five complete responses and one unfinished one, with condition scores worked out by hand.
 * Gedeelde ambitie (ks_amb) condition scores per respondent:
 *   R1: 4,4,4,4 → 4     R2: 2,2,2,2 → 2     R3: 5,5,5,9 → 15/3 = 5 (3 of 4 answered, prorated)
 *   R4: 3,3,9,9 → none (2 of 4)            R5: 1,2,3,4 → 10/4 = 2.5
 * Mean over the four scored respondents: (4 + 2 + 5 + 2.5) / 4 = 3.375 with n = 4 → below 5: withheld.
 * Recht doen aan belangen (ks_bel): R1..R5 = 1, 2, 3, 4, 5 → mean 15/5 = 3, n = 5.
 * R6 answered ks_bel with 5 but did not submit: it counts as started, not in the means.
 */
async function handWorkedWave() {
  const w = await networkWithWave();
  const bel = (v: number) => condition('bel', [v, v, v, v]);
  await respond(w, 'R01', w.orgA.id, { ...condition('amb', [4, 4, 4, 4]), ...bel(1), ks_cijfer: 7 });
  await respond(w, 'R02', w.orgA.id, { ...condition('amb', [2, 2, 2, 2]), ...bel(2) });
  await respond(w, 'R03', w.orgB.id, { ...condition('amb', [5, 5, 5, 9]), ...bel(3), ks_open_goed: '=SUM(A1) korte lijnen' });
  await respond(w, 'R04', w.orgB.id, { ...condition('amb', [3, 3, 9, 9]), ...bel(4) });
  await respond(w, 'R05', null, { ...condition('amb', [1, 2, 3, 4]), ...bel(5) });
  await respond(w, 'R06', null, { ...bel(5) }, false);
  return w;
}

describe('the thin path through the services', () => {
  it('computes the per-condition overview by hand-checkable numbers', async () => {
    const w = await handWorkedWave();
    const overview = await w.ok('getWaveOverview', { waveId: w.wave.id });
    expect(overview).toMatchObject({ started: 6, complete: 5, minGroupSize: 5 });
    const byId = new Map(overview.conditions.map((c) => [c.subscaleId, c]));
    expect(byId.get('ks_amb')).toMatchObject({ n: 4, mean: null, suppressed: true });
    expect(byId.get('ks_bel')).toMatchObject({ n: 5, mean: 3, suppressed: false });
    expect(byId.get('ks_per')).toMatchObject({ n: 0, mean: null, suppressed: false });
    expect(overview.conditions.map((c) => c.label.nl)).toEqual([
      'Gedeelde ambitie', 'Recht doen aan belangen', 'Goed persoonlijk samenwerken', 'Professioneel organiseren', 'Betekenisgevend proces',
    ]);
    // The chart's axis comes from the answer scale: Helemaal oneens (1) to Helemaal eens (5).
    expect(overview.conditions.map((c) => c.range)).toEqual(Array.from({ length: 5 }, () => ({ min: 1, max: 5 })));
  });

  it('shows in the overview the same mean and n per condition as the dashboard, for either minimum group size', async () => {
    const w = await handWorkedWave();
    const settings = { networkId: w.network.id, consentNl: null, consentEn: null, codePolicy: 'free', idleSeconds: 180 } as const;
    // With the minimum at 4, Gedeelde ambitie is shown: (4 + 2 + 5 + 2.5) / 4 = 3.375 over n = 4.
    const expected = {
      5: { ks_amb: { n: 4, mean: null, suppressed: true }, ks_bel: { n: 5, mean: 3, suppressed: false } },
      4: { ks_amb: { n: 4, mean: 3.375, suppressed: false }, ks_bel: { n: 5, mean: 3, suppressed: false } },
    } as const;
    for (const minGroupSize of [5, 4] as const) {
      await w.ok('updateNetworkSettings', { ...settings, minGroupSize });
      const overview = await w.ok('getWaveOverview', { waveId: w.wave.id });
      const dashboard = await w.ok('getDashboard', { networkId: w.network.id, waveIds: [w.wave.id], instrumentId: KS, breakdown: 'none' });
      expect(overview.minGroupSize).toBe(minGroupSize);
      expect({ started: overview.started, complete: overview.complete }).toEqual({ started: dashboard.counts[0]!.started, complete: dashboard.counts[0]!.complete });
      expect(overview.conditions.map((c) => c.subscaleId)).toEqual(dashboard.scales.map((s) => s.scaleId));
      for (const c of overview.conditions) {
        const stats = dashboard.scales.find((s) => s.scaleId === c.subscaleId)!.perWave[0]!.stats;
        expect({ n: c.n, mean: c.mean, suppressed: c.suppressed }, `${c.subscaleId} at minimum ${minGroupSize}`).toEqual({ n: stats.n, mean: stats.mean, suppressed: stats.suppressed });
      }
      for (const [subscaleId, want] of Object.entries(expected[minGroupSize])) {
        const c = overview.conditions.find((x) => x.subscaleId === subscaleId)!;
        expect({ n: c.n, suppressed: c.suppressed }).toEqual({ n: want.n, suppressed: want.suppressed });
        if (want.mean === null) expect(c.mean).toBeNull();
        else expect(c.mean).toBeCloseTo(want.mean, 12);
      }
    }
  });

  it('exports one wave through the study export: a row per response, numbers as numbers, open answers only when ticked', async () => {
    const w = await networkWithWave();
    await w.ok('createWave', { networkId: w.network.id, label: 'T1', kind: 'T1', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    await respond(w, 'R01', w.orgA.id, { ks_amb_01: 4, ks_amb_02: 9, ks_cijfer: 8, ks_open_beter: 'Meer overleg' });
    await respond(w, 'R02', null, { ks_amb_01: 2 }, false);
    const exportWave = async (extra: { values?: 'codes' | 'labels'; includeOpenAnswers?: boolean } = {}) => {
      const result = await w.ok('exportStudy', studyExportInput(w.network.id, { waveIds: [w.wave.id], ...extra }));
      if (result.cancelled) throw new Error('export was cancelled');
      const book = XLSX.readFile(result.filePath, { cellDates: true });
      const sheet = book.Sheets.Data_lang!;
      const header = (XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0] ?? []) as string[];
      return { result, sheet, header, rows: XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet) };
    };

    const { result, sheet, header, rows } = await exportWave();
    expect(result.rows).toBe(2);
    expect(result.filePath).toMatch(/\/netwerkspiegel-Palliatieve_Zorg_Twente-T0-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(readdirSync(w.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // No role-group column: the wave has no background questionnaire.
    expect(header.slice(0, 11)).toEqual(['netwerk', 'meting', 'meting_soort', 'respondent', 'organisatie', 'modus', 'status', 'gestart', 'gestart_iso', 'voltooid', 'voltooid_iso']);
    expect(new Set(header).size).toBe(header.length);
    expect(header).not.toContain('ks_open_beter');
    expect(new Set(rows.map((r) => r.meting))).toEqual(new Set(['T0']));

    const db = new Database(w.services.databasePath, { readonly: true });
    const dbRows = db
      .prepare(`SELECT p.code, a.item_id AS item, a.value FROM answers a JOIN responses r ON r.id = a.response_id JOIN respondents p ON p.id = r.respondent_id WHERE a.value IS NOT NULL`)
      .all() as { code: string; item: string; value: number }[];
    db.close();
    expect(dbRows).toHaveLength(4);
    const cell = (code: string, column: string) =>
      sheet[XLSX.utils.encode_cell({ r: rows.findIndex((r) => r.respondent === code) + 1, c: header.indexOf(column) })] as XLSX.CellObject | undefined;
    // Numbers are numeric cells, and "weet niet" is exported as its code.
    for (const a of dbRows) expect(cell(a.code, a.item), `${a.code} ${a.item}`).toMatchObject({ t: 'n', v: a.value });
    expect(cell('R01', 'ks_amb_02')).toMatchObject({ t: 'n', v: 9 });
    expect(cell('R01', 'gestart')?.v).toBeInstanceOf(Date);
    expect(rows.find((r) => r.respondent === 'R01')).toMatchObject({ netwerk: 'Palliatieve Zorg Twente', meting: 'T0', organisatie: 'Hospice De Linde', status: 1 });

    // As labels the status reads in Dutch; the open answer appears only when ticked.
    expect((await exportWave({ values: 'labels' })).rows.find((r) => r.respondent === 'R02')).toMatchObject({ status: 'Niet afgerond', ks_amb_01: 'Oneens' });
    expect((await exportWave({ includeOpenAnswers: true })).rows.find((r) => r.respondent === 'R01')).toMatchObject({ ks_open_beter: 'Meer overleg' });
  });

  it('resumes an unfinished response with its answers, and clears an answer on null', async () => {
    const w = await networkWithWave();
    const id = await respond(w, 'ABC123', null, { ks_amb_01: 3, ks_amb_02: 4 }, false);
    await w.ok('saveAnswer', { responseId: id, instrumentId: KS, itemId: 'ks_amb_02', value: null, text: null });
    const resumed = await w.ok('startResponse', { waveId: w.wave.id, respondentCode: 'abc123', organisationId: null, mode: 'form' });
    expect(resumed.id).toBe(id);
    expect(resumed.answers.map((a) => [a.itemId, a.value])).toEqual([['ks_amb_01', 3]]);
  });

  it('refuses a code that already completed the wave', async () => {
    const w = await networkWithWave();
    await respond(w, 'DONE01', null, { ks_amb_01: 3 });
    const again = await w.call('startResponse', { waveId: w.wave.id, respondentCode: 'DONE01', organisationId: null, mode: 'form' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!again.ok) expect(again.error.message).toContain('al ingevuld');
  });

  it('freezes the instrument version at the first response and logs what happened', async () => {
    const w = await networkWithWave();
    expect((await w.ok('listInstruments', {})).find((i) => i.instrumentId === KS)?.frozen).toBe(false);
    await respond(w, 'R01', null, { ks_amb_01: 3 });
    expect((await w.ok('listInstruments', {})).find((i) => i.instrumentId === KS)?.frozen).toBe(true);
    const actions = (w.db.prepare('SELECT action FROM audit_log ORDER BY rowid').all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(['database.created', 'network.created', 'organisation.created', 'organisation.created', 'wave.created', 'response.started', 'response.completed']);
    expect(existsSync(w.services.databasePath)).toBe(true);
  });
});

describe('response list for the researcher', () => {
  it('reports answered counts and the last change, taken from the answers', async () => {
    let clock = Date.parse('2026-03-01T09:00:00.000Z');
    const s = open({ now: () => new Date((clock += 1000)).toISOString() });
    const network = await s.ok('createNetwork', { name: 'N' });
    const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    const a = await s.ok('startResponse', { waveId: wave.id, respondentCode: 'AAA111', organisationId: null, mode: 'form' });
    const b = await s.ok('startResponse', { waveId: wave.id, respondentCode: 'BBB222', organisationId: null, mode: 'paper' });
    await s.ok('saveAnswer', { responseId: a.id, instrumentId: KS, itemId: 'ks_amb_01', value: 2, text: null });
    clock = Date.parse('2026-03-01T12:00:00.000Z');
    await s.ok('saveAnswer', { responseId: a.id, instrumentId: KS, itemId: 'ks_amb_02', value: 3, text: null });
    const list = await s.ok('listResponses', { waveId: wave.id });
    expect(list.map((r) => [r.respondentCode, r.answered, r.updatedAt])).toEqual([
      ['AAA111', 2, '2026-03-01T12:00:01.000Z'],
      ['BBB222', 0, b.startedAt],
    ]);
  });
});

describe('audit entries for edits and exports', () => {
  it('logs a changed organisation and an exported instrument definition, without their content', async () => {
    const w = await networkWithWave();
    const r = await w.ok('startResponse', { waveId: w.wave.id, respondentCode: 'ORG001', organisationId: null, mode: 'form' });
    await w.ok('setResponseOrganisation', { responseId: r.id, organisationId: w.orgB.id });
    const exported = await w.ok('exportInstrument', { instrumentId: KS, version: 1 });
    expect(exported.cancelled).toBe(false);
    const rows = w.db.prepare("SELECT action, entity_id AS entityId, details FROM audit_log WHERE action IN ('response.edited', 'export.instrument') ORDER BY rowid").all();
    expect(rows).toEqual([
      { action: 'response.edited', entityId: r.id, details: '{"field":"organisation"}' },
      { action: 'export.instrument', entityId: `${KS}@1`, details: null },
    ]);
  });
});

describe('discarding an unfinished response', () => {
  it('removes the response, its answers and a free code used nowhere else, and logs it', async () => {
    const w = await networkWithWave();
    const typo = await respond(w, 'TYPO01', null, { ks_amb_01: 3, ks_amb_02: 4 }, false);
    const kept = await respond(w, 'KEPT01', null, { ks_amb_01: 5 }, false);
    expect(await w.ok('discardResponse', { responseId: typo })).toEqual({ discarded: true });
    expect(w.db.prepare('SELECT count(*) FROM answers WHERE response_id = ?').pluck().get(typo)).toBe(0);
    expect(w.db.prepare('SELECT count(*) FROM responses WHERE id = ?').pluck().get(typo)).toBe(0);
    expect(w.db.prepare("SELECT code FROM respondents ORDER BY code").pluck().all()).toEqual(['KEPT01']);
    expect(w.db.prepare('SELECT count(*) FROM answers WHERE response_id = ?').pluck().get(kept)).toBe(1);
    expect(w.db.prepare("SELECT entity_id FROM audit_log WHERE action = 'response.deleted'").pluck().all()).toEqual([typo]);
    // The code is free again.
    const again = await w.ok('startResponse', { waveId: w.wave.id, respondentCode: 'TYPO01', organisationId: null, mode: 'paper' });
    expect(again.answers).toEqual([]);
  });

  it('never discards a submitted response, and writes nothing when it refuses', async () => {
    const w = await networkWithWave();
    const done = await respond(w, 'DONE02', null, { ks_amb_01: 3 });
    const before = snapshot(w.db);
    const result = await w.call('discardResponse', { responseId: done });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(snapshot(w.db)).toEqual(before);
  });

  it('keeps an assigned code on the list when its response is discarded', async () => {
    const w = await networkWithWave();
    await w.ok('updateNetworkSettings', { networkId: w.network.id, consentNl: null, consentEn: null, codePolicy: 'assigned', idleSeconds: 180, minGroupSize: 5 });
    const { codes } = await w.ok('generateCodes', { networkId: w.network.id, count: 1 });
    const r = await w.ok('startResponse', { waveId: w.wave.id, respondentCode: codes[0]!, organisationId: null, mode: 'paper' });
    await w.ok('discardResponse', { responseId: r.id });
    expect((await w.ok('listCodes', { networkId: w.network.id })).map((c) => [c.code, c.waves])).toEqual([[codes[0], []]]);
  });
});
