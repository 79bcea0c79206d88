import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../electron/db/backup-files';
import { startServices } from '../../electron/services/app';
import { useTempDir } from '../support/tmp';

/**
 * A laptop whose app is killed again and again while answers are being saved (SIGKILL: no
 * clean-up, no flush, like a crash): every answer the writer reported as saved (it reports only
 * after the save returned) must be in the file afterwards, with its value, and the file must pass
 * SQLite's checks. The moments are random (the seed is printed for a rerun); the number of kills
 * is bounded so the test stays under half a minute.
 */

const tempDir = useTempDir();
const REPO = resolve(__dirname, '../..');
const WRITER = join('test', 'durability', 'writer.ts');
const KILLS = 15;

/** A small seeded generator (mulberry32), so a failing sequence of moments can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Reported {
  answers: Map<string, number>; // "<responseId>/<itemId>" → value
  completed: Set<string>;
  lines: number;
}

/**
 * Starts the writer and kills it with SIGKILL `delayMs` after it started (`from: 'spawn'`) or after
 * it reported being ready to write (`from: 'ready'`), collecting every complete line it printed.
 */
function runAndKill(databasePath: string, run: number, delayMs: number, from: 'spawn' | 'ready', into: Reported): Promise<{ ready: boolean; stderr: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, databasePath, String(run)], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let ready = false;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // readline only emits complete lines; a line cut off by the kill is not counted.
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [kind, a, b, c] = line.split(' ');
      into.lines++;
      if (kind === 'ready') {
        ready = true;
        if (from === 'ready') timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
      else if (kind === 'answer') into.answers.set(`${a}/${b}`, Number(c));
      else if (kind === 'complete') into.completed.add(a!);
    });
    let timer = from === 'spawn' ? setTimeout(() => child.kill('SIGKILL'), delayMs) : undefined;
    child.once('error', fail);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') fail(new Error(`the writer stopped by itself (${code}): ${stderr}`));
      else ok({ ready, stderr });
    });
  });
}

describe('killed while saving answers', () => {
  it(`keeps every answer reported as saved through ${KILLS} SIGKILLs, and the file passes its checks`, { timeout: 90_000 }, async () => {
    const seed = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);
    console.info(`kill test seed ${seed} (KILL_SEED=${seed} to replay)`);
    const next = random(seed);
    const dir = tempDir();
    const databasePath = join(dir, 'netwerkspiegel.sqlite');
    const reported: Reported = { answers: new Map(), completed: new Set(), lines: 0 };
    let runsThatWrote = 0;

    for (let run = 0; run < KILLS; run++) {
      const before = reported.answers.size;
      // Every third kill lands at a random moment of start-up (opening, checks, migrations, the
      // start-up backup), the others at a random moment while answers are being saved.
      const duringStart = run % 3 === 2;
      const delay = duringStart ? 100 + Math.floor(next() * 900) : 100 + Math.floor(next() * 800);
      const { stderr } = await runAndKill(databasePath, run, delay, duringStart ? 'spawn' : 'ready', reported);
      expect(stderr, `run ${run}`).toBe('');
      if (reported.answers.size > before) runsThatWrote++;
      // Between kills, the file must always pass SQLite's own check (read-only: nothing repaired).
      // (An early kill may come before the first run has even created it.)
      const check = existsSync(databasePath) ? checkDatabaseFile(databasePath) : { ok: true as const };
      expect(check.ok ? null : check.problem, `after run ${run}`).toBeNull();
    }
    expect(runsThatWrote).toBeGreaterThanOrEqual(KILLS / 2);
    expect(reported.answers.size).toBeGreaterThan(100);

    const db = new Database(databasePath, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Map(
        (db.prepare('SELECT response_id AS r, item_id AS i, value FROM answers').all() as { r: string; i: string; value: number }[]).map((a) => [`${a.r}/${a.i}`, a.value]),
      );
      const missing = [...reported.answers].filter(([key, value]) => stored.get(key) !== value);
      expect(missing).toEqual([]);
      const complete = new Set(db.prepare("SELECT id FROM responses WHERE status = 'complete'").pluck().all() as string[]);
      expect([...reported.completed].filter((id) => !complete.has(id))).toEqual([]);
    } finally {
      db.close();
    }

    // A normal start afterwards works, and leaves no half-written backup behind.
    const services = startServices({ databasePath, appVersion: 'test', chooseExportPath: async () => null });
    services.db.close();
    const backups = existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')) : [];
    expect(backups.filter((name) => /\.tmp/.test(name))).toEqual([]);
    expect(backups.length).toBeGreaterThan(0);
    for (const name of backups) expect(checkDatabaseFile(join(dir, 'backups', name)), name).toMatchObject({ ok: true });
  });
});
