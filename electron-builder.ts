import type { Configuration } from 'electron-builder';

/*
 * Installers for Netwerkspiegel: Windows (NSIS, per user, no administrator rights), macOS (.dmg
 * for Apple silicon and Intel) and Linux (AppImage and .deb). `npm run dist` builds for the
 * current system; the release workflow (.github/workflows/release.yml) builds all three.
 * electron-builder finds this file by its name. Why these choices:
 * docs/decisions/2026-12-01-installers.md. What is checked without Electron: test/packaging/.
 */

/** Node's names for the systems, as in better-sqlite3's prebuilds/<platform>-<arch>.node. */
type NodePlatform = 'win32' | 'darwin' | 'linux';

/**
 * What goes into the app: the built app (out/) and package.json. electron-builder adds the
 * production dependencies (package.json "dependencies") itself; the "!" patterns also apply
 * inside node_modules. The list is per system because only that system's better-sqlite3 prebuild
 * belongs in its installer (a foreign binary is dead weight, and macOS signing would trip over
 * it). It is given in full per system: electron-builder treats a per-system list of only "!"
 * patterns as "everything except", which would pack the whole project.
 */
function appFiles(platform: NodePlatform): string[] {
  return [
    'package.json',
    'out/**',
    '!**/*.map',
    // Sources and type declarations that dependencies ship but never load.
    '!**/node_modules/**/*.{ts,mts,cts,c,h,cpp,gyp,gypi}',
    // SQLite's C sources, for a source build of better-sqlite3 that the app never does.
    '!**/node_modules/better-sqlite3/{deps,src}{,/**}',
    // ${arch} is electron-builder's macro (x64, arm64), expanded per build.
    `!**/node_modules/better-sqlite3/prebuilds/!(${platform}-\${arch}).node`,
  ];
}

const config: Configuration = {
  appId: 'nl.netwerkspiegel.app',
  productName: 'Netwerkspiegel',
  copyright: 'Copyright © 2026 Netwerkspiegel',
  directories: { output: 'dist', buildResources: 'build' },

  // better-sqlite3 13 ships Node-API prebuilds that serve Node and Electron alike: nothing is
  // rebuilt or compiled. A native binary cannot be loaded from inside app.asar, so the prebuild is
  // unpacked to app.asar.unpacked; Electron's process.dlopen redirects the app.asar path that
  // better-sqlite3 computes (lib/binding.js) to the unpacked copy.
  asar: true,
  asarUnpack: ['**/node_modules/better-sqlite3/prebuilds/*.node'],
  npmRebuild: false,
  buildDependenciesFromSource: false,
  nodeGypRebuild: false,

  // Double-clicking a study file opens the import preview (electron/main/opened-study-files.ts).
  fileAssociations: [
    {
      ext: 'nwstudie',
      name: 'Netwerkspiegel-studiebestand',
      description: 'Netwerkspiegel-studiebestand',
      mimeType: 'application/x-netwerkspiegel-studie',
      // The app reads a study file and never changes it.
      role: 'Viewer',
      rank: 'Owner',
    },
  ],

  // The release workflow uploads the installers; electron-builder publishes nothing itself.
  publish: null,

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    executableName: 'Netwerkspiegel',
    files: appFiles('win32'),
  },
  nsis: {
    // One click, for the current user only: installs in %LOCALAPPDATA%\Programs\Netwerkspiegel,
    // never asks for administrator rights, and leaves the data (%APPDATA%\Netwerkspiegel) in
    // place on uninstall.
    oneClick: true,
    perMachine: false,
    allowElevation: false,
    deleteAppDataOnUninstall: false,
    installerLanguages: ['nl_NL'],
    language: '1043',
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Netwerkspiegel',
    runAfterFinish: true,
    artifactName: 'Netwerkspiegel-Setup-${version}.${ext}',
  },

  mac: {
    category: 'public.app-category.productivity',
    target: [{ target: 'dmg', arch: ['arm64', 'x64'] }],
    // Notarisation requires the hardened runtime; the entitlements allow V8's JIT and nothing else.
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    files: appFiles('darwin'),
  },
  dmg: {
    artifactName: 'Netwerkspiegel-${version}-${arch}.${ext}',
  },

  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    category: 'Office;Science',
    executableName: 'netwerkspiegel',
    synopsis: 'Samenwerking in zorg- en welzijnsnetwerken meten en vergelijken',
    description:
      'Netwerkspiegel meet hoe goed zorg- en welzijnsnetwerken samenwerken (Kansrijke samenwerking: ' +
      'vijf voorwaarden, twintig indicatoren), bij de start en na één en twee jaar. Alle gegevens blijven op de laptop.',
    // Placeholder (the .invalid domain never exists): set a real contact address before the first public release.
    maintainer: 'Netwerkspiegel <netwerkspiegel@example.invalid>',
    files: appFiles('linux'),
  },
  appImage: {
    artifactName: 'Netwerkspiegel-${version}-${arch}.${ext}',
  },
  deb: {
    artifactName: 'netwerkspiegel_${version}_${arch}.${ext}',
  },
};

export default config;
