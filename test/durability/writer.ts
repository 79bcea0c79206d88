import { writeSync } from 'node:fs';
import type { Input, MethodName, Output } from '../../shared/contract';
import { unwrap } from '../../shared/errors';
import { startServices } from '../../electron/services/app';
import { createDispatcher } from '../../electron/services/dispatch';
import { createHandlers } from '../../electron/services/handlers';

/**
 * The child process of the kill test: writes answers through the real services as fast as it can,
 * one response after another, and prints a line after each write has returned (so has committed):
 *   answer <responseId> <itemId> <value>
 *   complete <responseId>
 * Usage: node --import tsx test/durability/writer.ts <database file> <run number>
 */

const [databasePath, runArg] = process.argv.slice(2);
if (!databasePath || !runArg) throw new Error('usage: writer.ts <database> <run>');
const run = Number(runArg);
const KS = 'kansrijke-samenwerking';

const services = startServices({ databasePath, appVersion: 'writer', chooseExportPath: async () => null });
const dispatch = createDispatcher(createHandlers(services));
const call = async <K extends MethodName>(name: K, input: Input<K>) => unwrap(await dispatch(name, input)) as Output<K>;
// Synchronous writes to the pipe: a line is out before the next write starts.
const report = (line: string) => writeSync(1, `${line}\n`);

async function main() {
  const network = (await call('listNetworks', {})).find((n) => n.name === 'Duurzaamheid') ?? (await call('createNetwork', { name: 'Duurzaamheid' }));
  const detail = await call('getNetwork', { networkId: network.id });
  const wave = detail.waves[0] ?? (await call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] }));
  const def = await call('getInstrument', { instrumentId: KS, version: 1 });
  const items = def.items.filter((item) => item.type === 'scale');
  report(`ready ${run}`);
  for (let n = 0; ; n++) {
    const response = await call('startResponse', { waveId: wave.id, respondentCode: `R${run}N${n}`, organisationId: null, mode: 'form' });
    for (const [i, item] of items.entries()) {
      const value = 1 + ((run + n + i) % 5);
      await call('saveAnswer', { responseId: response.id, instrumentId: KS, itemId: item.id, value, text: null });
      report(`answer ${response.id} ${item.id} ${value}`);
    }
    await call('completeResponse', { responseId: response.id });
    report(`complete ${response.id}`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
