import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDatabasePath } from '../../electron/main/paths';

const userData = '/home/anna/.config/Netwerkspiegel';
const cwd = '/werk';

describe('resolveDatabasePath', () => {
  it('defaults to netwerkspiegel.sqlite in the userData folder', () => {
    expect(resolveDatabasePath(['electron', '.'], {}, userData, cwd)).toBe(join(userData, 'netwerkspiegel.sqlite'));
  });

  it('uses NETWERKSPIEGEL_DB when there is no flag', () => {
    expect(resolveDatabasePath(['electron', '.'], { NETWERKSPIEGEL_DB: '/data/team.sqlite' }, userData, cwd)).toBe('/data/team.sqlite');
  });

  it('lets the --database= flag win over the environment', () => {
    const path = resolveDatabasePath(['electron', '.', '--database=/data/flag.sqlite'], { NETWERKSPIEGEL_DB: '/data/env.sqlite' }, userData, cwd);
    expect(path).toBe('/data/flag.sqlite');
  });

  it('takes the last flag, resolves relative paths against cwd and ignores empty values', () => {
    expect(resolveDatabasePath(['--database=/a.sqlite', '--database=b.sqlite'], {}, userData, cwd)).toBe(resolve(cwd, 'b.sqlite'));
    expect(resolveDatabasePath(['--database='], { NETWERKSPIEGEL_DB: '  ' }, userData, cwd)).toBe(join(userData, 'netwerkspiegel.sqlite'));
    expect(resolveDatabasePath([], { NETWERKSPIEGEL_DB: 'rel/env.sqlite' }, userData, cwd)).toBe(resolve(cwd, 'rel/env.sqlite'));
  });

  it('does not mistake similar flags or a separate argument for the database flag', () => {
    expect(resolveDatabasePath(['--database', '/x.sqlite', '--databases=/y.sqlite'], {}, userData, cwd)).toBe(join(userData, 'netwerkspiegel.sqlite'));
  });

  it('passes :memory: through unchanged', () => {
    expect(resolveDatabasePath(['--database=:memory:'], {}, userData, cwd)).toBe(':memory:');
  });
});
