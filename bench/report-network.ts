/**
 * A network for the report benchmark and the report end-to-end tests: partner organisations with a
 * chosen number of respondents each, T0, T1 and T2, and the four built-in instruments in every wave
 * (Kansrijke samenwerking, Interprofessioneel samenwerken, Netwerkfase, Achtergrond). Answers are
 * drawn with a fixed seed around a level per person; from T1 on most people come back with their
 * code, so waves can be linked. Everything goes through the real services (in this process, without
 * HTTP), so the numbers are whatever the results service computes from what was saved.
 */
import { startServices } from '../electron/services/app';
import { createDispatcher } from '../electron/services/dispatch';
import { createHandlers } from '../electron/services/handlers';
import type { Output } from '../shared/contract';
import { unwrap } from '../shared/errors';
import { builtInInstruments } from '../shared/instruments';
import { prng } from './generate-study';

export interface ReportNetworkSpec {
  name: string;
  /** Per organisation: its name and how many respondents answer in each wave. */
  organisations: { name: string; sector?: 'zorg' | 'welzijn' | 'gemeente' | 'huisartsenzorg'; respondents: number }[];
  /** Open answers given by every n-th respondent (0: none). */
  openEvery?: number;
  seed?: number;
  /** Which built-in instruments every wave has (default all four). */
  instrumentIds?: string[];
}

/** Calls one API method and returns its value (throws the envelope's error): the services in this process, or the harness over HTTP. */
export type CallApi = <T>(name: string, input: unknown) => Promise<T>;

export interface ReportNetwork {
  networkId: string;
  waveIds: string[];
  organisationIds: string[];
  instrumentIds: string[];
  responses: number;
}

/** The newest version of each built-in instrument (Achtergrond has two). */
export function reportInstruments() {
  const newest = new Map<string, (typeof builtInInstruments)[number]>();
  for (const def of builtInInstruments) if ((newest.get(def.id)?.version ?? 0) < def.version) newest.set(def.id, def);
  return [...newest.values()];
}

const OPEN_TEXTS = ['De lijnen met de wijkverpleging zijn korter geworden.', 'Meer tijd voor overleg zou helpen.', 'Goede afspraken over de overdracht.'];

/** Generates the network into a new database file through the services in this process (fast: no HTTP, no fsync). */
export async function seedReportNetworkFile(databasePath: string, spec: ReportNetworkSpec): Promise<ReportNetwork> {
  const services = startServices({ databasePath, appVersion: 'bench', chooseExportPath: async () => null });
  try {
    // A generated study needs no protection against power loss while it is written.
    services.db.pragma('synchronous = OFF');
    const dispatch = createDispatcher(createHandlers(services));
    return await seedReportNetwork(async (name, input) => unwrap(await dispatch(name, input)) as never, spec);
  } finally {
    services.db.close();
  }
}

/** Generates the network through `ok` (the API). */
export async function seedReportNetwork(ok: CallApi, spec: ReportNetworkSpec): Promise<ReportNetwork> {
  const random = prng(spec.seed ?? 20261201);
  const instruments = reportInstruments().filter((d) => !spec.instrumentIds || spec.instrumentIds.includes(d.id));
  const network = await ok<Output<'createNetwork'>>('createNetwork', { name: spec.name });
  const organisationIds: string[] = [];
  for (const o of spec.organisations) {
    organisationIds.push((await ok<Output<'addOrganisation'>>('addOrganisation', { networkId: network.id, name: o.name, sector: o.sector ?? 'zorg', sizeClass: null })).id);
  }
  const refs = instruments.map((d) => ({ instrumentId: d.id, version: d.version }));
  const waveIds: string[] = [];
  for (const [i, kind] of (['T0', 'T1', 'T2'] as const).entries()) {
    waveIds.push((await ok<Output<'createWave'>>('createWave', { networkId: network.id, label: kind, kind, plannedDate: `${2026 + i}-03-01`, instruments: refs })).id);
  }
  let responses = 0;
  let next = 0;
  const people = spec.organisations.map(() => [] as { code: string; level: number }[]);
  for (const waveId of waveIds) {
    for (const [o, org] of spec.organisations.entries()) {
      // About three in four come back with their code; the rest are new.
      const wave = people[o]!.filter(() => random() < 0.75).slice(0, org.respondents);
      while (wave.length < org.respondents) wave.push({ code: `R${String(++next).padStart(4, '0')}`, level: 1.5 + random() * 3 });
      people[o] = wave;
      for (const person of wave) {
        const r = await ok<Output<'startResponse'>>('startResponse', { waveId, respondentCode: person.code, organisationId: organisationIds[o], mode: 'form' });
        for (const def of instruments) {
          for (const item of def.items) {
            let value: number | null = null;
            let text: string | null = null;
            if (item.type === 'scale' || item.type === 'choice') {
              const codes = def.scales.find((s) => s.id === item.scale)!.options.map((x) => x.code);
              const shift = item.type === 'scale' ? (person.level - 1) / 4 : random();
              const at = Math.min(codes.length - 1, Math.max(0, Math.round(shift * (codes.length - 1) + (random() - 0.5) * 1.5)));
              value = random() < 0.03 && item.type === 'scale' ? (def.scales.find((s) => s.id === item.scale)!.notScored[0]?.code ?? codes[at]!) : codes[at]!;
            } else if (item.type === 'number') {
              value = item.max - item.min <= 20 ? Math.min(item.max, Math.max(item.min, Math.round(item.min + (person.level / 5) * (item.max - item.min) + (random() - 0.5) * 2))) : item.min + Math.floor(random() * 10);
            } else if (spec.openEvery && next % spec.openEvery === 0) {
              text = OPEN_TEXTS[Math.floor(random() * OPEN_TEXTS.length)]!;
            }
            if (value === null && text === null) continue;
            await ok('saveAnswer', { responseId: r.id, instrumentId: def.id, itemId: item.id, value, text });
          }
        }
        await ok('completeResponse', { responseId: r.id });
        responses++;
      }
    }
  }
  return { networkId: network.id, waveIds, organisationIds, instrumentIds: instruments.map((d) => d.id), responses };
}
