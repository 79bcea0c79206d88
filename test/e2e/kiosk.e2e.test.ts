import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeAssignedCode } from '../../shared/codes';
import { shimScript } from '../harness/server';
import { expectAccessible, testIdText, useE2eSessions } from './support/harness';
import {
  apiAt,
  controlsOf,
  everythingShown,
  heading,
  item,
  KS,
  PIN,
  radio,
  setUpWave,
  startChildHarness,
  toCode,
  waitSaved,
  waitWelcome,
  type ChildHarness,
} from './support/kiosk';

/**
 * Kiosk mode (afnamemodus) in Chromium against the real services and SQLite file: respondents one
 * after another on one screen, the researcher's PIN, the idle timeout, a crash in the middle of a
 * questionnaire, and axe-core on every kiosk screen. Expected answers are written out by hand.
 */

/** What kiosk mode says for any code that cannot start a questionnaire now (not listed, used before, begun before). */
const CODE_REFUSED = 'Met deze code kunt u nu geen vragenlijst invullen. Vraag de onderzoeker om hulp.';
const ORG_A = 'Thuiszorg Oost';
const ORG_B = 'Welzijn Twente';

const { newSession, browser, cleanup } = useE2eSessions();

const count = (db: Database.Database, sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;

/** Answers stored for a respondent code: item id → value or text. */
function answersOf(db: Database.Database, code: string): Record<string, number | string> {
  const rows = db
    .prepare(
      `SELECT a.item_id AS itemId, a.value, a.text FROM answers a
       JOIN responses r ON r.id = a.response_id JOIN respondents p ON p.id = r.respondent_id
       WHERE p.code = ? AND a.instrument_id = ? ORDER BY a.item_id`,
    )
    .all(code, KS) as { itemId: string; value: number | null; text: string | null }[];
  return Object.fromEntries(rows.map((r) => [r.itemId, r.value ?? r.text!]));
}

interface ResponseRow {
  code: string;
  status: string;
  mode: string;
  language: string;
  consentAt: string | null;
  organisation: string | null;
  codeKind: string;
}
function responsesIn(db: Database.Database): ResponseRow[] {
  return db
    .prepare(
      `SELECT p.code, r.status, r.mode, r.language, r.consent_at AS consentAt, o.name AS organisation, p.code_kind AS codeKind
       FROM responses r JOIN respondents p ON p.id = r.respondent_id LEFT JOIN organisations o ON o.id = r.organisation_id
       ORDER BY r.started_at`,
    )
    .all() as ResponseRow[];
}

/** Presses keys one after another on the current page (the kiosk moves focus to the next question). */
async function pressAll(page: Page, keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

describe('kiosk mode: respondents one after another', () => {
  it('starts from the researcher screen, takes two respondents, and the second sees nothing of the first', async () => {
    const session = await newSession();
    const { page, call, db, harness } = session;
    const { wave } = await setUpWave(call, { organisations: [ORG_A, ORG_B], pin: false });

    // --- The researcher: network screen → "Afnamemodus starten" → PIN (first use) → start --------
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'Netwerk Dementie Twente openen' }).click();
    await page.getByRole('button', { name: 'Afnamemodus starten voor meting T0' }).click();
    await heading(page, /Afnamemodus: meting T0/).waitFor();
    const pinForm = page.getByTestId('kiosk-pin-form');
    for (const label of ['Nieuwe pincode', 'Herhaal de pincode']) {
      const input = pinForm.getByLabel(label);
      expect(await input.getAttribute('type')).toBe('password');
      expect(await input.getAttribute('inputmode')).toBe('numeric');
      expect(await input.getAttribute('autocomplete')).toBe('off');
    }
    await pinForm.getByLabel('Nieuwe pincode').pressSequentially('48a29-13'); // only digits get in
    expect(await pinForm.getByLabel('Nieuwe pincode').inputValue()).toBe(PIN);
    await pinForm.getByLabel('Herhaal de pincode').fill('482914');
    await pinForm.getByRole('button', { name: 'Pincode opslaan' }).click();
    expect(await testIdText(page, 'kiosk-pin-form-error')).toContain('De twee pincodes zijn niet gelijk');
    expect((await call('getKioskState', {})).pinSet).toBe(false);
    await pinForm.getByLabel('Herhaal de pincode').fill(PIN);
    await pinForm.getByRole('button', { name: 'Pincode opslaan' }).click();
    await page.getByTestId('kiosk-start-form').waitFor();
    expect(await testIdText(page, 'kiosk-pin-saved')).toBe('De pincode is opgeslagen.');
    await expectAccessible(page, 'researcher: kiosk setup');
    const startPin = page.getByTestId('kiosk-start-form').getByLabel('Pincode');
    expect(await startPin.getAttribute('autocomplete')).toBe('off');
    await startPin.fill(PIN);
    expect(harness.kioskWindow.on).toBe(false);
    await page.getByRole('button', { name: 'Afnamemodus starten voor meting T0' }).click();

    // --- The kiosk: full screen, no app header or navigation ----------------------------------
    await waitWelcome(page);
    expect(harness.kioskWindow).toEqual({ on: true, changes: [true] });
    expect(await page.locator('.app-header').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Terug naar het netwerk' }).count()).toBe(0);
    expect((await call('getKioskState', {})).session?.waveId).toBe(wave.id);
    await expectAccessible(page, 'welcome');
    await page.screenshot({ path: '/tmp/netwerkspiegel-kiosk-welcome.png' });

    // --- Respondent 1, in English --------------------------------------------------------------
    await page.getByTestId('kiosk-language-en').click();
    await waitWelcome(page, 'Welcome');
    expect(await page.getByTestId('kiosk').getAttribute('lang')).toBe('en');
    await toCode(page, 'I take part');
    // The standard consent text (the network has none of its own).
    expect(await testIdText(page, 'kiosk-code')).toContain('Your code');
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.getByTestId('kiosk-consent').waitFor();
    expect(await testIdText(page, 'kiosk-consent-text')).toContain('Taking part is voluntary');
    await expectAccessible(page, 'consent');
    await page.getByRole('button', { name: 'I take part', exact: true }).click();
    await expectAccessible(page, 'code (free)');
    await page.getByLabel('Your code').fill('k-anna1');
    await page.getByRole('button', { name: 'Next' }).click();

    // "Your organisation": the organisation, saved when chosen.
    await page.getByTestId('kiosk-about').waitFor();
    expect(await testIdText(page, 'kiosk-progress-text')).toBe('Step 1 of 8');
    await page.getByRole('radio', { name: ORG_A }).check();
    await page.getByTestId('kiosk-organisation-status').getByText('Saved').waitFor();
    await expectAccessible(page, 'about you');
    await page.keyboard.press('Enter'); // Enter on an option: next page

    // Page 1, by keyboard only: 4, 5, 3 and N ("don't know") for the four statements.
    await page.getByTestId('kiosk-page').waitFor();
    expect(await testIdText(page, 'kiosk-progress-text')).toBe('Step 2 of 8');
    await heading(page, 'Shared ambition').waitFor();
    expect(await item(page, 'ks_amb_01').textContent()).toContain('Strongly agree'); // the respondent's language
    await pressAll(page, ['4', '5', '3', 'n']);
    for (const id of ['ks_amb_01', 'ks_amb_02', 'ks_amb_03', 'ks_amb_04']) await waitSaved(page, id);
    expect(await radio(page, 'ks_amb_04', 'Don\u2019t know / not applicable').isChecked()).toBe(true);
    // After the last question focus is on "Next", visibly.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('kiosk-next');
    expect(await page.evaluate(() => document.activeElement?.matches(':focus-visible'))).toBe(true);
    await expectAccessible(page, 'question page');
    await page.screenshot({ path: '/tmp/netwerkspiegel-kiosk-question.png' });
    await page.keyboard.press('Enter');

    const keyboardPages: [string, string[], string[]][] = [
      ['Doing justice to interests', ['1', '2', '2', '2'], ['ks_bel_01', 'ks_bel_02', 'ks_bel_03', 'ks_bel_04']],
      ['Good personal collaboration', ['3', '3', '3', '3'], ['ks_per_01', 'ks_per_02', 'ks_per_03', 'ks_per_04']],
      ['Professional organisation', ['5', '4', 'N', '4'], ['ks_org_01', 'ks_org_02', 'ks_org_03', 'ks_org_04']],
      ['Meaningful process', ['2', '2', '2'], ['ks_pro_01', 'ks_pro_02', 'ks_pro_03']], // ks_pro_04 skipped
    ];
    for (const [title, keys, ids] of keyboardPages) {
      await heading(page, title).waitFor();
      await pressAll(page, keys);
      for (const id of ids) await waitSaved(page, id);
      await page.keyboard.press('Enter');
    }

    // The last page: 0 is the tenth option of the 1–10 grade, then the open question.
    await heading(page, 'Finally').waitFor();
    await page.keyboard.press('0');
    await waitSaved(page, 'ks_cijfer');
    expect(await radio(page, 'ks_cijfer', '10').isChecked()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('Anna vertrouwt de wijkverpleging.');
    await page.keyboard.press('Tab'); // leaving the box saves it
    await waitSaved(page, 'ks_open_goed');
    await page.getByRole('button', { name: 'To review' }).click();

    // Review: two questions open, each a way back to it.
    await page.getByTestId('kiosk-review').waitFor();
    expect(await testIdText(page, 'kiosk-review-count')).toBe('You have answered 21 of the 23 questions.');
    expect(await page.getByTestId('kiosk-open-list').getByRole('button').allTextContents()).toEqual([
      expect.stringMatching(/^Question 20: /),
      expect.stringMatching(/^Question 23: What could be better/),
    ]);
    await expectAccessible(page, 'review');
    await page.getByTestId('kiosk-open-ks_pro_04').click();
    await heading(page, 'Meaningful process').waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid^="item-"]')?.getAttribute('data-testid'))).toBe('item-ks_pro_04');
    await page.keyboard.press('4');
    await waitSaved(page, 'ks_pro_04');
    await page.keyboard.press('Enter'); // focus moved to "Next"
    await heading(page, 'Finally').waitFor();
    await page.getByRole('button', { name: 'To review' }).click();
    expect(await testIdText(page, 'kiosk-review-count')).toBe('You have answered 22 of the 23 questions.');

    // Submitting twice in a row submits once and shows no error.
    await page.getByTestId('kiosk-submit').dblclick();
    await page.getByTestId('kiosk-thanks').waitFor();
    expect(await page.getByTestId('kiosk-submit-error').count()).toBe(0);
    await expectAccessible(page, 'thank you');
    await page.screenshot({ path: '/tmp/netwerkspiegel-kiosk-thanks.png' });
    await page.getByRole('button', { name: 'Done' }).click();

    // --- Nothing of respondent 1 is left for respondent 2 ---------------------------------------
    const traces = ['K-ANNA1', 'k-anna1', 'ANNA', 'Anna vertrouwt', ORG_A, 'Shared ambition'];
    const expectBlank = async (where: string) => {
      await waitWelcome(page); // Dutch again
      expect(await page.getByTestId('kiosk').getAttribute('lang'), where).toBe('nl');
      const shown = await everythingShown(page);
      for (const trace of traces) expect(shown.includes(trace), `${where}: ${trace}`).toBe(false);
      expect(await controlsOf(page), where).toEqual([]);
    };
    await expectBlank('after thanks');
    // No history entries: Back leaves the app page (or does nothing), it never shows an earlier screen.
    await page.goBack();
    if (!page.url().startsWith(harness.url)) await page.goForward();
    await expectBlank('after Back');
    await page.reload();
    await expectBlank('after reload');

    // --- Respondent 2, in Dutch, mostly by mouse -----------------------------------------------------
    await page.keyboard.press('Enter'); // the welcome heading has focus: Enter starts
    await page.getByTestId('kiosk-consent').waitFor();
    await page.getByRole('button', { name: 'Ik doe mee', exact: true }).click();
    await page.getByTestId('kiosk-code').waitFor();
    const codeControls = await controlsOf(page);
    expect(codeControls).toEqual([{ type: 'text', value: '', autocomplete: 'off' }]);
    expect(await page.getByTestId('kiosk-code').locator('form').getAttribute('autocomplete')).toBe('off');
    await page.getByLabel('Uw code').fill('K-BERT2');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByTestId('kiosk-about').waitFor();
    expect(await page.locator('input[type="radio"]:checked').count()).toBe(0);
    await page.getByRole('button', { name: 'Volgende' }).click();
    await heading(page, 'Gedeelde ambitie').waitFor();
    expect(await page.locator('input[type="radio"]:checked').count()).toBe(0);
    expect(await page.locator('[data-testid^="saved-"]').count()).toBe(0);
    for (const id of ['ks_amb_01', 'ks_amb_02', 'ks_amb_03', 'ks_amb_04']) {
      await radio(page, id, 'Helemaal eens').click();
      await waitSaved(page, id);
    }
    for (const title of ['Recht doen aan belangen', 'Goed persoonlijk samenwerken', 'Professioneel organiseren', 'Betekenisgevend proces', 'Tot slot']) {
      await page.getByTestId('kiosk-next').click();
      await heading(page, title).waitFor();
      expect(await page.locator('input[type="radio"]:checked').count(), title).toBe(0);
      expect(await page.locator('textarea').evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value)), title).toEqual(
        title === 'Tot slot' ? ['', ''] : [],
      );
    }
    await page.getByTestId('kiosk-next').click();
    expect(await testIdText(page, 'kiosk-review-count')).toBe('U heeft 4 van de 23 vragen beantwoord.');
    await page.getByTestId('kiosk-submit').click();
    await page.getByTestId('kiosk-thanks').waitFor();
    // Without a press the thanks screen goes back to a blank welcome by itself (after 8 s).
    await page.getByTestId('kiosk-welcome').waitFor({ timeout: 15_000 });
    expect(await everythingShown(page)).not.toContain('K-BERT2');

    // --- Someone who declines: back to the start, nothing stored ---------------------------------
    const before = { responses: count(db, 'SELECT count(*) AS n FROM responses'), respondents: count(db, 'SELECT count(*) AS n FROM respondents') };
    await page.getByTestId('kiosk-start').click();
    await page.getByRole('button', { name: 'Ik doe niet mee' }).click();
    await waitWelcome(page);
    expect({ responses: count(db, 'SELECT count(*) AS n FROM responses'), respondents: count(db, 'SELECT count(*) AS n FROM respondents') }).toEqual(before);

    // --- What SQLite holds --------------------------------------------------------------------------
    const rows = responsesIn(db);
    expect(rows.map(({ consentAt, ...rest }) => ({ ...rest, consent: consentAt !== null }))).toEqual([
      { code: 'K-ANNA1', status: 'complete', mode: 'kiosk', language: 'en', organisation: ORG_A, codeKind: 'free', consent: true },
      { code: 'K-BERT2', status: 'complete', mode: 'kiosk', language: 'nl', organisation: null, codeKind: 'free', consent: true },
    ]);
    expect(answersOf(db, 'K-ANNA1')).toEqual({
      ks_amb_01: 4, ks_amb_02: 5, ks_amb_03: 3, ks_amb_04: 9,
      ks_bel_01: 1, ks_bel_02: 2, ks_bel_03: 2, ks_bel_04: 2,
      ks_per_01: 3, ks_per_02: 3, ks_per_03: 3, ks_per_04: 3,
      ks_org_01: 5, ks_org_02: 4, ks_org_03: 9, ks_org_04: 4,
      ks_pro_01: 2, ks_pro_02: 2, ks_pro_03: 2, ks_pro_04: 4,
      ks_cijfer: 10,
      ks_open_goed: 'Anna vertrouwt de wijkverpleging.',
    });
    expect(answersOf(db, 'K-BERT2')).toEqual({ ks_amb_01: 5, ks_amb_02: 5, ks_amb_03: 5, ks_amb_04: 5 });
    // The double click submitted once.
    expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'response.completed'")).toBe(2);

    expect(session.problems).toEqual([]);
  });
});

describe('kiosk mode: the researcher PIN', () => {
  it('keeps the kiosk on after a wrong PIN and leaves it with the right one', async () => {
    const session = await newSession();
    const { page, call, harness } = session;
    const { wave } = await setUpWave(call);
    await call('startKiosk', { waveId: wave.id, pin: PIN });
    expect(harness.kioskWindow.on).toBe(true);

    // The session lives in the database: opening the app shows the kiosk straight away.
    await page.goto(harness.url);
    await waitWelcome(page);
    expect(await page.getByRole('heading', { name: 'Netwerken' }).count()).toBe(0);

    await page.getByTestId('kiosk-researcher').click();
    const dialog = page.getByTestId('kiosk-pin-dialog');
    await dialog.waitFor();
    const pin = dialog.getByLabel('Pincode');
    expect(await pin.getAttribute('type')).toBe('password');
    expect(await pin.getAttribute('autocomplete')).toBe('off');
    expect(await pin.getAttribute('inputmode')).toBe('numeric');
    await expectAccessible(page, 'PIN dialog');
    await pin.fill('1111');
    await dialog.getByRole('button', { name: 'Afnamemodus verlaten' }).click();
    await page.getByTestId('kiosk-pin-error').waitFor();
    expect(await testIdText(page, 'kiosk-pin-error')).toBe('Deze pincode klopt niet. Probeer het opnieuw.');
    expect(await pin.inputValue()).toBe('');
    await expectAccessible(page, 'PIN dialog with an error');
    expect((await call('getKioskState', {})).session).not.toBeNull();
    expect(harness.kioskWindow.on).toBe(true);

    // Escape closes the dialog; the kiosk stays.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await waitWelcome(page);

    await page.getByTestId('kiosk-researcher').click();
    await dialog.getByLabel('Pincode').fill(PIN);
    await dialog.getByRole('button', { name: 'Afnamemodus verlaten' }).click();
    await heading(page, 'Netwerken').waitFor();
    expect(await page.getByTestId('kiosk').count()).toBe(0);
    expect((await call('getKioskState', {})).session).toBeNull();
    expect(harness.kioskWindow).toEqual({ on: false, changes: [true, false] });
    expect(session.problems).toEqual([]);
  });
});

describe('kiosk mode: idle timeout', () => {
  it('asks "Bent u er nog?", and without an answer goes back to a blank welcome keeping the answers as unfinished', async () => {
    const session = await newSession();
    const { page, call, db, harness } = session;
    const { network, wave } = await setUpWave(call);
    // The shortest idle time allowed, and the network's own consent text.
    await call('updateNetworkSettings', {
      networkId: network.id,
      consentNl: 'Dementie Twente vraagt uw mening over de samenwerking.\n\nMeedoen is vrijwillig.',
      consentEn: null,
      codePolicy: 'free',
      idleSeconds: 30,
      minGroupSize: 5,
    });
    await call('startKiosk', { waveId: wave.id, pin: PIN });

    await page.clock.install();
    await page.goto(harness.url);
    await waitWelcome(page);
    await toCode(page);
    await page.getByRole('button', { name: 'Vorige' }).click();
    expect(await testIdText(page, 'kiosk-consent-text')).toBe('Dementie Twente vraagt uw mening over de samenwerking.Meedoen is vrijwillig.');
    await page.getByRole('button', { name: 'Ik doe mee', exact: true }).click();
    await page.getByLabel('Uw code').fill('K-IDLE1');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await heading(page, 'Gedeelde ambitie').waitFor();
    await radio(page, 'ks_amb_01', 'Oneens').click();
    await waitSaved(page, 'ks_amb_01');
    await radio(page, 'ks_amb_02', 'Neutraal').click();
    await waitSaved(page, 'ks_amb_02');

    // 30 s without input: the question. "Ja, ik ga verder" keeps everything.
    await page.clock.fastForward(31_000);
    const idle = page.getByTestId('kiosk-idle');
    await idle.waitFor();
    expect(await idle.getByRole('heading', { name: 'Bent u er nog?' }).count()).toBe(1);
    expect(await testIdText(page, 'kiosk-idle-countdown')).toMatch(/^Zonder antwoord gaat het scherm over \d+ seconden terug naar het begin\.$/);
    await expectAccessible(page, 'idle dialog');
    await page.screenshot({ path: '/tmp/netwerkspiegel-kiosk-idle.png' });
    await idle.getByRole('button', { name: 'Ja, ik ga verder' }).click();
    await idle.waitFor({ state: 'detached' });
    expect(await radio(page, 'ks_amb_02', 'Neutraal').isChecked()).toBe(true);

    // Again quiet, and this time nobody answers.
    await page.clock.fastForward(31_000);
    await idle.waitFor();
    await page.clock.fastForward(31_000);
    await waitWelcome(page);
    expect(await everythingShown(page)).not.toContain('K-IDLE1');
    expect(await page.locator('input').count()).toBe(0);

    // The answers stay, as an unfinished kiosk response; the kiosk holds no response any more.
    await expect.poll(async () => (await call('getKioskState', {})).session?.currentResponseId).toBeNull();
    expect(responsesIn(db).map((r) => [r.code, r.status, r.mode])).toEqual([['K-IDLE1', 'in_progress', 'kiosk']]);
    expect(answersOf(db, 'K-IDLE1')).toEqual({ ks_amb_01: 2, ks_amb_02: 3 });
    expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'response.left_unfinished'")).toBe(1);
    expect(session.problems).toEqual([]);
  });
});

describe('kiosk mode: codes', () => {
  it('makes a self-generated code from three questions and sends only the code; checks a card code before sending it', async () => {
    const session = await newSession();
    const { page, call, db, harness } = session;
    const { network, wave } = await setUpWave(call);
    const settings = { networkId: network.id, consentNl: null, consentEn: null, idleSeconds: 180, minGroupSize: 5 };
    await call('updateNetworkSettings', { ...settings, codePolicy: 'self' });
    await call('startKiosk', { waveId: wave.id, pin: PIN });

    const begun: unknown[] = [];
    page.on('request', (req) => {
      if (req.url().endsWith('/api/kioskBegin')) begun.push(JSON.parse(req.postData() ?? 'null'));
    });

    await page.goto(harness.url);
    await waitWelcome(page);
    await toCode(page);
    await heading(page, 'Uw persoonlijke code').waitFor();
    await expectAccessible(page, 'self code');
    await page.getByRole('button', { name: 'Volgende' }).click();
    for (const field of ['parentLetters', 'birthDay', 'olderSiblings']) await page.getByTestId(`kiosk-self-${field}-error`).waitFor();
    expect(begun).toEqual([]);
    await expectAccessible(page, 'self code with errors');
    for (const control of await controlsOf(page)) expect(control.autocomplete).toBe('off');

    await page.getByLabel(/eerste twee letters/).fill('Ma');
    await page.getByLabel(/dag van de maand/).fill('7');
    await page.getByLabel(/oudere broers en zussen/).selectOption('2');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await heading(page, 'Gedeelde ambitie').waitFor();
    // By hand: M, A + day 07 + 2 older siblings.
    expect(begun).toEqual([{ respondentCode: 'MA072', consent: true, language: 'nl' }]);
    expect(responsesIn(db).map((r) => [r.code, r.codeKind])).toEqual([['MA072', 'self']]);

    // Now a code list: the researcher leaves, changes the policy, hands out cards.
    await call('exitKiosk', { pin: PIN });
    await call('updateNetworkSettings', { ...settings, codePolicy: 'assigned' });
    const { codes } = await call('generateCodes', { networkId: network.id, count: 2 });
    await call('startKiosk', { waveId: wave.id, pin: PIN });
    await page.reload();
    await waitWelcome(page);
    await toCode(page);
    await heading(page, 'Uw code').waitFor();
    await expectAccessible(page, 'card code');

    // A typo is caught on the screen (check character), nothing is sent.
    const card = codes[0]!;
    const typo = card.slice(0, 6) + (card[6] === 'A' ? 'C' : 'A');
    await page.getByLabel('Code van uw kaartje').fill(typo);
    await page.getByRole('button', { name: 'Volgende' }).click();
    expect(await testIdText(page, 'kiosk-code-error')).toContain('Deze code klopt niet');
    expect(begun).toHaveLength(1);
    await expectAccessible(page, 'card code with a hint');

    // A well-formed code that is not on this network's list: the main process decides, and does not
    // say whether the code is on the list (the same sentence as for a code used before).
    const notListed = makeAssignedCode(() => 0);
    expect(codes).not.toContain(notListed);
    await page.getByLabel('Code van uw kaartje').fill(notListed);
    await page.getByRole('button', { name: 'Volgende' }).click();
    await expect.poll(() => testIdText(page, 'kiosk-code-error')).toBe(CODE_REFUSED);

    // The right card, typed in lower case without the dash.
    await page.getByLabel('Code van uw kaartje').fill(card.replace('-', '').toLowerCase());
    await page.getByRole('button', { name: 'Volgende' }).click();
    await heading(page, 'Gedeelde ambitie').waitFor();
    expect(begun.at(-1)).toEqual({ respondentCode: card, consent: true, language: 'nl' });
    expect(responsesIn(db).map((r) => [r.code, r.codeKind])).toEqual([
      ['MA072', 'self'],
      [card, 'assigned'],
    ]);
    expect(session.problems).toEqual([]);
  });

  it('asks the birth month of a second person with the same self-made code, without suggesting a typo, and gives them their own code', async () => {
    const session = await newSession();
    const { page, call, db, harness } = session;
    const { network, wave } = await setUpWave(call);
    await call('updateNetworkSettings', { networkId: network.id, consentNl: null, consentEn: null, codePolicy: 'self', idleSeconds: 180, minGroupSize: 5 });
    await call('startKiosk', { waveId: wave.id, pin: PIN });
    const begun: unknown[] = [];
    page.on('request', (req) => {
      if (req.url().endsWith('/api/kioskBegin')) begun.push(JSON.parse(req.postData() ?? 'null'));
    });

    /** The three facts of both people: MA (Maria), born on the 1st, no older brothers or sisters. */
    const giveFacts = async () => {
      await toCode(page);
      await page.getByLabel(/eerste twee letters/).fill('ma');
      await page.getByLabel(/dag van de maand/).fill('1');
      await page.getByLabel(/oudere broers en zussen/).selectOption('0');
      await page.getByRole('button', { name: 'Volgende' }).click();
    };
    /** On the first page: one answer, then through every page to the review and submit. */
    const answerAndSubmit = async (key: string) => {
      await heading(page, 'Gedeelde ambitie').waitFor();
      await page.keyboard.press(key);
      await waitSaved(page, 'ks_amb_01');
      for (let i = 0; i < 6; i++) await page.getByTestId('kiosk-next').click();
      await page.getByTestId('kiosk-submit').click();
      await page.getByTestId('kiosk-thanks').waitFor();
      await page.getByRole('button', { name: 'Klaar' }).click();
      await waitWelcome(page);
    };

    await page.goto(harness.url);
    await waitWelcome(page);
    // Person 1: the code is free.
    await giveFacts();
    expect(await page.getByTestId('kiosk-birth-month').count()).toBe(0);
    await answerAndSubmit('4');

    // Person 2 makes the same code: a question, not an error.
    await giveFacts();
    await page.getByTestId('kiosk-birth-month').waitFor();
    expect(await testIdText(page, 'kiosk-birth-month-why')).toBe(
      'Iemand anders heeft dezelfde code al gebruikt. Dat komt vaker voor. Kies ook uw geboortemaand, dan krijgt u een eigen code.',
    );
    expect(await page.getByTestId('kiosk-birth-month-why').getAttribute('role')).toBe('status');
    expect(await page.getByTestId('kiosk-code-error').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await testIdText(page, 'kiosk-code')).not.toMatch(/Controleer|klopt niet/);
    // The focus is on the month, which is named and explained.
    const month = page.getByLabel('In welke maand bent u geboren?');
    expect(await month.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await month.getAttribute('aria-describedby')).toBe(await page.getByTestId('kiosk-birth-month-why').getAttribute('id'));
    expect((await month.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await month.locator('option').allTextContents()).toEqual(['Kies…', 'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']);
    await expectAccessible(page, 'self code: birth month');
    await page.screenshot({ path: '/tmp/netwerkspiegel-kiosk-birth-month.png' });
    // Without a month nothing is sent.
    await page.getByRole('button', { name: 'Volgende' }).click();
    expect(await testIdText(page, 'kiosk-birth-month-error')).toBe('Kies een maand.');
    await expectAccessible(page, 'self code: birth month missing');
    await month.selectOption({ label: 'juli' });
    await page.getByRole('button', { name: 'Volgende' }).click();
    await answerAndSubmit('2');

    // Only codes and the month went to the main process; the month only when asked.
    expect(begun).toEqual([
      { respondentCode: 'MA010', consent: true, language: 'nl' },
      { respondentCode: 'MA010', consent: true, language: 'nl' },
      { respondentCode: 'MA010', consent: true, language: 'nl', birthMonth: 7 },
    ]);
    expect(db.prepare('SELECT code, code_kind AS kind FROM respondents ORDER BY code').all()).toEqual([
      { code: 'MA010', kind: 'self' },
      { code: 'MA010-07', kind: 'self' },
    ]);
    expect(responsesIn(db).map((r) => [r.code, r.status, r.mode])).toEqual([
      ['MA010', 'complete', 'kiosk'],
      ['MA010-07', 'complete', 'kiosk'],
    ]);
    expect(answersOf(db, 'MA010')).toEqual({ ks_amb_01: 4 });
    expect(answersOf(db, 'MA010-07')).toEqual({ ks_amb_01: 2 });
    expect(session.problems).toEqual([]);
  });
});

describe('kiosk mode: every built-in questionnaire', () => {
  it('shows each section of each built-in instrument as an accessible page, in Dutch and in English', async () => {
    const session = await newSession();
    const { page, call, db, harness } = session;
    // The newest version of each built-in: a wave holds one version of an instrument.
    const newest = (await call('listInstruments', {})).filter((i, _, all) => i.builtIn && !all.some((o) => o.instrumentId === i.instrumentId && o.version > i.version));
    // Every page is stepped through without answering, so this takes the built-ins whose pages all
    // show and let one go on unanswered; those with required questions and follow-ups (the MDO
    // evaluation) are walked in their own tests (occasions, partner-network).
    const walkable = await Promise.all(newest.map(async (ref) => !(await call('getInstrument', { instrumentId: ref.instrumentId, version: ref.version })).items.some((item) => item.required || item.showWhen)));
    const builtIn = newest.filter((_, i) => walkable[i]);
    expect(builtIn.map((i) => i.instrumentId).sort()).toEqual(['achtergrond', 'interprofessioneel-samenwerken', 'kansrijke-samenwerking', 'netwerkfase', 'partnernetwerk']);
    const network = await call('createNetwork', { name: 'Wijknetwerk Noord' });
    const wave = await call('createWave', {
      networkId: network.id,
      label: 'T0',
      kind: 'T0',
      plannedDate: null,
      instruments: builtIn.map(({ instrumentId, version }) => ({ instrumentId, version })),
    });
    const definitions = await Promise.all(wave.instruments.map((ref) => call('getInstrument', ref)));
    const sections = definitions.flatMap((d) => d.sections.map((s) => ({ nl: s.title.nl, en: s.title.en ?? s.title.nl })));
    await call('setResearcherPin', { pin: PIN, currentPin: null });
    await call('startKiosk', { waveId: wave.id, pin: PIN });

    for (const language of ['nl', 'en'] as const) {
      await page.goto(harness.url);
      await waitWelcome(page);
      if (language === 'en') await page.getByTestId('kiosk-language-en').click();
      await page.getByTestId('kiosk-start').click();
      await page.getByTestId('kiosk-consent').getByRole('button').first().click();
      await page.getByTestId('kiosk-code-input').fill(`K-ALL-${language}`);
      await page.getByTestId('kiosk-code').getByRole('button').last().click();
      for (const [index, title] of sections.entries()) {
        await heading(page, title[language]).waitFor();
        expect(await testIdText(page, 'kiosk-progress-text')).toBe(language === 'nl' ? `Stap ${index + 1} van ${sections.length + 1}` : `Step ${index + 1} of ${sections.length + 1}`);
        await expectAccessible(page, `${language}: ${title[language]}`);
        // Choice options with an explanation (the network phases) show it under the label.
        for (const item of definitions.flatMap((d) => d.items)) {
          if (item.type !== 'choice' || !item.optionHelp) continue;
          const field = page.getByTestId(`item-${item.id}`);
          if ((await field.count()) === 0) continue;
          const helps = (await field.locator('.choice-help').allTextContents()).map((t) => t.trim());
          expect(helps).toEqual(Object.values(item.optionHelp).map((h) => h[language]));
        }
        await page.getByTestId('kiosk-next').click();
      }
      await page.getByTestId('kiosk-review').waitFor();
    }
    expect(responsesIn(db).map((r) => [r.code, r.language])).toEqual([
      ['K-ALL-NL', 'nl'],
      ['K-ALL-EN', 'en'],
    ]);
    expect(session.problems).toEqual([]);
  });
});

describe('kiosk mode: a crash in the middle of a questionnaire', () => {
  it('keeps every answer shown as saved; the kiosk does not reopen the response, the researcher resumes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netwerkspiegel-kiosk-kill-'));
    cleanup(() => rmSync(dir, { recursive: true, force: true }));
    const databasePath = join(dir, 'netwerkspiegel.sqlite');
    const exportDir = join(dir, 'exports');
    const children: ChildHarness[] = [];
    cleanup(async () => {
      for (const c of children) await c.kill('SIGKILL');
    });

    const first = await startChildHarness(databasePath, exportDir);
    children.push(first);
    let call = apiAt(first.url);
    const { wave } = await setUpWave(call);
    await call('startKiosk', { waveId: wave.id, pin: PIN });

    const context = await browser().newContext({ viewport: { width: 1200, height: 900 }, locale: 'nl-NL' });
    cleanup(() => context.close());
    await context.addInitScript(shimScript());
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(first.url);
    await waitWelcome(page);
    await toCode(page);
    await page.getByLabel('Uw code').fill('K-KILL1');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await heading(page, 'Gedeelde ambitie').waitFor();
    const given: Record<string, number> = { ks_amb_01: 4, ks_amb_02: 2, ks_amb_03: 5, ks_amb_04: 1, ks_bel_01: 3 };
    await pressAll(page, ['4', '2', '5', '1']);
    for (const id of ['ks_amb_01', 'ks_amb_02', 'ks_amb_03', 'ks_amb_04']) await waitSaved(page, id);
    await page.keyboard.press('Enter');
    await heading(page, 'Recht doen aan belangen').waitFor();
    await page.keyboard.press('3');
    await waitSaved(page, 'ks_bel_01');
    const shownSaved = await page.locator('[data-testid^="saved-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.slice('saved-'.length)));
    expect(shownSaved).toEqual(['ks_bel_01']);

    // The app dies without warning.
    await first.kill('SIGKILL');

    const second = await startChildHarness(databasePath, exportDir);
    children.push(second);
    call = apiAt(second.url);
    await page.goto(second.url);
    // Straight back into the kiosk, on a blank welcome screen; the response is not resumed here.
    await waitWelcome(page);
    expect(await everythingShown(page)).not.toContain('K-KILL1');
    await expect.poll(async () => (await call('getKioskState', {})).session?.currentResponseId).toBeNull();

    const db = new Database(databasePath, { readonly: true, fileMustExist: true });
    cleanup(() => {
      db.close();
    });
    expect(answersOf(db, 'K-KILL1')).toEqual(given);
    expect(responsesIn(db).map((r) => [r.code, r.status, r.mode])).toEqual([['K-KILL1', 'in_progress', 'kiosk']]);

    // The same code typed in the kiosk does not bring the answers back on screen.
    await toCode(page);
    await page.getByLabel('Uw code').fill('K-KILL1');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByTestId('kiosk-code-error').waitFor();
    // Said without the code and without suggesting a typo: it may also be someone else with the same
    // code; and the same sentence as for a code that is not on a list or was submitted.
    expect(await testIdText(page, 'kiosk-code-error')).toBe(CODE_REFUSED);
    expect(await page.getByTestId('kiosk-page').count()).toBe(0);

    // The researcher leaves kiosk mode and resumes it.
    await page.getByRole('button', { name: 'Vorige' }).click();
    await page.getByRole('button', { name: 'Ik doe niet mee' }).click();
    await waitWelcome(page);
    await page.getByTestId('kiosk-researcher').click();
    await page.getByTestId('kiosk-pin-dialog').getByLabel('Pincode').fill(PIN);
    await page.getByRole('button', { name: 'Afnamemodus verlaten' }).click();
    await heading(page, 'Netwerken').waitFor();
    const [summary] = await call('listResponses', { waveId: wave.id });
    expect(summary).toMatchObject({ respondentCode: 'K-KILL1', status: 'in_progress', answered: 5 });
    const resumed = await call('resumeResponse', { responseId: summary!.id });
    expect(Object.fromEntries(resumed.answers.map((a) => [a.itemId, a.value]))).toEqual(given);
  });
});
