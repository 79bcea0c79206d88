import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, MethodName, Output } from '../../../shared/contract';
import { unwrap } from '../../../shared/errors';
import { startServices } from '../../../electron/services/app';
import { createDispatcher } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';

/** Another laptop for merge tests: the real services on a SQLite file of its own, in this process. */
export function secondLaptop(cleanup: (fn: () => void) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'netwerkspiegel-laptop-b-'));
  const services = startServices({ databasePath: join(dir, 'netwerkspiegel.sqlite'), appVersion: 'laptop-b', chooseExportPath: async (name) => join(dir, name) });
  cleanup(() => {
    services.db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const dispatch = createDispatcher(createHandlers(services));
  const call = async <K extends MethodName>(name: K, input: Input<K>) => unwrap(await dispatch(name, input)) as Output<K>;
  return { dir, services, call };
}

/** The study file of one network as a laptop exports it, read back from disk. */
export async function studyFileContent(call: (name: 'exportStudyFile', input: Input<'exportStudyFile'>) => Promise<Output<'exportStudyFile'>>, networkId: string) {
  const result = await call('exportStudyFile', { networkIds: [networkId] });
  if (result.cancelled) throw new Error('cancelled');
  return readFileSync(result.filePath, 'utf8');
}
