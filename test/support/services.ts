import type { Database } from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/contract';
import { unwrap } from '../../shared/errors';
import { startServices } from '../../electron/services/app';
import { createDispatcher } from '../../electron/services/dispatch';
import { createHandlers } from '../../electron/services/handlers';
import { useTempDir } from './tmp';

/**
 * Real services over a real SQLite file in a temp folder, reached through the same dispatcher
 * (zod validation, error envelopes) as the IPC layer.
 */
export function useServices() {
  const tempDir = useTempDir();
  const open: { close: () => void }[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  return (options: { cancelExport?: boolean; now?: () => string; dir?: string } = {}) => {
    const dir = options.dir ?? tempDir();
    const kioskWindow: boolean[] = [];
    const services = startServices({
      databasePath: join(dir, 'netwerkspiegel.sqlite'),
      appVersion: 'test',
      chooseExportPath: async (name) => (options.cancelExport ? null : join(dir, name)),
      // The folder itself: the report service makes its own new folder inside it.
      chooseExportFolder: async () => (options.cancelExport ? null : dir),
      setKioskWindow: (on) => kioskWindow.push(on),
      now: options.now,
    });
    open.push({ close: () => services.db.open && services.db.close() });
    const dispatch = createDispatcher(createHandlers(services), () => {});
    const call = <K extends MethodName>(name: K, input: Input<K>) => dispatch(name, input);
    const ok = async <K extends MethodName>(name: K, input: Input<K>) => unwrap(await dispatch(name, input)) as Output<K>;
    return { services, db: services.db, dir, dispatch, call, ok, kioskWindow };
  };
}

/** One laptop: the services `useServices()` opened. */
export type Laptop = ReturnType<ReturnType<typeof useServices>>;

/** A laptop's study file of these networks (a `.nwstudie` file), as the text another laptop reads from it. */
export async function studyFileOf(s: Laptop, networkIds: string[]): Promise<string> {
  const result = await s.ok('exportStudyFile', { networkIds });
  if (result.cancelled) throw new Error('export cancelled');
  if (!result.filePath.endsWith('.nwstudie')) throw new Error(`a study file without its extension: ${result.filePath}`);
  return readFileSync(result.filePath, 'utf8');
}

/** The study export's input as the export screen starts: workbook, codes, no open answers, `;`, Dutch, all waves and instruments. */
export function studyExportInput(networkId: string, extra: Partial<Input<'exportStudy'>> = {}): Input<'exportStudy'> {
  return {
    networkIds: [networkId],
    waveIds: [],
    instrumentIds: [],
    format: 'xlsx',
    values: 'codes',
    includeOpenAnswers: false,
    separator: ';',
    language: 'nl',
    ...extra,
  };
}

/** Every row of every table, for "nothing was written" assertions. */
export function snapshot(db: Database): Record<string, unknown[]> {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}
