import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Input } from '../../shared/contract';
import { BREAKDOWN_CHOICES } from '../../shared/results';
import { STUDY_FILE_EXTENSION } from '../../shared/study';
import { studyExportInput, useServices } from '../support/services';
import { xlsxParts } from '../unit/export-support';

/**
 * No open-answer text leaves the app unless the person asked for it. Open answers are free text and
 * may hold names or phone numbers; this test writes a distinctive marker into them on a real
 * database and then runs every way a file leaves the app through the real dispatcher:
 *
 * - the study export (`exportStudy`) as workbook and as CSV + .sps + .R, with codes and with labels,
 *   for all waves and for one wave (what a wave's *Exporteren naar Excel* now runs): without
 *   *Open antwoorden meenemen* the marker is in no file and in no part of the workbook's zip; with
 *   it, the marker is in the data, once per open answer of the chosen waves;
 * - chart images (`saveChartImage`) and the PDF of the print view (`saveResultsPdf`): the main
 *   process writes the bytes the renderer made (or Electron printed) and adds nothing. What the
 *   renderer draws them from is the results service (getDashboard, compareNetworks,
 *   getWaveOverview) and the network, instrument and app listings; none of those answers carries
 *   the marker, for any instrument, wave or breakdown;
 * - the audit log as CSV (`exportAuditLog`), after exports with and without open answers;
 * - an instrument definition (`exportInstrument`).
 *
 * Study files (.nwstudie, `exportStudyFile`) are out of scope: they exist to merge laptops and so
 * must carry every answer, open ones included, and they are written only by their own explicit
 * command (*Studiebestand exporteren*). The test checks that no other export writes one.
 */

const open = useServices();
const KS = 'kansrijke-samenwerking';
const AG = 'achtergrond';
const MARKER = 'GEHEIM-Jansen-0612345678';

/** Open answers with the marker, each in a different response, so each lands in its own data row. */
const OPEN_ANSWERS = {
  t0: [
    { code: 'A-001', itemId: 'ks_open_goed', text: `Bel ${MARKER} als het misgaat` },
    { code: 'A-002', itemId: 'ks_open_beter', text: `Eerste regel\n${MARKER}` },
    { code: 'A-003', itemId: 'ks_open_goed', text: `=${MARKER}` },
  ],
  t1: [{ code: 'A-004', itemId: 'ks_open_beter', text: `Mevrouw ${MARKER}`, complete: false }],
};

async function studyWithSecrets() {
  const s = open();
  const network = await s.ok('createNetwork', { name: 'Dementie Oost' });
  const org = await s.ok('addOrganisation', { networkId: network.id, name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: 'ge100' });
  const instruments = [{ instrumentId: KS, version: 1 }, { instrumentId: AG, version: 1 }];
  const t0 = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments });
  const t1 = await s.ok('createWave', { networkId: network.id, label: 'T1', kind: 'T1', plannedDate: null, instruments });
  for (const [wave, w] of [[t0, 0], [t1, 1]] as const) {
    // Six respondents per wave, so the dashboard shows numbers instead of suppressing everything.
    for (let i = 1; i <= 6; i++) {
      const code = `A-00${i}`;
      const r = await s.ok('startResponse', { waveId: wave.id, respondentCode: code, organisationId: org.id, mode: 'form' });
      for (const c of ['amb', 'bel', 'per', 'org', 'pro']) {
        for (let k = 1; k <= 4; k++) await s.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: `ks_${c}_0${k}`, value: ((i + k + w) % 5) + 1, text: null });
      }
      await s.ok('saveAnswer', { responseId: r.id, instrumentId: AG, itemId: 'ag_rol', value: (i % 3) + 1, text: null });
      const secret = (w === 0 ? OPEN_ANSWERS.t0 : OPEN_ANSWERS.t1).find((a) => a.code === code);
      if (secret) await s.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: secret.itemId, value: null, text: secret.text });
      if (!(secret && 'complete' in secret && secret.complete === false)) await s.ok('completeResponse', { responseId: r.id });
    }
  }
  return { ...s, network, t0, t1 };
}

type Study = Awaited<ReturnType<typeof studyWithSecrets>>;

const occurrences = (text: string) => text.split(MARKER).length - 1;

/** Every file the call wrote: the directory before and after, so a file the result does not name is caught too. */
async function filesWrittenBy(s: Study, run: () => Promise<unknown>): Promise<string[]> {
  const before = new Set(readdirSync(s.dir));
  await run();
  return readdirSync(s.dir)
    .filter((f) => !before.has(f) && !/\.sqlite(-wal|-shm)?$/.test(f))
    .map((f) => `${s.dir}/${f}`);
}

/** The names in the zip's central directory, read by hand (so no part can hide from the reader below). */
function zipEntryNames(bytes: Buffer): string[] {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file');
  const names: string[] = [];
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < bytes.readUInt16LE(end + 10); i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error(`no central directory entry at ${at}`);
    const nameLength = bytes.readUInt16LE(at + 28);
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return names;
}

/** Every cell value of every sheet, as SheetJS reads the workbook. */
function allCellTexts(book: XLSX.WorkBook): { sheet: string; text: string }[] {
  return book.SheetNames.flatMap((name) =>
    Object.entries(book.Sheets[name]!)
      .filter(([address]) => !address.startsWith('!'))
      .map(([, cell]) => ({ sheet: name, text: String((cell as XLSX.CellObject).v ?? '') })),
  );
}

const exportInput = (s: Study, extra: Partial<Input<'exportStudy'>>): Input<'exportStudy'> => studyExportInput(s.network.id, extra);

describe('open answers leave the app only when asked for', () => {
  it('are in no study export without the tick, and in the data with it: workbook and CSV + SPSS + R, all waves or one', async () => {
    const s = await studyWithSecrets();
    const selections = [
      { name: 'all waves', waveIds: [] as string[], expected: OPEN_ANSWERS.t0.length + OPEN_ANSWERS.t1.length },
      { name: 'one wave (the wave button)', waveIds: [s.t0.id], expected: OPEN_ANSWERS.t0.length },
    ];
    let checked = 0;
    for (const selection of selections) {
      for (const values of ['codes', 'labels'] as const) {
        for (const language of ['nl', 'en'] as const) {
          for (const includeOpenAnswers of [false, true]) {
            const what = `${selection.name}, ${values}, ${language}, open answers ${includeOpenAnswers ? 'ticked' : 'not ticked'}`;

            // The workbook: every part of the zip, and every cell as a real reader sees it.
            let result: Awaited<ReturnType<typeof s.ok<'exportStudy'>>> | undefined;
            const xlsxFiles = await filesWrittenBy(s, async () => {
              result = await s.ok('exportStudy', exportInput(s, { waveIds: selection.waveIds, values, language, includeOpenAnswers }));
            });
            if (!result || result.cancelled) throw new Error('export was cancelled');
            expect(xlsxFiles, what).toEqual([result.filePath]);
            const bytes = readFileSync(result.filePath);
            const parts = xlsxParts(bytes);
            // SheetJS's zip reader adds a placeholder entry of its own.
            expect([...parts.keys()].filter((k) => !k.endsWith('Sh33tJ5')).sort(), `${what}: every part of the zip was read`).toEqual(zipEntryNames(bytes).sort());
            const cells = allCellTexts(XLSX.read(bytes, { type: 'buffer' }));
            const dataLang = cells.filter((c) => c.sheet === (language === 'nl' ? 'Data_lang' : 'Data_long'));
            expect(dataLang.length, what).toBeGreaterThan(0);
            if (includeOpenAnswers) {
              expect(dataLang.filter((c) => c.text.includes(MARKER)).length, what).toBe(selection.expected);
            } else {
              for (const [part, xml] of parts) expect(occurrences(xml), `${what}: ${part}`).toBe(0);
              expect(cells.filter((c) => c.text.includes(MARKER)), what).toEqual([]);
            }

            // The CSV with its codebook, SPSS syntax and R script.
            let csvResult: Awaited<ReturnType<typeof s.ok<'exportStudy'>>> | undefined;
            const csvFiles = await filesWrittenBy(s, async () => {
              csvResult = await s.ok('exportStudy', exportInput(s, { waveIds: selection.waveIds, values, language, includeOpenAnswers, format: 'csv' }));
            });
            if (!csvResult || csvResult.cancelled) throw new Error('export was cancelled');
            expect(csvFiles.sort(), what).toEqual([...csvResult.files].sort());
            expect(csvFiles.map((f) => f.split('.').at(-1)).sort(), what).toEqual(['R', 'csv', 'csv', 'sps']);
            const csv = readFileSync(csvResult.filePath, 'utf8');
            if (includeOpenAnswers) {
              // One data line per open answer (line breaks inside an answer become spaces).
              expect(csv.split('\r\n').filter((line) => line.includes(MARKER)).length, what).toBe(selection.expected);
            } else {
              for (const file of csvFiles) expect(occurrences(readFileSync(file, 'utf8')), `${what}: ${basename(file)}`).toBe(0);
            }
            // The next export suggests the same names: clear them so it is seen writing its own.
            for (const file of [...xlsxFiles, ...csvFiles]) rmSync(file);
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(16);
  });

  it('is not in anything the charts, the print view or the overview are drawn from', async () => {
    const s = await studyWithSecrets();
    const shown: unknown[] = [
      await s.ok('getAppInfo', {}),
      await s.ok('listNetworks', {}),
      await s.ok('getNetwork', { networkId: s.network.id }),
      await s.ok('listInstruments', {}),
      await s.ok('compareNetworks', { networkIds: [s.network.id], instrumentId: KS }),
    ];
    for (const instrumentId of [KS, AG]) {
      for (const breakdown of BREAKDOWN_CHOICES) {
        for (const waveIds of [[], [s.t0.id], [s.t1.id]]) shown.push(await s.ok('getDashboard', { networkId: s.network.id, waveIds, instrumentId, breakdown }));
      }
    }
    for (const wave of [s.t0, s.t1]) shown.push(await s.ok('getWaveOverview', { waveId: wave.id }));
    // The dashboards have numbers in them (the check is not vacuous): T0's Gedeelde ambitie has n = 6.
    expect(JSON.stringify(shown)).toContain('"scaleId":"ks_amb"');
    expect(occurrences(JSON.stringify(shown))).toBe(0);

    // What the main process writes for a chart or the PDF is the bytes it is given, nothing more.
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text x="1" y="9">Gedeelde ambitie 3,4</text></svg>';
    const chart = await filesWrittenBy(s, () => s.ok('saveChartImage', { name: 'Condities', format: 'svg', data: svg }));
    expect(chart.map((f) => readFileSync(f, 'utf8'))).toEqual([svg]);
    const pdf = Buffer.from('%PDF-1.7\n% print view\n');
    s.services.printToPdf = async () => pdf;
    const printed = await filesWrittenBy(s, () => s.ok('saveResultsPdf', { networkId: s.network.id }));
    expect(printed.map((f) => readFileSync(f))).toEqual([pdf]);
  });

  it('is not in the audit log CSV, not even after exports that included open answers', async () => {
    const s = await studyWithSecrets();
    await s.ok('exportStudy', exportInput(s, { includeOpenAnswers: true }));
    await s.ok('exportStudy', exportInput(s, { waveIds: [s.t0.id], includeOpenAnswers: true, format: 'csv' }));
    const files = await filesWrittenBy(s, () => s.ok('exportAuditLog', {}));
    expect(files).toHaveLength(1);
    const log = readFileSync(files[0]!, 'utf8');
    // The log says the exports happened, with open answers, but not what they were.
    expect(log.split('\r\n').filter((line) => line.includes('export.study'))).toHaveLength(2);
    expect(log).toContain('openAnswers');
    expect(occurrences(log)).toBe(0);
  });

  it('is not in an exported instrument definition, and no export but the study file writes a study file', async () => {
    const s = await studyWithSecrets();
    const written = [
      ...(await filesWrittenBy(s, () => s.ok('exportInstrument', { instrumentId: KS, version: 1 }))),
      ...(await filesWrittenBy(s, () => s.ok('exportStudy', exportInput(s, { includeOpenAnswers: true })))),
      ...(await filesWrittenBy(s, () => s.ok('exportStudy', exportInput(s, { includeOpenAnswers: true, format: 'csv' })))),
      ...(await filesWrittenBy(s, () => s.ok('exportAuditLog', {}))),
    ];
    expect(occurrences(readFileSync(written[0]!, 'utf8'))).toBe(0);
    expect(written.filter((f) => f.endsWith(`.${STUDY_FILE_EXTENSION}`))).toEqual([]);
  });
});
