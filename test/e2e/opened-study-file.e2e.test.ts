import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OpenedStudyFile } from '../../shared/contract';
import { HARNESS_HOOK } from '../harness/server';
import { textOf, useE2eSessions } from './support/harness';
import { heading, KS, PIN, setUpWave, waitWelcome } from './support/kiosk';
import { secondLaptop, studyFileContent } from './support/laptops';

/**
 * A study file double-clicked outside the app: the main process reads it and pushes it to the
 * page, which opens the import preview at once. Here the harness plays the main process (see
 * HARNESS_HOOK in test/harness/server.ts); the preview and the import are the real ones.
 */

const { newSession, cleanup } = useE2eSessions();

/** Hands `file` to the page as the main process would; resolves to the number of listeners. */
const openFromOutside = (page: Page, file: OpenedStudyFile) =>
  page.evaluate(([hook, f]) => (window as unknown as Record<string, { openStudyFile: (file: unknown) => number }>)[hook]!.openStudyFile(f), [HARNESS_HOOK, file] as const);

describe('a study file opened from outside the app', () => {
  it('opens the import preview with the file already read; importing stores it', async () => {
    const session = await newSession();
    const b = secondLaptop(cleanup);
    const network = await b.call('createNetwork', { name: 'Palliatieve zorg Rivierenland' });
    const wave = await b.call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    const response = await b.call('startResponse', { waveId: wave.id, respondentCode: 'RIV001', organisationId: null, mode: 'form' });
    await b.call('saveAnswer', { responseId: response.id, instrumentId: KS, itemId: 'ks_amb_01', value: 4, text: null });
    await b.call('completeResponse', { responseId: response.id });
    const content = await studyFileContent(b.call, network.id);

    const { page } = session;
    await page.goto(session.harness.url);
    await heading(page, 'Netwerken').waitFor();
    expect(await openFromOutside(page, { sequence: 1, fileName: 'rivierenland-T0.nwstudie', content })).toBe(1);

    await heading(page, 'Studiebestand importeren').waitFor();
    expect(await textOf(page.getByTestId('merge-opened-file'))).toBe('Geopend: rivierenland-T0.nwstudie');
    await page.getByTestId('merge-preview').waitFor();
    expect(await textOf(page.getByTestId('merge-preview-networks-added'))).toBe('1');
    expect(await textOf(page.getByTestId('merge-preview-responses-added'))).toBe('1');
    expect(await textOf(page.getByTestId('merge-preview-answers-added'))).toBe('1');
    // A preview writes nothing.
    expect(session.db.prepare('SELECT count(*) FROM networks').pluck().get()).toBe(0);

    await page.getByTestId('merge-import').click();
    await page.getByTestId('merge-report').waitFor();
    expect(session.db.prepare('SELECT name FROM networks').pluck().all()).toEqual(['Palliatieve zorg Rivierenland']);
    expect(session.db.prepare("SELECT value FROM answers WHERE item_id = 'ks_amb_01'").pluck().all()).toEqual([4]);
    expect(session.problems).toEqual([]);
  });

  it('shows the main process\'s refusal on the import screen, and a next file replaces the previous one', async () => {
    const session = await newSession();
    const { page } = session;
    await page.goto(session.harness.url);
    await heading(page, 'Netwerken').waitFor();
    const refusal = '"antwoorden.xlsx" is geen studiebestand van Netwerkspiegel: alleen bestanden die eindigen op .nwstudie kunnen worden ingelezen.';
    await openFromOutside(page, { sequence: 1, fileName: 'antwoorden.xlsx', refusal });
    await page.getByTestId('merge-error').waitFor();
    expect(await textOf(page.getByTestId('merge-error'))).toBe(refusal);
    expect(await page.getByTestId('merge-preview').count()).toBe(0);

    // A damaged file gets past the main process (right name, right size) and is refused by the preview.
    await openFromOutside(page, { sequence: 2, fileName: 'kapot.nwstudie', content: '{"format":"iets anders"}' });
    await page.getByTestId('merge-opened-file').getByText('kapot.nwstudie').waitFor();
    await page.getByTestId('merge-error').waitFor();
    expect(await textOf(page.getByTestId('merge-error'))).toContain('Dit is geen Netwerkspiegel-studiebestand. Kies een bestand dat met "Studiebestand exporteren" is gemaakt.');

    // Choosing a file by hand afterwards: the opened file's name is no longer shown.
    await page.getByTestId('merge-file').setInputFiles({ name: 'zelf-gekozen.nwstudie', mimeType: 'application/json', buffer: Buffer.from('{}') });
    await page.getByTestId('merge-opened-file').waitFor({ state: 'detached' });
    expect(session.problems).toEqual([]);
  });

  it('in kiosk mode nothing listens: the respondent keeps the welcome screen', async () => {
    const session = await newSession();
    const { wave } = await setUpWave(session.call);
    await session.call('startKiosk', { waveId: wave.id, pin: PIN });
    const { page } = session;
    await page.goto(session.harness.url);
    await waitWelcome(page);
    expect(await openFromOutside(page, { sequence: 1, fileName: 'twente.nwstudie', content: '{}' })).toBe(0);
    await waitWelcome(page);
    expect(await heading(page, 'Studiebestand importeren').count()).toBe(0);
  });
});
