import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startHarness } from './server';

// Standalone harness: `npm run harness` (after `npm run build`). Prints its URL on the first line,
// so a test can start it as a child process and kill it mid-questionnaire.
const databasePath = process.env.NETWERKSPIEGEL_DB ?? join(tmpdir(), 'netwerkspiegel-harness.sqlite');
const exportDir = process.env.NETWERKSPIEGEL_EXPORT_DIR ?? join(tmpdir(), 'netwerkspiegel-exports');
const port = process.env.PORT ? Number(process.env.PORT) : 0;

startHarness({ databasePath, exportDir, port }).then(
  (h) => {
    process.stdout.write(`${h.url}\n`);
    const stop = () => void h.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
