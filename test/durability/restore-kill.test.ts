import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { generateStudy, prng } from '../../bench/generate-study';
import type { Input, MethodName, Output } from '../../shared/contract';
import { unwrap } from '../../shared/errors';
import { backupsDirFor, restoreTempPathFor } from '../../electron/db/backup-files';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { openDatabase, type Db } from '../../electron/db/open';
import { startServices } from '../../electron/services/app';
import type { ServiceContext } from '../../electron/services/context';
import { FIRST_RESTORED_STEP, noticeInterruptedRestore, RESTORE_STEPS, type RestoreStep } from '../../electron/services/data/restore';
import { createDispatcher } from '../../electron/services/dispatch';
import { createHandlers } from '../../electron/services/handlers';
import { useTempDir } from '../support/tmp';

/**
 * A restore of a 50 MB database killed (SIGKILL: no clean-up, like a crash) at every step and at
 * random moments, 50 times. After each kill the file is opened the way the app opens it (quick_check,
 * migrations, WAL) and must be exactly the old state or exactly the restored one, table by table;
 * the audit log must have lost nothing; the person erased on this laptop after the backup must stay
 * erased; the person a study file erased after the backup is back only in the restored state (the
 * rule of docs/decisions/2026-12-01-restore.md); a leftover of the interrupted restore must be
 * removed and reported. The random moments are seeded (KILL_SEED replays a run): a random part of
 * the restore (between two of its steps, timed in one uninterrupted run), a random moment in it.
 *
 * quick_check (what the app runs at every start) runs after every kill; the slower integrity_check
 * (every index against its table) after the first kill at each step, every fifth random one and
 * the uninterrupted run. The backup file is shared by all runs and must be unchanged at the end.
 *
 * The expected restored state is worked out by the test itself from the backup file and the old
 * file, not by the code under test: the backup's rows, without the rows of the person erased here
 * after the backup, with the old file's erasure register without the entries of the person the
 * study file erased.
 */

const tempDir = useTempDir('netwerkspiegel-restore-kill-');
const REPO = resolve(__dirname, '../..');
const RESTORER = join('test', 'durability', 'restorer.ts');
const KILLS = 50;
/** Kills at each named step; the rest of the 50 land at random moments of the restore. */
const KILLS_PER_STEP = 3;
const MIN_BYTES = 50 * 1024 * 1024;
/** 20 networks of the benchmark study's design (40 respondents × 3 waves × 60 items): just over 50 MiB. */
const NETWORKS = 20;
/** The tables a restore replaces, compared row for row (the audit log is checked on its own). */
const DATA_TABLES = ['networks', 'organisations', 'waves', 'wave_instruments', 'instruments', 'respondents', 'responses', 'answers', 'erasures', 'link_decisions', 'merge_decisions'] as const;
type Digest = Record<(typeof DATA_TABLES)[number], string>;

/**
 * An order-free digest of a table's rows: their number and the sums (mod 2^32) of two 32-bit hashes
 * of each row's text (a multiset hash). Rows are compared as SQLite's quote() of every column, so
 * a NULL, a number and a text stay apart. Fast enough to run after each of the 50 kills.
 */
function digestOf(db: Db, table: string, where = '', ...params: unknown[]): string {
  const columns = db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all(table) as string[];
  const rowText = columns.map((c) => `quote(${c})`).join(" || ',' || ");
  let n = 0;
  let sum1 = 0;
  let sum2 = 0;
  for (const text of db.prepare(`SELECT ${rowText} FROM ${table} ${where}`).pluck().iterate(...params) as Iterable<string>) {
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
    n++;
    sum1 = (sum1 + (a >>> 0)) >>> 0;
    sum2 = (sum2 + (b >>> 0)) >>> 0;
  }
  return `${n} rows, ${sum1.toString(16)}.${sum2.toString(16)}`;
}

function digestTables(db: Db): Digest {
  return Object.fromEntries(DATA_TABLES.map((t) => [t, digestOf(db, t)])) as Digest;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function readOnly<T>(file: string, read: (db: Db) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

interface Fixture {
  live: string;
  backupName: string;
  backupPath: string;
  /** Erased on another laptop; that erasure came in with a study file imported after the backup. */
  fromFile: { respondentId: string; responseIds: string[] };
  /** Erased on this laptop after the backup. */
  erasedHere: string;
  oldAudit: Set<string>;
  old: Digest;
  restored: Digest;
}

async function services(databasePath: string, exportDir: string) {
  const ctx = startServices({ databasePath, appVersion: 'test', chooseExportPath: async (name) => join(exportDir, name) });
  const dispatch = createDispatcher(createHandlers(ctx), () => {});
  const ok = async <K extends MethodName>(name: K, input: Input<K>) => unwrap(await dispatch(name, input)) as Output<K>;
  return { ctx, ok };
}

/**
 * This laptop (A): the study of NETWORKS networks. Laptop B gets network N0 from A's study file,
 * erases respondent N0R0 there and sends a study file back; importing it on A makes the
 * "voor-import" backup (the one restored) and erases N0R0 on A. Then the user on A erases N1R0 and
 * adds a network.
 */
async function buildFixture(dir: string): Promise<Fixture> {
  const live = join(dir, 'netwerkspiegel.sqlite');
  const { networkIds } = await generateStudy(live, NETWORKS);
  const network = (n: number) => networkIds[n]!;
  const a = await services(live, dir);
  const toB = await a.ok('exportStudyFile', { networkIds: [network(0)] });
  const otherDir = join(dir, 'laptop-b');
  mkdirSync(otherDir);
  const b = await services(join(otherDir, 'netwerkspiegel.sqlite'), otherDir);
  if (toB.cancelled) throw new Error('export cancelled');
  await b.ok('importStudyFile', { content: readFileSync(toB.filePath, 'utf8'), decisions: [], confirmErasures: true });
  await b.ok('eraseRespondent', { networkId: network(0), respondentCode: 'N0R0', confirmCode: 'N0R0' });
  const exported = await b.ok('exportStudyFile', { networkIds: [network(0)] });
  if (exported.cancelled) throw new Error('export cancelled');
  b.ctx.db.close();

  const fromFileId = a.ctx.db.prepare("SELECT id FROM respondents WHERE code = 'N0R0'").pluck().get() as string;
  const fromFileResponses = a.ctx.db.prepare('SELECT id FROM responses WHERE respondent_id = ?').pluck().all(fromFileId) as string[];
  const erasedHere = a.ctx.db.prepare("SELECT id FROM respondents WHERE code = 'N1R0'").pluck().get() as string;
  const imported = await a.ok('importStudyFile', { content: readFileSync(exported.filePath, 'utf8'), decisions: [], confirmErasures: true });
  if (!imported.backup) throw new Error('the import made no backup');
  await a.ok('eraseRespondent', { networkId: network(1), respondentCode: 'N1R0', confirmCode: 'N1R0' });
  await a.ok('createNetwork', { name: 'Na de reservekopie' });
  a.ctx.db.close();
  const backupPath = join(backupsDirFor(live), imported.backup);

  const old = readOnly(live, digestTables);
  const oldAudit = new Set(readOnly(live, (db) => db.prepare('SELECT id FROM audit_log').pluck().all() as string[]));
  const restored = readOnly(backupPath, (db) => {
    const d = digestTables(db);
    d.respondents = digestOf(db, 'respondents', 'WHERE id <> ?', erasedHere);
    d.responses = digestOf(db, 'responses', 'WHERE respondent_id <> ?', erasedHere);
    d.answers = digestOf(db, 'answers', 'WHERE response_id NOT IN (SELECT id FROM responses WHERE respondent_id = ?)', erasedHere);
    return d;
  });
  const fromFileIds = [fromFileId, ...fromFileResponses];
  restored.erasures = readOnly(live, (db) => digestOf(db, 'erasures', `WHERE id NOT IN (${fromFileIds.map(() => '?').join(', ')})`, ...fromFileIds));
  return { live, backupName: imported.backup, backupPath, fromFile: { respondentId: fromFileId, responseIds: fromFileResponses }, erasedHere, oldAudit, old, restored };
}

/** A mark the restorer prints: `ready` just before the restore, then each step. */
type Mark = 'ready' | RestoreStep;
const MARKS: readonly Mark[] = ['ready', ...RESTORE_STEPS];

interface Run {
  /** The last step the child reported before it died. */
  lastStep: RestoreStep | null;
  done: boolean;
  /** When each mark came, in ms after `ready` (the child's own clock), and when the restore was done. */
  at: Partial<Record<Mark | 'done', number>>;
}

/** A kill: the child kills itself right after a step, or the test kills it `ms` after a mark. */
type Kill = RestoreStep | { after: Mark; ms: number };
/** How a run ends: a kill, or (`none`) the restore runs to the end. */
type End = Kill | 'none';

/**
 * Runs the restorer as its own process (the bundle `restorer` points at) and collects what it
 * printed; a line cut off by the kill is not counted (readline emits complete lines only).
 */
function runRestorer(restorer: string, databasePath: string, backupName: string, end: End): Promise<Run> {
  return new Promise((ok, fail) => {
    const mode = typeof end === 'string' ? end : 'wait';
    const child = spawn(process.execPath, [restorer, databasePath, backupName, mode], {
      cwd: REPO,
      env: { ...process.env, NODE_PATH: join(REPO, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: Run = { lastStep: null, done: false, at: {} };
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [kind, name, ms] = line.split(' ');
      const mark = (kind === 'step' ? name : kind) as Mark | 'done';
      run.at[mark] = Number(kind === 'step' ? ms : (name ?? 0));
      if (kind === 'step') run.lastStep = name as RestoreStep;
      if (kind === 'done') run.done = true;
      if (typeof end === 'object' && mark === end.after) timer = setTimeout(() => child.kill('SIGKILL'), end.ms);
    });
    child.once('error', fail);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (stderr !== '') fail(new Error(`the restorer wrote to stderr: ${stderr}`));
      else if (end === 'none' ? code !== 0 : signal !== 'SIGKILL') fail(new Error(`the restorer ended with ${code ?? signal}`));
      else ok(run);
    });
  });
}

/**
 * Bundles the restorer with Vite (the app's own build tool) into one CommonJS file, so each of the
 * 51 child processes starts in a few tens of milliseconds instead of having tsx compile and load
 * the services' modules every time. better-sqlite3 and zod stay outside and load from node_modules.
 */
async function bundleRestorer(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: REPO,
    build: {
      ssr: RESTORER,
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node22',
      rolldownOptions: { output: { format: 'cjs', entryFileNames: 'restorer.cjs' } },
    },
  });
  return join(outDir, 'restorer.cjs');
}

const isRestored = (step: RestoreStep) => RESTORE_STEPS.indexOf(step) >= RESTORE_STEPS.indexOf(FIRST_RESTORED_STEP);

/**
 * Opens the file the way the app does and checks it; returns which state it holds. `expected` is
 * the state a kill after a named step must leave; a random kill may leave either.
 */
function checkAfterKill(
  fixture: Fixture,
  databasePath: string,
  label: string,
  expected: 'old' | 'restored' | 'either',
  fullIntegrityCheck: boolean,
): { state: 'old' | 'restored'; reported: boolean } {
  const temp = restoreTempPathFor(databasePath, fixture.backupName);
  const leftover = existsSync(temp);
  const { db } = openDatabase(databasePath); // quick_check, schema version, WAL: refuses a damaged file
  try {
    if (fullIntegrityCheck) expect(db.pragma('integrity_check', { simple: true }), label).toBe('ok');
    const ctx: ServiceContext = {
      db,
      deviceId: db.prepare("SELECT value FROM settings WHERE key = 'device_id'").pluck().get() as string,
      appVersion: 'test',
      databasePath,
      schemaVersion: LATEST_SCHEMA_VERSION,
      now: () => new Date().toISOString(),
      chooseExportPath: async () => null,
    };
    const notice = noticeInterruptedRestore(ctx);

    const digest = digestTables(db);
    const state = JSON.stringify(digest) === JSON.stringify(fixture.old) ? 'old' : JSON.stringify(digest) === JSON.stringify(fixture.restored) ? 'restored' : null;
    if (state === null) {
      const differs = (ref: Digest) => DATA_TABLES.filter((t) => digest[t] !== ref[t]);
      expect.fail(`${label}: neither the old state (differs in ${differs(fixture.old).join(', ')}) nor the restored one (differs in ${differs(fixture.restored).join(', ')})`);
    }
    if (expected !== 'either') expect(state, label).toBe(expected);

    // The audit log: nothing lost; beyond the old entries only the restore's own, or the notice.
    const audit = db.prepare('SELECT id, action, entity_id AS entityId FROM audit_log').all() as { id: string; action: string; entityId: string | null }[];
    const ids = new Set(audit.map((e) => e.id));
    expect([...fixture.oldAudit].filter((id) => !ids.has(id)), `${label}: audit entries lost`).toEqual([]);
    const added = audit.filter((e) => !fixture.oldAudit.has(e.id));
    const present = (id: string) => db.prepare('SELECT count(*) FROM respondents WHERE id = ?').pluck().get(id) === 1;
    expect(present(fixture.erasedHere), `${label}: the person erased on this laptop came back`).toBe(false);
    if (state === 'restored') {
      expect(leftover, `${label}: a restored file with its temporary file still beside it`).toBe(false);
      expect(present(fixture.fromFile.respondentId), label).toBe(true);
      expect(added.map((e) => [e.action, e.entityId]).sort(), label).toEqual(
        [
          ['backup.restored', fixture.backupName],
          ['respondent.brought_back', fixture.fromFile.respondentId],
          ...fixture.fromFile.responseIds.map((id) => ['response.brought_back', id]),
        ].sort(),
      );
    } else {
      expect(present(fixture.fromFile.respondentId), label).toBe(false);
      expect(added.map((e) => e.action), label).toEqual(notice ? ['backup.restore_interrupted'] : []);
    }
    if (leftover) expect(notice, `${label}: a leftover was not reported`).toEqual({ foundAt: expect.any(String), backupName: fixture.backupName });
    const dir = join(databasePath, '..');
    const temporary = [...readdirSync(dir), ...readdirSync(backupsDirFor(databasePath))].filter((n) => /\.tmp($|-)/.test(n));
    expect(temporary, `${label}: leftovers after start-up`).toEqual([]);
    return { state: state!, reported: notice !== null };
  } finally {
    db.close();
  }
}

describe('a restore killed at every step', () => {
  it(`leaves the old or the restored state, whole, through ${KILLS} SIGKILLs of a restore of a 50 MB database`, { timeout: 300_000 }, async () => {
    const started = performance.now();
    const seed = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);
    console.info(`restore kill test seed ${seed} (KILL_SEED=${seed} to replay)`);
    const next = prng(seed);
    const restorer = await bundleRestorer(tempDir());
    const fixture = await buildFixture(tempDir());
    const bytes = statSync(fixture.live).size;
    expect(bytes).toBeGreaterThanOrEqual(MIN_BYTES);
    // The two states differ where it matters, so telling them apart means something.
    for (const table of ['networks', 'respondents', 'answers', 'erasures'] as const) expect(fixture.restored[table], table).not.toBe(fixture.old[table]);
    const backupSha = sha256(fixture.backupPath);
    const fixtureMs = performance.now() - started;

    const runDir = tempDir();
    const databasePath = join(runDir, 'netwerkspiegel.sqlite');
    const prepare = () => {
      rmSync(runDir, { recursive: true, force: true });
      mkdirSync(backupsDirFor(databasePath), { recursive: true });
      copyFileSync(fixture.live, databasePath);
      // The backup is only read by a restore, so every run can share one file (a second name for it).
      linkSync(fixture.backupPath, join(backupsDirFor(databasePath), fixture.backupName));
    };

    // One restore to the end: its result must be the restored state, and the time between its marks
    // bounds the random moments (a random kill lands in a random part of the restore).
    prepare();
    const whole = await runRestorer(restorer, databasePath, fixture.backupName, 'none');
    expect(whole.done).toBe(true);
    expect(checkAfterKill(fixture, databasePath, 'uninterrupted', 'restored', true)).toEqual({ state: 'restored', reported: false });
    const restoreMs = whole.at.done!;
    const segment = (mark: Mark) => (whole.at[MARKS[MARKS.indexOf(mark) + 1] ?? 'done'] ?? restoreMs) - whole.at[mark]!;

    const plan: Kill[] = RESTORE_STEPS.flatMap((step) => Array<RestoreStep>(KILLS_PER_STEP).fill(step));
    while (plan.length < KILLS) {
      const after = MARKS[Math.floor(next() * MARKS.length)]!;
      plan.push({ after, ms: Math.floor(next() * segment(after)) });
    }
    const tally = { passed: 0, old: 0, restored: 0, afterDone: 0, reported: 0 };
    const spent = { prepare: 0, child: 0, check: 0 };
    const time = <T>(part: keyof typeof spent, work: () => T): T => {
      const from = performance.now();
      const result = work();
      spent[part] += performance.now() - from;
      return result;
    };
    const byStep = new Map<string, string[]>();
    for (const [i, kill] of plan.entries()) {
      time('prepare', prepare);
      const label = typeof kill === 'string' ? `kill ${i + 1} after step ${kill}` : `kill ${i + 1} ${kill.ms} ms after ${kill.after}`;
      const childFrom = performance.now();
      const run = await runRestorer(restorer, databasePath, fixture.backupName, kill);
      spent.child += performance.now() - childFrom;
      if (typeof kill === 'string') expect(run.lastStep, label).toBe(kill);
      // quick_check (what the app runs at every start) after every kill; the slower integrity_check,
      // which also compares every index with its table, after the first kill at each step and every fifth random one.
      const full = typeof kill === 'string' ? plan.indexOf(kill) === i : i % 5 === 0;
      const { state, reported } = time('check', () =>
        checkAfterKill(fixture, databasePath, label, typeof kill === 'string' ? (isRestored(kill) ? 'restored' : 'old') : 'either', full),
      );
      // Killed with the temporary restored file on disk (from its copy until the rename): the next start says so.
      if (typeof kill === 'string') expect(reported, label).toBe(!isRestored(kill) && kill !== 'safety-backup-written');
      if (reported) tally.reported++;
      // A random kill after a step the child reported: before the rename it must be the old state, from it on the
      // restored one (a kill between the rename and its report may find either).
      if (typeof kill === 'object' && run.lastStep && RESTORE_STEPS[RESTORE_STEPS.indexOf(run.lastStep) + 1] !== FIRST_RESTORED_STEP) {
        expect(state, `${label} (after step ${run.lastStep})`).toBe(isRestored(run.lastStep) ? 'restored' : 'old');
      }
      tally.passed++;
      tally[state]++;
      if (run.done) tally.afterDone++;
      const where = typeof kill === 'string' ? `step ${kill}` : `random, after ${run.lastStep ?? 'no step'}`;
      byStep.set(where, [...(byStep.get(where) ?? []), state]);
    }
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.info(
      [
        `restore kill test: ${tally.passed} of ${plan.length} kills passed (old state ${tally.old}, restored state ${tally.restored}; ` +
          `${tally.reported} interrupted restores reported at the next start; ${tally.afterDone} random kills came after the restore had finished)`,
        `database ${(bytes / 1024 / 1024).toFixed(1)} MiB; an uninterrupted restore took ${restoreMs} ms; fixture ${seconds(fixtureMs)}, ` +
          `copying ${seconds(spent.prepare)}, restorer processes ${seconds(spent.child)}, checks ${seconds(spent.check)}, total ${seconds(performance.now() - started)}`,
        ...[...byStep].map(([where, states]) => `  ${where}: ${states.length} (${states.join(', ')})`),
      ].join('\n'),
    );
    expect(tally.passed).toBe(KILLS);
    expect(sha256(fixture.backupPath), 'a restore wrote to the backup it restored').toBe(backupSha);
    expect(tally.old).toBeGreaterThan(0);
    expect(tally.restored).toBeGreaterThan(0);
  });
});
