import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PHONE_PAGE_CSP } from '../../electron/services/meeting/server';
import { axeViolations, expectAccessible, useE2eSessions } from './support/harness';
import { apiAt, setUpWave, startChildHarness } from './support/kiosk';
import { answerAllPages, beginOnPhone, openPhone, submitOnPhone, type Phone } from './support/meeting';

/**
 * Meeting mode end to end: the researcher's screen in Chromium starts the mode for a wave, and
 * phones (Chromium contexts of 360 px, each its own profile) open the address it shows and answer
 * at once, through the real meeting server and SQLite file. Eight phones here (two cores in CI);
 * the benchmark (`npm run bench:meeting`) runs forty. Then the laptop's process is killed
 * mid-questionnaire and started again: the phone shows *Verbinding weg*, tries again, and goes on.
 */

const { newSession, browser, cleanup } = useE2eSessions();
const PHONES = 8;
const ORGANISATIONS = ['Zorggroep Oost', 'Welzijn Hengelo'];

/** The stored answers of one respondent code: item → code. */
function storedAnswers(db: Database.Database, code: string): { status: string; mode: string; answers: Map<string, number> } {
  const response = db.prepare('SELECT r.id, r.status, r.mode FROM responses r JOIN respondents p ON p.id = r.respondent_id WHERE p.code = ?').get(code) as { id: string; status: string; mode: string };
  const rows = db.prepare('SELECT item_id AS itemId, value FROM answers WHERE response_id = ?').all(response.id) as { itemId: string; value: number }[];
  return { status: response.status, mode: response.mode, answers: new Map(rows.map((r) => [r.itemId, r.value])) };
}

describe('meeting mode with phones', () => {
  it(`${PHONES} phones answer at once through the whole flow; every saved answer is on disk, each only in its own response`, async () => {
    const session = await newSession();
    const { page, call } = session;
    const { network } = await setUpWave(call, { organisations: ORGANISATIONS, pin: false });

    // The researcher starts meeting mode from the wave.
    await page.goto(session.harness.url);
    await page.getByRole('button', { name: `Netwerk ${network.name} openen` }).click();
    await page.getByRole('button', { name: 'Bijeenkomstmodus voor meting T0: iedereen vult in op de eigen telefoon' }).click();
    await page.getByTestId('meeting-start').waitFor();
    await expectAccessible(page, 'researcher: before the start');
    await page.getByTestId('meeting-start').click();
    await page.getByTestId('meeting-running').waitFor();
    const address = (await page.getByTestId('meeting-address').textContent())!.trim();
    expect(address).toMatch(/^127\.0\.0\.1:\d+\/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expectAccessible(page, 'researcher: meeting running');

    const phones: Phone[] = [];
    for (let i = 0; i < PHONES; i++) phones.push(await openPhone(browser()));
    cleanup(async () => {
      for (const phone of phones) await phone.context.close();
    });

    // Everyone at once: code TEL-0i, the organisation by turns, answer option by turns.
    const seen = await Promise.all(
      phones.map(async (phone, i) => {
        await beginOnPhone(phone.page, `http://${address}`, `TEL-0${i}`, ORGANISATIONS[i % 2]!);
        const saved = await answerAllPages(phone.page, i, 2);
        // No phone sees another's answers: its review counts only what it answered itself.
        const review = (await phone.page.getByTestId('kiosk-review-count').textContent())!;
        await submitOnPhone(phone.page);
        return { saved, review };
      }),
    );

    for (let i = 0; i < PHONES; i++) {
      const stored = storedAnswers(session.db, `TEL-0${i}`);
      expect([stored.status, stored.mode]).toEqual(['complete', 'meeting']);
      // Exactly what this phone saw saved: nothing lost, nothing of another phone.
      expect(stored.answers).toEqual(seen[i]!.saved);
      expect(seen[i]!.review).toContain(`${seen[i]!.saved.size} van`);
      expect(phones[i]!.problems).toEqual([]);
    }

    // The researcher's counts per organisation, live, without answers.
    await page.getByTestId('meeting-live').getByText(`${PHONES} van ${PHONES} ingeleverd`).waitFor();
    // Each phone opened the page once: what the researcher's check on their own phone would show first.
    expect((await page.getByTestId('meeting-opened').textContent())!.trim()).toBe(`De pagina is ${PHONES} keer geopend op een telefoon.`);
    const rows = await page.getByTestId('meeting-counts').locator('tbody tr').allTextContents();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([`Welzijn Hengelo${PHONES / 2}${PHONES / 2}`, `Zorggroep Oost${PHONES / 2}${PHONES / 2}`, `Totaal${PHONES}${PHONES}`]);
    await page.screenshot({ path: '/tmp/netwerkspiegel-meeting-researcher.png', fullPage: true });

    // Ending the mode: the address stops working.
    await page.getByTestId('meeting-end').click();
    await page.getByTestId('meeting-end-confirm').click();
    await page.getByTestId('meeting-ended').waitFor();
    await expect(fetch(`http://${address}`)).rejects.toThrow();
    expect((await call('getMeetingState', {})).meeting).toBeNull();
    expect(session.problems).toEqual([]);
  }, 180_000);

  it('the phone page at 360 px passes axe on every step, in Dutch and English', async () => {
    const session = await newSession();
    const { wave } = await setUpWave(session.call, { organisations: ORGANISATIONS, pin: false });
    const { meeting } = await session.call('startMeeting', { waveId: wave.id, address: '127.0.0.1' });
    const phone = await openPhone(browser());
    cleanup(() => phone.context.close());
    const { page } = phone;
    const found: Record<string, unknown> = {};
    const check = async (screen: string) => {
      const severe = await axeViolations(page);
      if (severe.length > 0) found[screen] = severe;
      await page.screenshot({ path: `/tmp/netwerkspiegel-meeting-phone-${screen}.png`, fullPage: true });
    };
    const served = await page.goto(meeting!.url);
    // The page's strict policy, as a header too (with frame-ancestors, which a meta tag cannot carry).
    expect(served!.headers()['content-security-policy']).toBe(PHONE_PAGE_CSP);
    await page.getByTestId('kiosk-welcome').waitFor();
    await check('welcome');
    // No researcher button on a phone.
    expect(await page.getByTestId('kiosk-researcher').count()).toBe(0);
    await page.getByTestId('kiosk-language-en').click();
    await page.getByTestId('kiosk-start').click();
    await page.getByTestId('kiosk-consent').waitFor();
    await check('consent-en');
    await page.getByRole('button', { name: 'I take part', exact: true }).click();
    await page.getByTestId('kiosk-code').waitFor();
    await check('code-en');
    await page.getByTestId('kiosk-code-input').fill('TEL-AXE');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByTestId('kiosk-about').waitFor();
    await check('about-en');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByTestId('kiosk-page').waitFor();
    await check('page-en');
    // Nothing on the page is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    while ((await page.getByTestId('kiosk-review').count()) === 0) await page.getByTestId('kiosk-next').click();
    await check('review-en');
    await page.getByTestId('kiosk-submit').click();
    await page.getByTestId('kiosk-thanks').waitFor();
    await check('thanks-en');
    expect(found).toEqual({});
    expect(phone.problems).toEqual([]);
  });

  it('a reloaded phone comes back to its own questionnaire; Stoppen keeps it unfinished and starts the page afresh', async () => {
    const session = await newSession();
    const { wave } = await setUpWave(session.call, { organisations: ORGANISATIONS, pin: false });
    const { meeting } = await session.call('startMeeting', { waveId: wave.id, address: '127.0.0.1' });
    const phone = await openPhone(browser());
    cleanup(() => phone.context.close());
    const { page } = phone;
    await beginOnPhone(page, meeting!.url, 'TEL-RELOAD', null);
    await page.getByTestId('item-ks_amb_01').getByRole('radio', { name: 'Oneens', exact: true }).click();
    await page.getByTestId('saved-ks_amb_01').waitFor();

    // The phone's browser reloads the tab (switching apps can do that): back on the questions, with the answer.
    await page.reload();
    await page.getByTestId('kiosk-response').waitFor();
    expect(await page.getByTestId('item-ks_amb_01').getByRole('radio', { name: 'Oneens', exact: true }).isChecked()).toBe(true);

    await page.getByTestId('kiosk-stop').click();
    const dialog = page.getByTestId('kiosk-stop-dialog');
    expect((await dialog.locator('p').textContent())!.trim()).toBe('Wat u al heeft ingevuld, blijft bewaard als onvolledige vragenlijst. Verder invullen kan daarna niet meer op deze telefoon.');
    await dialog.getByRole('button', { name: 'Ja, stoppen' }).click();
    await page.getByTestId('kiosk-welcome').waitFor();
    // A reload now starts afresh: the phone forgot its questionnaire.
    await expect.poll(async () => (await session.call('getMeetingState', {})).meeting!.started).toBe(1);
    await page.reload();
    await page.getByTestId('kiosk-welcome').waitFor();
    const stored = storedAnswers(session.db, 'TEL-RELOAD');
    expect([stored.status, Object.fromEntries(stored.answers)]).toEqual(['in_progress', { ks_amb_01: 2 }]);
    expect(phone.problems).toEqual([]);
  });

  it('the laptop is killed mid-questionnaire: the phone shows Verbinding weg, tries again, and carries on where it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netwerkspiegel-meeting-kill-'));
    cleanup(() => rmSync(dir, { recursive: true, force: true }));
    const databasePath = join(dir, 'netwerkspiegel.sqlite');
    let laptop = await startChildHarness(databasePath, join(dir, 'exports'));
    cleanup(() => laptop.kill('SIGKILL'));
    const call = apiAt(laptop.url);
    const { wave } = await setUpWave(call, { organisations: ORGANISATIONS, pin: false });
    const { meeting } = await call('startMeeting', { waveId: wave.id, address: '127.0.0.1' });

    const phone = await openPhone(browser());
    cleanup(() => phone.context.close());
    const { page } = phone;
    await beginOnPhone(page, meeting!.url, 'TEL-KILL', 'Zorggroep Oost');
    const item = (id: string) => page.getByTestId(`item-${id}`);
    await item('ks_amb_01').getByRole('radio', { name: 'Eens', exact: true }).click();
    await page.getByTestId('saved-ks_amb_01').waitFor();

    // The laptop's process dies (as at a power cut); the respondent answers the next question.
    await laptop.kill('SIGKILL');
    await item('ks_amb_02').getByRole('radio', { name: 'Oneens', exact: true }).click();
    await page.getByTestId('phone-offline').waitFor();
    expect((await page.getByTestId('phone-offline').textContent())!).toContain('Verbinding weg.');
    // Not shown as saved while the laptop is away.
    expect(await page.getByTestId('saved-ks_amb_02').count()).toBe(0);
    await page.screenshot({ path: '/tmp/netwerkspiegel-meeting-phone-offline.png' });
    expect(await axeViolations(page)).toEqual([]);

    // The app starts again on the same file: it listens on the same address, and the phone's retry gets through.
    laptop = await startChildHarness(databasePath, join(dir, 'exports'));
    await page.getByTestId('saved-ks_amb_02').waitFor();
    await page.getByTestId('phone-offline').waitFor({ state: 'detached' });
    await item('ks_amb_03').getByRole('radio', { name: 'Helemaal eens', exact: true }).click();
    await page.getByTestId('saved-ks_amb_03').waitFor();
    await page.getByTestId('kiosk-next').click();
    // Straight on to the end: the questionnaire is the same one, with its three answers.
    for (;;) {
      const next = page.getByTestId('kiosk-next');
      if ((await page.getByTestId('kiosk-review').count()) > 0) break;
      await next.click();
    }
    await expect.poll(() => page.getByTestId('kiosk-review-count').textContent()).toContain('3 van');
    await submitOnPhone(page);

    await laptop.kill('SIGKILL');
    const db = new Database(databasePath, { readonly: true, fileMustExist: true });
    try {
      const stored = storedAnswers(db, 'TEL-KILL');
      expect(stored.status).toBe('complete');
      // Eens 4, Oneens 2, Helemaal eens 5 on the five-point agreement scale.
      expect(Object.fromEntries(stored.answers)).toEqual({ ks_amb_01: 4, ks_amb_02: 2, ks_amb_03: 5 });
    } finally {
      db.close();
    }
    expect(phone.problems).toEqual([]);
  }, 120_000);
});
