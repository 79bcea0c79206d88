/**
 * Benchmark: importing instrument definitions of up to 1 MB, and saving an answer to a number
 * question with a wide range. Target: every import of at most 1 MB (accepted or refused) within
 * 1 s; a save to a 0–10⁹ number question (as an earlier version could store one) as fast as one
 * to a 1–10 grade, since the range is checked, not listed. Run: `npm run bench:instrument-import`.
 * A benchmark, not a test: it reports, it does not assert.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertInstrumentIfMissing } from '../electron/db/repositories/instruments';
import { startServices } from '../electron/services/app';
import { createDispatcher } from '../electron/services/dispatch';
import { createHandlers } from '../electron/services/handlers';
import type { InstrumentDefinition } from '../shared/instruments/schema';
import { unwrap } from '../shared/errors';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SAVES = Number(process.env.BENCH_SAVES ?? 500);
const t = (nl: string, en: string) => ({ nl, en });
const filler = (n: number) => 'Hoe beoordeelt u de samenwerking in dit netwerk? '.repeat(Math.ceil(n / 50)).slice(0, n);

/** A valid definition of 500 questions of every kind, with long texts: about 1 MB of JSON. */
function largeDefinition(id: string, textLength: number) {
  const scales = [
    { id: 'eens5', options: [1, 2, 3, 4, 5].map((code) => ({ code, label: t(`Optie ${code}`, `Option ${code}`) })), notScored: [{ code: 9, label: t('Weet niet', "Don't know") }] },
    { id: 'fase', options: [1, 2, 3, 4].map((code) => ({ code, label: t(`Fase ${code}`, `Phase ${code}`) })) },
  ];
  const items = Array.from({ length: 500 }, (_, i) => {
    const base = { id: `v_${i}`, text: t(filler(textLength), filler(textLength)), label: t(`Vraag ${i}`, `Question ${i}`) };
    switch (i % 4) {
      case 0:
        return { ...base, type: 'scale', scale: 'eens5', reverse: i % 8 === 0 };
      case 1:
        return { ...base, type: 'choice', scale: 'fase', optionHelp: { '1': t('Begin', 'Start'), '4': t('Volwassen', 'Mature') } };
      case 2:
        return { ...base, type: 'number', min: -99, max: 999 };
      default:
        return { ...base, type: 'open', maxLength: 4000 };
    }
  });
  const ids = items.map((it) => it.id);
  return {
    id,
    version: 1,
    name: t('Grote vragenlijst', 'Large questionnaire'),
    description: t(filler(1500), filler(1500)),
    attribution: t('Benchmark', 'Benchmark'),
    licence: t('Vrij', 'Free'),
    scales,
    items,
    subscales: Array.from({ length: 100 }, (_, s) => ({ id: `sub_${s}`, label: t(`Schaal ${s}`, `Scale ${s}`), items: ids.filter((_, i) => i % 4 === 0 && i % 100 === s % 100).concat(ids[(s * 4) % 500]!) })).filter((s) => s.items.length > 0),
    sections: Array.from({ length: 100 }, (_, s) => ({ id: `deel_${s}`, title: t(`Deel ${s}`, `Part ${s}`), items: ids.slice(s * 5, s * 5 + 5) })),
  };
}

/** One number question from 0 to 10⁹, as an attack sent it. */
function wideNumberDefinition(id: string) {
  return {
    id,
    version: 1,
    name: t('Getal', 'Number'),
    description: t('Eén vraag', 'One question'),
    attribution: t('Benchmark', 'Benchmark'),
    licence: t('Vrij', 'Free'),
    scales: [],
    items: [{ id: 'aantal', type: 'number', text: t('Hoeveel?', 'How many?'), label: t('Aantal', 'Number'), min: 0, max: 1_000_000_000 }],
    subscales: [],
    sections: [{ id: 'deel', title: t('Deel', 'Part'), items: ['aantal'] }],
  };
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'netwerkspiegel-bench-'));
  try {
    const services = startServices({ databasePath: join(dir, 'app.sqlite'), appVersion: 'bench', chooseExportPath: async () => null });
    const dispatch = createDispatcher(createHandlers(services), () => undefined);

    /** Imports `json` ROUNDS times (a fresh id each time when `fresh` makes one); the times and the last outcome. */
    async function timeImports(label: string, make: (round: number) => string) {
      const times: number[] = [];
      let outcome = '';
      let bytes = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const definitionJson = make(round);
        bytes = definitionJson.length;
        const t0 = process.hrtime.bigint();
        const result = await dispatch('importInstrument', { definitionJson });
        times.push(ms(t0));
        outcome = result.ok ? 'imported' : `refused (${result.error.code}): ${result.error.message.slice(0, 110)}…`;
      }
      console.log(`  ${label.padEnd(46)} ${(bytes / 1e6).toFixed(2)} MB  median ${fmt(median(times))}  max ${fmt(Math.max(...times))}  ${outcome}`);
    }

    console.log(`Instrument import, ${ROUNDS} rounds each (target: every import of at most 1 MB within 1 s)`);
    // The longest texts that keep the file within the 1 MB the contract allows.
    let textLength = 1000;
    while (JSON.stringify(largeDefinition('x', textLength)).length > 1_000_000) textLength -= 10;
    await timeImports('500 questions of every kind, accepted', (r) => JSON.stringify(largeDefinition(`groot-${r}`, textLength)));
    await timeImports('the same, every question on a missing scale', (r) =>
      JSON.stringify(largeDefinition(`fout-${r}`, textLength)).replaceAll('"scale":"eens5"', '"scale":"onbekend"'),
    );
    // As many bare questions as fit in 1 MB: each is checked (and refused) before the count is.
    let count = 40_000;
    const bare = (n: number) => JSON.stringify({ ...wideNumberDefinition('veel'), items: Array.from({ length: n }, (_, i) => ({ id: `v${i}`, type: 'open' })) });
    while (bare(count).length > 1_000_000) count -= 1000;
    await timeImports(`${count.toLocaleString('en')} bare questions (over the limit of 500)`, () => bare(count));
    await timeImports('one number question from 0 to 10⁹ (refused)', () => JSON.stringify(wideNumberDefinition('breed')));

    // Saving: a grade of 1–10 against a 0–10⁹ question stored as an earlier version could.
    insertInstrumentIfMissing(services.db, services.deviceId, wideNumberDefinition('oud-breed') as unknown as InstrumentDefinition, false, new Date().toISOString());
    const network = unwrap(await dispatch('createNetwork', { name: 'Bench' })) as { id: string };
    const wave = unwrap(
      await dispatch('createWave', {
        networkId: network.id,
        label: 'T0',
        kind: 'T0',
        plannedDate: null,
        instruments: [
          { instrumentId: 'kansrijke-samenwerking', version: 1 },
          { instrumentId: 'oud-breed', version: 1 },
        ],
      }),
    ) as { id: string };
    const response = unwrap(await dispatch('startResponse', { waveId: wave.id, respondentCode: 'BENCH01', organisationId: null, mode: 'form' })) as { id: string };
    async function timeSave(instrumentId: string, itemId: string, value: number) {
      const t0 = process.hrtime.bigint();
      unwrap(await dispatch('saveAnswer', { responseId: response.id, instrumentId, itemId, value, text: null }));
      return ms(t0);
    }
    // Alternating, so that noise on a shared machine hits both alike.
    const grade: number[] = [];
    const wide: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      grade.push(await timeSave('kansrijke-samenwerking', 'ks_cijfer', (i % 10) + 1));
      wide.push(await timeSave('oud-breed', 'aantal', (i * 37) % 1000));
    }
    console.log(`\nSaving an answer, ${SAVES} saves each`);
    console.log(`  grade 1–10 (ks_cijfer)                       median ${fmt(median(grade))}  max ${fmt(Math.max(...grade))}`);
    console.log(`  number 0–10⁹ stored by an earlier version    median ${fmt(median(wide))}  max ${fmt(Math.max(...wide))}`);
    services.db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
