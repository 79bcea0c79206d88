import type { Configuration } from 'electron-builder';

/*
 * The decisions `npm run dist` (scripts/dist.ts) makes around electron-builder, as pure functions:
 * how to sign (or not) from the environment, and whether a failure was a download that this
 * machine cannot make.
 */

/** What electron-builder reads for code signing (Windows and macOS). */
export const CERTIFICATE_VARIABLES = ['CSC_LINK', 'CSC_KEY_PASSWORD', 'CSC_NAME', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD'] as const;
/** What electron-builder reads for notarisation by Apple. */
export const NOTARISATION_VARIABLES = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID', 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'] as const;

export interface SigningPlan {
  /** Variables to remove from the environment before electron-builder runs. */
  unset: string[];
  /** Variables to set. */
  set: Record<string, string>;
  /** Added to electron-builder.ts for this build. */
  config: Configuration;
  /** What the build will be, for the log. */
  notes: string[];
}

/**
 * Signing follows the secrets that are present. A workflow passes an absent secret as an empty
 * string, which electron-builder would take for a certificate, so empty values are removed.
 * Without a certificate the build is unsigned: electron-builder does not search the keychain
 * (CSC_IDENTITY_AUTO_DISCOVERY=false), notarisation is skipped (it needs a Developer ID
 * signature), and on macOS the app is signed ad hoc without the hardened runtime, because Apple
 * silicon does not start an app whose signature was broken by packaging.
 */
export function planSigning(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): SigningPlan {
  const present = (name: string) => (env[name] ?? '').trim() !== '';
  const unset = [...CERTIFICATE_VARIABLES, ...NOTARISATION_VARIABLES].filter((name) => env[name] !== undefined && !present(name));
  const hasCertificate = present('CSC_LINK') || present('CSC_NAME') || (platform === 'win32' && present('WIN_CSC_LINK'));
  if (hasCertificate) {
    const notarised = platform === 'darwin' && NOTARISATION_VARIABLES.some(present);
    return { unset, set: {}, config: {}, notes: [notarised ? 'Getekend en genotariseerd.' : 'Getekend met het certificaat uit CSC_LINK/CSC_NAME.'] };
  }

  const notes = ['Geen certificaat: een ongetekende build (Windows SmartScreen en macOS Gatekeeper waarschuwen bij de eerste start).'];
  const set: Record<string, string> = {};
  if (env['CSC_IDENTITY_AUTO_DISCOVERY'] === undefined) set['CSC_IDENTITY_AUTO_DISCOVERY'] = 'false';
  const notarisation = NOTARISATION_VARIABLES.filter(present);
  if (notarisation.length > 0) {
    unset.push(...notarisation);
    notes.push('Notariseren overgeslagen: dat kan alleen met een Developer ID-certificaat.');
  }
  let config: Configuration = {};
  if (platform === 'darwin') {
    config = { mac: { identity: '-', hardenedRuntime: false } };
    notes.push('macOS: ad hoc ondertekend, zodat de app op Apple silicon start.');
  }
  return { unset, set, config, notes };
}

/** Node's codes for a host that cannot be reached or a connection that broke off. */
const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNABORTED', 'EPIPE']);
/** The errors of `got`, which downloads Electron for electron-builder. */
const DOWNLOAD_ERROR_NAMES = new Set(['RequestError', 'HTTPError', 'TimeoutError', 'MaxRedirectsError']);
/** What a failed download looks like in a message: Node's codes, and the Go tool (app-builder) that downloads NSIS, fpm and the AppImage tools. */
const DOWNLOAD_MESSAGE = /getaddrinfo|no such host|dial tcp|i\/o timeout|connection refused|network is unreachable|TLS handshake timeout|socket hang up|\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH)\b/i;

function* errorChain(err: unknown): Generator<{ name?: unknown; code?: unknown; message?: unknown }> {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    yield current as { name?: unknown; code?: unknown; message?: unknown };
    current = (current as { cause?: unknown }).cause;
  }
}

/** Whether electron-builder failed because it could not download Electron or one of its tools. */
export function isDownloadFailure(err: unknown): boolean {
  for (const e of errorChain(err)) {
    if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
    if (typeof e.name === 'string' && DOWNLOAD_ERROR_NAMES.has(e.name)) return true;
    if (typeof e.message === 'string' && DOWNLOAD_MESSAGE.test(e.message)) return true;
  }
  return false;
}

/** The explanation for a failed download, Dutch first, with the error as electron-builder reported it. */
export function downloadFailureMessage(err: unknown): string {
  const reported = [...errorChain(err)].map((e) => (typeof e.message === 'string' ? e.message : '')).find((m) => m.trim() !== '') ?? String(err);
  const detail = reported.trim().split('\n').slice(0, 3).join('\n    ');
  return [
    'De installatiebestanden zijn op deze machine niet gebouwd.',
    "electron-builder moest Electron (of een van zijn hulpprogramma's) downloaden, en deze machine kan de downloadserver niet bereiken:",
    `    ${detail}`,
    'De installatiebestanden worden gebouwd op de machines van de release-workflow (.github/workflows/release.yml):',
    'push een tag als v1.2.3, of start de workflow met de hand (Actions → Release → Run workflow).',
    '',
    'The installers were not built on this machine: electron-builder had to download Electron (or one of its tools)',
    'and this machine cannot reach the download host (see the error above). The installers are built on the release',
    "workflow's runners (.github/workflows/release.yml): push a tag such as v1.2.3, or run the workflow by hand.",
  ].join('\n');
}
