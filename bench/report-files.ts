/**
 * Benchmark: writing reports (the main process's part: the report service and the Word and
 * PowerPoint writers), through the API handlers on a real SQLite file, as the report screen calls
 * them:
 * - the network report of 4 instruments × 3 waves as Word: 36 charts of 2280 × 1200 PNG (textured
 *   so each is about as large as a drawn chart) and 60 tables of 12 columns × 12 rows;
 * - the feedback meeting's presentation of the same network (a chart slide per chart, the tables,
 *   discussion slides);
 * - 30 partner organisations' reports of that size into a folder (one beginReport, the pictures
 *   once, 30 writeReport calls).
 * Each: the time to hand over the pictures (addReportImages, base64 decoded and checked), to write
 * the file(s), and the file sizes. The model building and chart drawing in the renderer are not in
 * it (the report screen's own benchmark measures the whole). Targets from the brief, for the whole
 * way through the screen: network report ≤ 5 s, 30 partners ≤ 60 s.
 *
 * Run: `npm run bench:report-files` (BENCH_ROUNDS, default 3). A benchmark, not a test: it reports.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, MethodName, Output } from '../shared/contract';
import { unwrap } from '../shared/errors';
import { startServices } from '../electron/services/app';
import { createDispatcher } from '../electron/services/dispatch';
import { createHandlers } from '../electron/services/handlers';
import { chartImages, networkDocument, networkPresentation, type ReportModelSize } from '../test/support/report-model';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SIZE: ReportModelSize = { instruments: 4, waves: 3, chartsPerPart: 3, tablesPerPart: 5, tableRows: 12, chartWidth: 2280, chartHeight: 1200, texture: 0.08 };
const PARTNERS = 30;

const dir = mkdtempSync(join(tmpdir(), 'netwerkspiegel-bench-reports-'));
const services = startServices({
  databasePath: join(dir, 'netwerkspiegel.sqlite'),
  appVersion: 'bench',
  chooseExportPath: async (name) => join(dir, `${Date.now()}-${name}`),
  chooseExportFolder: async () => dir,
});
const dispatch = createDispatcher(createHandlers(services), () => {});
const ok = async <K extends MethodName>(name: K, input: Input<K>) => unwrap(await dispatch(name, input)) as Output<K>;

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface Round {
  images: number;
  write: number;
  total: number;
  bytes: number;
}

async function oneReport(networkId: string, content: Input<'writeReport'>['content'], images: { imageId: string; png: string }[], files: string[] | null): Promise<Round> {
  const start = process.hrtime.bigint();
  const r = await ok('beginReport', { networkId, format: content.format, target: files ? 'folder' : 'file', suggestedName: 'Benchmark rapport', withOpenAnswers: true });
  if (r.cancelled) throw new Error('cancelled');
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < images.length; i += 60) await ok('addReportImages', { reportId: r.reportId, images: images.slice(i, i + 60) });
  const imagesMs = ms(t0);
  const t1 = process.hrtime.bigint();
  let bytes = 0;
  for (const fileName of files ?? [undefined]) bytes += (await ok('writeReport', { reportId: r.reportId, fileName, content })).bytes;
  const writeMs = ms(t1);
  const { files: written } = await ok('endReport', { reportId: r.reportId });
  if (written.length !== (files?.length ?? 1)) throw new Error(`expected ${files?.length ?? 1} files, got ${written.length}`);
  if (written.reduce((n, f) => n + statSync(f).size, 0) !== bytes) throw new Error('sizes on disk differ from the answers');
  rmSync(files ? join(written[0]!, '..') : written[0]!, { recursive: true, force: true });
  return { images: imagesMs, write: writeMs, total: ms(start), bytes };
}

async function main() {
  const network = await ok('createNetwork', { name: 'Benchmark netwerk' });
  const doc = networkDocument(SIZE);
  const deck = networkPresentation(SIZE);
  const t = process.hrtime.bigint();
  const pictures = (ids: string[]) => [...chartImages(ids, SIZE)].map(([imageId, png]) => ({ imageId, png: png.toString('base64') }));
  const docImages = pictures(doc.imageIds);
  const deckImages = pictures(deck.imageIds);
  const pngBytes = docImages.reduce((n, i) => n + Buffer.from(i.png, 'base64').length, 0);
  console.log(`Pictures: ${docImages.length} charts of ${SIZE.chartWidth} × ${SIZE.chartHeight}, ${mb(pngBytes)} of PNG (made in ${ms(t).toFixed(0)} ms, not counted)`);
  console.log(`Word model: ${doc.document.blocks.length} blocks, ${doc.document.blocks.filter((b) => b.type === 'table').length} tables; PowerPoint model: ${deck.presentation.slides.length} slides`);
  const partners = Array.from({ length: PARTNERS }, (_, i) => `Partnerorganisatie ${i + 1}`);
  const cases: [string, () => Promise<Round>][] = [
    ['network report, Word', () => oneReport(network.id, { format: 'docx', document: doc.document }, docImages, null)],
    ['network report, PowerPoint', () => oneReport(network.id, { format: 'pptx', presentation: deck.presentation }, deckImages, null)],
    [`${PARTNERS} partner reports, Word, into a folder`, () => oneReport(network.id, { format: 'docx', document: doc.document }, docImages, partners)],
  ];
  for (const [name, run] of cases) {
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push(await run());
    const pick = (k: keyof Round) => median(rounds.map((r) => r[k]));
    console.log(
      `${name}: total ${pick('total').toFixed(0)} ms (pictures handed over ${pick('images').toFixed(0)} ms, writing ${pick('write').toFixed(0)} ms; min ${Math.min(...rounds.map((r) => r.total)).toFixed(0)}, max ${Math.max(...rounds.map((r) => r.total)).toFixed(0)}), ${mb(rounds[0]!.bytes)} written`,
    );
  }
  console.log(`Peak memory (maxRSS): ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => {
    services.db.close();
    rmSync(dir, { recursive: true, force: true });
  });
