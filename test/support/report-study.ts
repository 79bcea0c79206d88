/**
 * A study for the report builders: one network ("Palliatief Netwerk Zuid", self-made codes, minimum
 * group size 5) with three waves (T0, T1, T2) that all ask the four built-in instruments, built
 * through the real services on a real SQLite file. Answers are drawn with a fixed seed, a little
 * higher each wave for the first conditions; about two thirds of the people come back the next wave
 * with the same code. Organisations: Hospice De Linde (8 a wave), Thuiszorg Zuid (7), Huisartsen
 * Zuid (5) and Vrijwilligers Palliatief (2: below the minimum in every wave). Open answers include
 * text that looks like a Word field and like markup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServices } from '../../electron/services/app';
import { createDispatcher } from '../../electron/services/dispatch';
import { createHandlers } from '../../electron/services/handlers';
import type { Input, MethodName, Output } from '../../shared/contract';
import type { NetworkDetail } from '../../shared/domain';
import { unwrap } from '../../shared/errors';
import { builtInInstruments, type InstrumentDefinition } from '../../shared/instruments';
import type { WaveOpenAnswers } from '../../shared/open-answers';
import type { BreakdownChoice, Dashboard } from '../../shared/results';
import { prng } from '../../bench/generate-study';

export const REPORT_INSTRUMENTS = ['kansrijke-samenwerking', 'interprofessioneel-samenwerken', 'netwerkfase', 'achtergrond'] as const;
export const FIELD_ANSWER = 'Graag meer overleg { MERGEFIELD naam } en <b>vet</b> =SUM(A1)';

const ORGANISATIONS = [
  { name: 'Hospice De Linde', sector: 'zorg', sizeClass: 'lt100', perWave: 8 },
  { name: 'Thuiszorg Zuid', sector: 'zorg', sizeClass: 'ge100', perWave: 7 },
  { name: 'Huisartsen Zuid', sector: 'huisartsenzorg', sizeClass: 'lt100', perWave: 5 },
  { name: 'Vrijwilligers Palliatief', sector: 'vrijwilligers', sizeClass: 'lt100', perWave: 2 },
] as const;

export interface ReportStudy {
  network: NetworkDetail;
  waveIds: string[];
  /** Per instrument (REPORT_INSTRUMENTS order): the network's dashboard over the three waves. */
  dashboards: Dashboard[];
  breakdowns: { instrumentId: string; breakdown: BreakdownChoice; dashboard: Dashboard }[];
  openAnswers: WaveOpenAnswers[];
  /** Per organisation name: its dashboards per instrument. */
  own: Map<string, Dashboard[]>;
}

const latest = (id: string): InstrumentDefinition => builtInInstruments.filter((d) => d.id === id).sort((a, b) => b.version - a.version)[0]!;

/** A self-made code: two letters, birth day and a digit; every two people differ in at least two of the three. */
function selfCode(person: number): string {
  const letters = String.fromCharCode(65 + (person % 26)) + String.fromCharCode(65 + ((person * 7 + 3) % 26));
  return `${letters}${String(1 + (person % 28)).padStart(2, '0')}${person % 10}`;
}

export async function reportStudy(breakdowns: Exclude<BreakdownChoice, 'none'>[] = ['role']): Promise<ReportStudy> {
  const dir = mkdtempSync(join(tmpdir(), 'netwerkspiegel-report-study-'));
  const services = startServices({ databasePath: join(dir, 'study.sqlite'), appVersion: 'test', chooseExportPath: async () => null });
  try {
    const dispatch = createDispatcher(createHandlers(services), () => {});
    const ok = async <K extends MethodName>(name: K, input: Input<K>) => unwrap(await dispatch(name, input)) as Output<K>;
    const network = await ok('createNetwork', { name: 'Palliatief Netwerk Zuid' });
    await ok('updateNetworkSettings', { networkId: network.id, consentNl: null, consentEn: null, codePolicy: 'self', idleSeconds: 180, minGroupSize: 5 });
    const orgs = [];
    for (const o of ORGANISATIONS) orgs.push({ ...o, id: (await ok('addOrganisation', { networkId: network.id, name: o.name, sector: o.sector, sizeClass: o.sizeClass })).id });
    const defs = REPORT_INSTRUMENTS.map(latest);
    const instruments = defs.map((d) => ({ instrumentId: d.id, version: d.version }));
    const waves = [];
    for (const [i, kind] of (['T0', 'T1', 'T2'] as const).entries()) {
      waves.push(await ok('createWave', { networkId: network.id, label: kind, kind, plannedDate: `${2026 + i}-03-1${i}`, instruments }));
    }
    const random = prng(20261201);
    let nextPerson = 0;
    // Per organisation the people of the wave before; about two thirds come back.
    const people = orgs.map(() => [] as number[]);
    for (const [w, wave] of waves.entries()) {
      for (const [o, org] of orgs.entries()) {
        const back = people[o]!.filter(() => random() < 0.67).slice(0, org.perWave);
        while (back.length < org.perWave) back.push(nextPerson++);
        people[o] = back;
        for (const person of back) {
          const r = await ok('startResponse', { waveId: wave.id, respondentCode: selfCode(person), organisationId: org.id, mode: 'form' });
          for (const def of defs) {
            for (const item of def.items) {
              let value: number | null = null;
              let text: string | null = null;
              if (item.type === 'scale') {
                const scale = def.scales.find((s) => s.id === item.scale)!;
                const codes = scale.options.map((op) => op.code);
                if (scale.notScored.length && random() < 0.06) value = scale.notScored[0]!.code;
                else {
                  // Later waves a little higher for the first half of the subscales.
                  const lift = def.subscales.findIndex((s) => s.items.includes(item.id)) % 2 === 0 ? w * 0.18 : 0;
                  const index = Math.min(codes.length - 1, Math.floor((random() * 0.8 + 0.2 + lift) * codes.length * 0.75));
                  value = codes[index]!;
                }
              } else if (item.type === 'number') {
                value = Math.min(item.max, Math.max(item.min, Math.round(6 + w * 0.5 + random() * 2)));
              } else if (item.type === 'choice') {
                const codes = def.scales.find((sc) => sc.id === item.scale)!.options.map((op) => op.code);
                value = codes[Math.floor(random() * Math.min(3, codes.length))]!;
              } else if (item.type === 'open') {
                if (person % 4 !== 0) continue;
                text = person % 8 === 0 ? FIELD_ANSWER : `Antwoord ${w}-${person}: de samenwerking loopt.`;
              }
              await ok('saveAnswer', { responseId: r.id, instrumentId: def.id, itemId: item.id, value, text });
            }
          }
          await ok('completeResponse', { responseId: r.id });
        }
      }
    }
    const waveIds = waves.map((w) => w.id);
    const dashboards = [];
    const bd = [];
    for (const def of defs) {
      dashboards.push(await ok('getDashboard', { networkId: network.id, waveIds, instrumentId: def.id, breakdown: 'none' }));
      for (const b of breakdowns) bd.push({ instrumentId: def.id, breakdown: b, dashboard: await ok('getDashboard', { networkId: network.id, waveIds, instrumentId: def.id, breakdown: b }) });
    }
    const own = new Map<string, Dashboard[]>();
    for (const org of orgs) {
      const list = [];
      for (const def of defs) list.push(await ok('getDashboard', { networkId: network.id, waveIds, instrumentId: def.id, breakdown: 'none', organisationId: org.id }));
      own.set(org.name, list);
    }
    const openAnswers = [];
    for (const id of waveIds) openAnswers.push(await ok('listOpenAnswers', { waveId: id, withCodes: false }));
    return { network: await ok('getNetwork', { networkId: network.id }), waveIds, dashboards, breakdowns: bd, openAnswers, own };
  } finally {
    services.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
