import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { studyFileOf, useServices } from '../support/services';
import { PROJECT_DIR } from './electron-builder-internals';

/**
 * The study-file worker as the built app starts it: `out/main/study-file-worker.js`, electron-vite's
 * second entry of the main process, with the chunk it shares with index.js; the main process hands
 * the services `<mainDir>/study-file-worker.js` (test/electron/lifecycle.test.ts). Electron cannot
 * run here: the built worker runs in Node's worker_threads, as it does in Electron's main process,
 * with the same better-sqlite3 prebuild. Needs the built app (`npx electron-vite build`).
 */

const BUILT = join(PROJECT_DIR, 'out/main/study-file-worker.js');
const open = useServices();
const KS = 'kansrijke-samenwerking';

beforeAll(() => {
  if (!existsSync(BUILT)) throw new Error('De app is niet gebouwd (out/main/study-file-worker.js ontbreekt). Voer eerst `npx electron-vite build` uit.');
});

describe('the built study-file worker', { timeout: 60_000 }, () => {
  it('is plain JavaScript that loads only what the packed app has: its chunks, Node and production dependencies', () => {
    const dependencies = Object.keys((JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
    const packages = new Set<string>();
    const files = [BUILT];
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      expect(code).not.toMatch(/tsx/);
      for (const [, name] of code.matchAll(/require\("([^"]+)"\)/g)) {
        if (name!.startsWith('.')) files.push(join(dirname(file), name!));
        else if (!name!.startsWith('node:')) packages.add(name!);
      }
    }
    expect(files.length).toBeGreaterThan(1);
    expect([...packages].filter((name) => !dependencies.includes(name))).toEqual([]);
    expect(packages).toContain('better-sqlite3');
  });

  it('previews and imports a study file for the services', async () => {
    const a = open();
    const network = await a.ok('createNetwork', { name: 'Gebouwd' });
    const wave = await a.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    const r = await a.ok('startResponse', { waveId: wave.id, respondentCode: 'ABC123', organisationId: null, mode: 'form' });
    await a.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_amb_01', value: 4, text: null });
    const content = await studyFileOf(a, [network.id]);

    const b = open();
    b.services.studyFileWorkerFile = BUILT;
    const preview = await b.ok('previewStudyFile', { content });
    expect(preview.counts.answers).toEqual({ added: 1, skipped: 0 });
    expect(b.db.prepare('SELECT count(*) FROM answers').pluck().get()).toBe(0);
    const report = await b.ok('importStudyFile', { content, decisions: [] });
    expect(report.backup).toMatch(/-voor-import\.sqlite$/);
    expect(b.db.prepare('SELECT value FROM answers WHERE item_id = ?').pluck().all('ks_amb_01')).toEqual([4]);
    // A file that is not a study file: the same Dutch refusal as from the sources.
    expect(await b.call('previewStudyFile', { content: '{"niet":"een studiebestand"' })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Dit is geen Netwerkspiegel-studiebestand: de inhoud is geen geldige JSON. Er is niets gewijzigd.' },
    });
  });
});
