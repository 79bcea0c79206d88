import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProjectConfig, PROJECT_DIR, validateConfiguration } from './electron-builder-internals';

/**
 * The installer configuration (electron-builder.ts) as electron-builder itself loads and checks
 * it, and the promises it makes to users: a Windows install without administrator rights in
 * Dutch, nothing rebuilt, the study-file association, the icon.
 */

let config: Configuration;
beforeAll(async () => {
  config = await loadProjectConfig();
});

describe('electron-builder.ts', () => {
  it('passes electron-builder\'s own schema check', async () => {
    await expect(validateConfiguration(config)).resolves.toBeUndefined();
  });

  it('is refused by the same check when an option is misspelt or has the wrong kind of value', async () => {
    await expect(validateConfiguration({ ...config, productname: 'Netwerkspiegel' } as Configuration)).rejects.toThrow(/unknown property 'productname'/);
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, perMachin: false } as Configuration['nsis'] })).rejects.toThrow(/configuration\.nsis should be/);
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, oneClick: 'soms' as unknown as boolean } })).rejects.toThrow(/configuration\.nsis should be/);
  });

  it('installs on Windows for the current user only, never asking for administrator rights, in Dutch, with shortcuts, keeping the data on uninstall', () => {
    expect(config.nsis).toMatchObject({
      oneClick: true,
      perMachine: false,
      allowElevation: false,
      installerLanguages: ['nl_NL'],
      language: '1043',
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
  });

  it('builds a .dmg for Apple silicon and Intel with the hardened runtime, AppImage and .deb for Linux', () => {
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }]);
    expect(config.mac?.hardenedRuntime).toBe(true);
    const entitlements = readFileSync(join(PROJECT_DIR, config.mac!.entitlements!), 'utf8');
    // V8's JIT and nothing else: no camera, microphone, network server or file-system exceptions.
    expect([...entitlements.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
    expect(config.linux?.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ]);
    expect(config.linux?.category).toBe('Office;Science');
    expect(config.linux?.synopsis).toBeTruthy();
    expect(config.linux?.maintainer).toMatch(/^.+ <.+@.+>$/);
  });

  it('rebuilds nothing: better-sqlite3\'s Node-API prebuilds serve Electron as they are, outside the archive', () => {
    expect(config).toMatchObject({ npmRebuild: false, buildDependenciesFromSource: false, nodeGypRebuild: false, asar: true });
    expect(config.asarUnpack).toEqual(['**/node_modules/better-sqlite3/prebuilds/*.node']);
  });

  it('associates .nwstudie files with the app', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'nwstudie', name: 'Netwerkspiegel-studiebestand', role: 'Viewer' })]);
  });

  it('has an icon electron-builder can turn into .ico and .icns: build/icon.png, 1024 × 1024 with transparency', () => {
    const png = readFileSync(join(PROJECT_DIR, config.directories?.buildResources ?? 'build', 'icon.png'));
    // PNG signature, then the IHDR chunk: width and height (big-endian), bit depth, colour type 6 = RGBA.
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([1024, 1024, 8, 6]);
  });
});
