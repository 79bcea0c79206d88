import { isAbsolute, join, resolve } from 'node:path';

/** File name of the database inside Electron's userData folder. */
export const DATABASE_FILE_NAME = 'netwerkspiegel.sqlite';
/** Command-line flag that points the app at another database file: `--database=<pad>`. */
export const DATABASE_FLAG = '--database=';
/** Environment variable with the same meaning; the flag wins. */
export const DATABASE_ENV = 'NETWERKSPIEGEL_DB';

/**
 * Where the SQLite file lives: a `--database=<path>` flag wins, then the NETWERKSPIEGEL_DB
 * environment variable, else `<userData>/netwerkspiegel.sqlite`. Relative paths are taken
 * relative to `cwd`; empty values are ignored. `:memory:` is passed through unchanged.
 * Pure: reads nothing but its arguments.
 */
export function resolveDatabasePath(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  userDataDir: string,
  cwd: string = process.cwd(),
): string {
  const normalise = (value: string): string => (value === ':memory:' || isAbsolute(value) ? value : resolve(cwd, value));

  // The last occurrence wins, as with most command-line tools.
  const fromFlag = argv
    .filter((arg) => arg.startsWith(DATABASE_FLAG))
    .map((arg) => arg.slice(DATABASE_FLAG.length).trim())
    .filter((value) => value !== '')
    .at(-1);
  if (fromFlag !== undefined) return normalise(fromFlag);

  const fromEnv = env[DATABASE_ENV]?.trim();
  if (fromEnv) return normalise(fromEnv);

  return join(userDataDir, DATABASE_FILE_NAME);
}
