import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml, PROJECT_DIR } from './electron-builder-internals';

/**
 * The release workflow (.github/workflows/release.yml) read with a YAML parser: when it runs, on
 * which systems, with which Node, what it builds and keeps, and that signing only follows secrets.
 * (Whether GitHub's runners then build the installers is not checked here.)
 */

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix: { os: string[] } };
  'runs-on': string;
  steps: Step[];
}
interface Workflow {
  on: { push?: { tags?: string[] }; workflow_dispatch?: unknown };
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = parseYaml(readFileSync(join(PROJECT_DIR, '.github/workflows/release.yml'), 'utf8')) as Workflow;
const installers = workflow.jobs['installers'];
const steps = installers?.steps ?? [];
const step = (match: (s: Step) => boolean) => {
  const found = steps.filter(match);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('the release workflow', () => {
  it('runs on a pushed v* tag and by hand', () => {
    expect(workflow.on.push).toEqual({ tags: ['v*'] });
    expect('workflow_dispatch' in workflow.on).toBe(true);
  });

  it('builds on Windows, macOS and Linux runners with Node 24, from a clean npm ci', () => {
    expect([...(installers?.strategy?.matrix.os ?? [])].sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    expect(installers?.['runs-on']).toBe('${{ matrix.os }}');
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(step((s) => s.uses?.startsWith('actions/setup-node@') ?? false).with?.['node-version']).toBe(24);
    const install = steps.findIndex((s) => s.run?.startsWith('npm ci') ?? false);
    const dist = steps.findIndex((s) => s.run === 'npm run dist');
    expect(install).toBeGreaterThan(-1);
    expect(dist).toBeGreaterThan(install);
  });

  it('signs and notarises only with the secrets, and tells electron-builder not to look for a certificate without them', () => {
    const env = step((s) => s.run === 'npm run dist').env ?? {};
    for (const name of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) expect(env[name]).toBe(`\${{ secrets.${name} }}`);
    expect(env['CSC_IDENTITY_AUTO_DISCOVERY']).toBe("${{ secrets.CSC_LINK != '' && 'true' || 'false' }}");
  });

  it('keeps every installer as an artifact and fails when there is none', () => {
    const upload = step((s) => s.uses?.startsWith('actions/upload-artifact@') ?? false);
    expect(String(upload.with?.['path']).trim().split('\n')).toEqual(['dist/*.exe', 'dist/*.dmg', 'dist/*.AppImage', 'dist/*.deb']);
    expect(upload.with?.['if-no-files-found']).toBe('error');
  });

  it('on a tag, and only then, puts the installers in a draft release for a person to publish', () => {
    const draft = workflow.jobs['draft-release'];
    expect(draft).toMatchObject({ if: "startsWith(github.ref, 'refs/tags/v')", needs: 'installers', permissions: { contents: 'write' } });
    const create = draft?.steps.find((s) => s.run?.startsWith('gh release create') ?? false);
    expect(create?.run).toContain('--draft');
    expect(create?.run).toContain('installers/*');
  });
});
