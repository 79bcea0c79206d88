import { describe, expect, it } from 'vitest';
import { downloadFailureMessage, isDownloadFailure, planSigning } from '../../scripts/dist-support';

/**
 * What `npm run dist` decides around electron-builder: signing from the environment, and telling a
 * failed download (this machine cannot reach the download host) from any other failure.
 */

describe('signing plan', () => {
  it('without a certificate: unsigned, no keychain search, no notarisation; ad hoc on macOS so Apple silicon starts it', () => {
    // As the workflow passes absent secrets: empty strings.
    const env = { CSC_LINK: '', CSC_KEY_PASSWORD: '', APPLE_ID: 'anna@example.org', APPLE_APP_SPECIFIC_PASSWORD: 'abcd', APPLE_TEAM_ID: '' };
    const mac = planSigning(env, 'darwin');
    expect(mac.unset.sort()).toEqual(['APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_ID', 'APPLE_TEAM_ID', 'CSC_KEY_PASSWORD', 'CSC_LINK']);
    expect(mac.set).toEqual({ CSC_IDENTITY_AUTO_DISCOVERY: 'false' });
    expect(mac.config).toEqual({ mac: { identity: '-', hardenedRuntime: false } });
    const windows = planSigning(env, 'win32');
    expect(windows.config).toEqual({});
    expect(windows.set).toEqual({ CSC_IDENTITY_AUTO_DISCOVERY: 'false' });
  });

  it('keeps an explicit CSC_IDENTITY_AUTO_DISCOVERY as given', () => {
    expect(planSigning({ CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, 'linux').set).toEqual({});
  });

  it('with a certificate: signs with it, leaves everything as given, notarises on macOS when the Apple secrets are there', () => {
    const env = { CSC_LINK: 'MIIKYAIBAzCC', CSC_KEY_PASSWORD: 'geheim', APPLE_ID: 'anna@example.org', APPLE_APP_SPECIFIC_PASSWORD: 'abcd', APPLE_TEAM_ID: 'AB12CD34EF' };
    const mac = planSigning(env, 'darwin');
    expect(mac).toMatchObject({ unset: [], set: {}, config: {}, notes: ['Getekend en genotariseerd.'] });
    expect(planSigning({ WIN_CSC_LINK: 'C:/cert.pfx' }, 'win32').config).toEqual({});
    expect(planSigning({ WIN_CSC_LINK: 'C:/cert.pfx' }, 'win32').set).toEqual({});
  });
});

describe('a failed download', () => {
  // Shaped as electron-builder reports them (host names replaced).
  const electronDownload = Object.assign(new Error('getaddrinfo ENOTFOUND downloads.invalid'), { name: 'RequestError', code: 'ENOTFOUND' });
  const toolDownload = new Error(
    'Exit code: 1. Command failed: app-builder download-artifact --name fpm\nGet "https://downloads.invalid/fpm.7z": dial tcp: lookup downloads.invalid: no such host',
  );

  it('is recognised from the error of the Electron download and of the tools\' download', () => {
    expect(isDownloadFailure(electronDownload)).toBe(true);
    expect(isDownloadFailure(toolDownload)).toBe(true);
    expect(isDownloadFailure(new Error('build failed', { cause: Object.assign(new Error('socket'), { code: 'ECONNRESET' }) }))).toBe(true);
  });

  it('is not confused with other failures', () => {
    expect(isDownloadFailure(new Error('Invalid configuration object. electron-builder 26.17.0 has been initialized using a configuration object that does not match the API schema.'))).toBe(false);
    expect(isDownloadFailure(Object.assign(new Error("ENOENT: no such file or directory, open 'out/main/index.js'"), { code: 'ENOENT' }))).toBe(false);
    expect(isDownloadFailure('afgebroken')).toBe(false);
  });

  it('is explained: not built here, cannot reach the download host, built by the release workflow, with electron-builder\'s own error', () => {
    const message = downloadFailureMessage(electronDownload);
    expect(message).toContain('De installatiebestanden zijn op deze machine niet gebouwd.');
    expect(message).toContain('deze machine kan de downloadserver niet bereiken:\n    getaddrinfo ENOTFOUND downloads.invalid\n');
    expect(message).toContain('release-workflow (.github/workflows/release.yml)');
    expect(message).toContain('this machine cannot reach the download host');
  });
});
