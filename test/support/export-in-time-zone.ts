/**
 * Writes the export files of a small study (workbook, CSV, R script) in the time zone this process
 * runs in: a test starts it with TZ set, because a test process cannot safely change its own zone
 * once a Date has been used. The respondents all answered the first Kansrijke samenwerking item.
 *
 * Usage: node --import tsx test/support/export-in-time-zone.ts <folder> '<[{"code","startedAt","completedAt"}]>'
 * Writes <folder>/tijden.xlsx, tijden.csv and tijden.R.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeWorkbook } from '../../electron/services/export/xlsx-writer';
import { toCsv } from '../../shared/export/csv';
import { buildDataset, longWithScores, type ExportSource } from '../../shared/export/dataset';
import { rScript } from '../../shared/export/r-script';
import { builtInInstruments } from '../../shared/instruments';

const [folder, json] = process.argv.slice(2);
if (!folder || !json) throw new Error('usage: export-in-time-zone.ts <folder> <responses as JSON>');
const people = JSON.parse(json) as { code: string; startedAt: string; completedAt: string | null }[];
const ks = builtInInstruments.find((d) => d.id === 'kansrijke-samenwerking')!;

const source: ExportSource = {
  networks: [{ id: 'N1', name: 'Dementie Oost', minGroupSize: 5 }],
  waves: [{ id: 'W1', networkId: 'N1', label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: ks.id, version: ks.version }] }],
  instrumentIds: [ks.id],
  definition: () => ks,
  responses: people.map((p) => ({
    networkId: 'N1',
    waveId: 'W1',
    respondentCode: p.code,
    organisationName: null,
    status: p.completedAt ? 'complete' : 'in_progress',
    mode: 'form',
    startedAt: p.startedAt,
    completedAt: p.completedAt,
    codes: new Map([[ks.id, new Map([['ks_amb_01', 4]])]]),
    texts: new Map(),
  })),
};

const data = buildDataset(source, { language: 'nl', values: 'codes', includeOpenAnswers: false });
const table = longWithScores(data);
writeFileSync(join(folder, 'tijden.csv'), toCsv(table, ';'));
writeFileSync(join(folder, 'tijden.R'), rScript(table, { csvFileName: 'tijden.csv', folder, separator: ';', title: 'tijden', language: 'nl' }));
// (No top-level await: the project's TypeScript runs as CommonJS.)
void writeWorkbook([data.long], { title: 'tijden', appVersion: 'test', createdAt: new Date(people[0]!.startedAt) }).then((bytes) => writeFileSync(join(folder, 'tijden.xlsx'), bytes));
