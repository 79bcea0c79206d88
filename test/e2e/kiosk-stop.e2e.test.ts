import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, testIdText, textOf, useE2eSessions, type Session } from './support/harness';
import { everythingShown, heading, KS, PIN, radio, setUpWave, toCode, waitSaved, waitWelcome } from './support/kiosk';

/**
 * *Stoppen* in kiosk mode, in Chromium against the real services and SQLite file: a respondent
 * stops midway; with the network set to keep, the response stays unfinished with its answers;
 * set to throw away, it is gone; either way the welcome screen is back before the main process
 * has even heard of the stop, with nothing of the respondent on it. What was stored is checked
 * through the harness's API, after the researcher has left kiosk mode with the PIN.
 */

const { newSession } = useE2eSessions();

/**
 * Holds every stopKioskResponse request until `release` is called: whatever the page shows
 * meanwhile, it shows without the main process's answer.
 */
async function holdStops(page: Page): Promise<{ held: () => number; release: () => Promise<void> }> {
  const waiting: Route[] = [];
  await page.route('**/api/stopKioskResponse', (route) => {
    waiting.push(route);
  });
  return {
    held: () => waiting.length,
    release: async () => {
      for (const route of waiting.splice(0)) await route.continue();
      await page.unroute('**/api/stopKioskResponse');
    },
  };
}

/** A respondent begins with `code` and answers the first two questions of Gedeelde ambitie. */
async function answerTwo(page: Page, code: string): Promise<void> {
  await toCode(page);
  await page.getByLabel('Uw code').fill(code);
  await page.getByRole('button', { name: 'Volgende' }).click();
  await heading(page, 'Gedeelde ambitie').waitFor();
  await radio(page, 'ks_amb_01', 'Eens').click();
  await waitSaved(page, 'ks_amb_01');
  await radio(page, 'ks_amb_02', 'Oneens').click();
  await waitSaved(page, 'ks_amb_02');
}

/** Stoppen → "Ja, stoppen", with the stop held back: the welcome screen is there first. Returns the dialog's text. */
async function stopAndSeeWelcome(page: Page, code: string): Promise<string> {
  const stops = await holdStops(page);
  await page.getByTestId('kiosk-stop').click();
  const dialog = page.getByTestId('kiosk-stop-dialog');
  await dialog.waitFor();
  const said = await textOf(dialog.locator('p'));
  await expectAccessible(page, 'stop dialog');
  // The safe answer has focus: Enter or a slip of the hand stops nothing.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Nee, verder invullen');
  await dialog.getByRole('button', { name: 'Ja, stoppen' }).click();
  await waitWelcome(page);
  await expect.poll(stops.held).toBe(1);
  const shown = await everythingShown(page);
  for (const trace of [code, 'Gedeelde ambitie', 'Eens']) expect(shown.includes(trace), trace).toBe(false);
  expect(await page.locator('input, textarea, select').count()).toBe(0);
  const answered = page.waitForResponse('**/api/stopKioskResponse');
  await stops.release();
  await answered;
  return said;
}

/** The researcher leaves kiosk mode; then the responses of the wave as the API lists them. */
async function responsesAfterwards(session: Session, waveId: string) {
  await expect.poll(async () => (await session.call('getKioskState', {})).session?.currentResponseId).toBeNull();
  await session.call('exitKiosk', { pin: PIN });
  return session.call('listResponses', { waveId });
}

describe('Stoppen in kiosk mode', () => {
  it('with the network set to keep: the response stays unfinished with its answers, and the welcome screen is back at once', async () => {
    const session = await newSession();
    const { page, call } = session;
    const { wave } = await setUpWave(call);
    await call('startKiosk', { waveId: wave.id, pin: PIN });
    await page.goto(session.harness.url);
    await waitWelcome(page);

    // No Stoppen on the blank welcome screen: there is nothing to stop.
    expect(await page.getByTestId('kiosk-stop').count()).toBe(0);
    await answerTwo(page, 'STOP-K1');

    // "Nee, verder invullen" (and Escape) change nothing.
    await page.getByTestId('kiosk-stop').click();
    await page.getByTestId('kiosk-stop-dialog').getByRole('button', { name: 'Nee, verder invullen' }).click();
    await page.getByTestId('kiosk-stop-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('kiosk-stop').click();
    await page.getByTestId('kiosk-stop-dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('kiosk-stop-dialog').waitFor({ state: 'detached' });
    expect(await radio(page, 'ks_amb_02', 'Oneens').isChecked()).toBe(true);
    await page.screenshot({ path: '/tmp/netwerkspiegel-kiosk-stop-button.png' });

    const said = await stopAndSeeWelcome(page, 'STOP-K1');
    expect(said).toBe('Wat u al heeft ingevuld, blijft bewaard als onvolledige vragenlijst. Verder invullen kan daarna niet meer op deze laptop.');

    const responses = await responsesAfterwards(session, wave.id);
    expect(responses.map((r) => [r.respondentCode, r.status, r.mode, r.answered])).toEqual([['STOP-K1', 'in_progress', 'kiosk', 2]]);
    const stored = await call('getResponse', { responseId: responses[0]!.id });
    // Eens is 4 and Oneens 2 on the five-point agreement scale.
    expect(stored.answers.map((a) => [a.itemId, a.value])).toEqual([
      ['ks_amb_01', 4],
      ['ks_amb_02', 2],
    ]);
    expect(session.problems).toEqual([]);
  });

  it('with the network set to throw away (chosen in Instellingen): the response is gone, and the consent text said so', async () => {
    const session = await newSession();
    const { page, call } = session;
    const { network, wave } = await setUpWave(call);

    // The researcher chooses "Weggooien" in the network's settings.
    await page.clock.install();
    await page.goto(session.harness.url);
    await page.getByRole('button', { name: 'Netwerk Dementie Twente openen' }).click();
    await page.getByTestId('network-tools').getByRole('button', { name: 'Instellingen' }).click();
    const form = page.getByTestId('settings-form');
    await form.waitFor();
    const choice = page.getByTestId('settings-kiosk-stop');
    expect(await choice.getByRole('radio', { name: 'Bewaren als onvolledige vragenlijst' }).isChecked()).toBe(true);
    await choice.getByRole('radio', { name: 'Weggooien' }).check();
    await form.getByRole('button', { name: 'Instellingen opslaan' }).click();
    const status = page.getByTestId('settings-status');
    await status.getByText('De instellingen zijn opgeslagen.').waitFor();
    expect(await status.getAttribute('class')).toBe('message message-ok');
    await expectAccessible(page, 'settings');
    await page.screenshot({ path: '/tmp/netwerkspiegel-settings-kiosk-stop.png', fullPage: true });
    expect((await call('getNetwork', { networkId: network.id })).network.kioskStop).toBe('discard');
    // The confirmation leaves the view after a few seconds, but stays in the live region.
    await page.clock.fastForward(7_000);
    await expect.poll(() => status.getAttribute('class')).toBe('message message-ok visually-hidden');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await textOf(status)).toBe('De instellingen zijn opgeslagen.');

    await call('startKiosk', { waveId: wave.id, pin: PIN });
    await page.reload();
    await waitWelcome(page);
    await page.getByTestId('kiosk-start').click();
    expect(await testIdText(page, 'kiosk-consent-text')).toContain('u kunt op elk moment stoppen. Wat u al heeft ingevuld, wordt dan weggegooid.');
    // Stoppen before any code: nothing has been stored, and the dialog says so.
    await page.getByTestId('kiosk-stop').click();
    expect(await textOf(page.getByTestId('kiosk-stop-dialog').locator('p'))).toBe('Er is nog niets van u bewaard. Het scherm gaat terug naar het begin voor de volgende persoon.');
    await page.getByTestId('kiosk-stop-confirm').click();
    await waitWelcome(page);

    await page.getByTestId('kiosk-start').click();
    await page.getByTestId('kiosk-consent').waitFor();
    await page.getByRole('button', { name: 'Ik doe mee', exact: true }).click();
    await page.getByLabel('Uw code').fill('STOP-D1');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await heading(page, 'Gedeelde ambitie').waitFor();
    await radio(page, 'ks_amb_01', 'Eens').click();
    await waitSaved(page, 'ks_amb_01');
    const said = await stopAndSeeWelcome(page, 'STOP-D1');
    expect(said).toBe('Wat u al heeft ingevuld, wordt weggegooid. Er blijft niets van uw antwoorden bewaard.');

    expect(await responsesAfterwards(session, wave.id)).toEqual([]);
    expect(session.db.prepare('SELECT count(*) FROM answers').pluck().get()).toBe(0);
    expect(session.db.prepare("SELECT count(*) FROM respondents WHERE code = 'STOP-D1'").pluck().get()).toBe(0);
    expect(session.problems).toEqual([]);
  });

  it('offers Stoppen on every page: code, organisation, Achtergrond, questions and review', async () => {
    const session = await newSession();
    const { page, call } = session;
    const { network } = await setUpWave(call, { organisations: ['Thuiszorg Oost'] });
    const wave = await call('createWave', {
      networkId: network.id,
      label: 'T1',
      kind: 'T1',
      plannedDate: null,
      instruments: [
        { instrumentId: 'achtergrond', version: 1 },
        { instrumentId: KS, version: 1 },
      ],
    });
    await call('startKiosk', { waveId: wave.id, pin: PIN });
    await page.goto(session.harness.url);
    await waitWelcome(page);
    await toCode(page);
    expect(await page.getByTestId('kiosk-stop').isVisible()).toBe(true);
    await page.getByLabel('Uw code').fill('ALLE-P1');
    await page.getByRole('button', { name: 'Volgende' }).click();

    // The organisation page no longer repeats the Achtergrond page's title.
    await heading(page, 'Uw organisatie').waitFor();
    expect(await page.getByTestId('kiosk-stop').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Volgende' }).click();
    await heading(page, 'Over uzelf').waitFor();
    expect(await page.getByTestId('kiosk-stop').isVisible()).toBe(true);
    // The keyboard hint names what N chooses here, not "weet niet".
    expect(await testIdText(page, 'kiosk-keys')).toBe(
      'Met het toetsenbord: een cijfertoets kiest het antwoord op die plaats (1 is het eerste, 0 het tiende), N kiest het eerste antwoord onder de vraag (‘Zeg ik liever niet’ of ‘Niet van toepassing’), Enter gaat naar de volgende pagina.',
    );
    // Every answer's text stays inside its box, at this width and at a narrow one.
    for (const width of [1200, 700]) {
      await page.setViewportSize({ width, height: 900 });
      const overflowing = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.choice')).flatMap((box) => {
          const outer = box.getBoundingClientRect();
          return Array.from(box.querySelectorAll('.choice-label, .choice-help'))
            .filter((label) => {
              const inner = label.getBoundingClientRect();
              return inner.left < outer.left || inner.right > outer.right || label.scrollWidth > label.clientWidth + 1;
            })
            .map((label) => label.textContent);
        }),
      );
      expect(overflowing, `width ${width}`).toEqual([]);
      await page.screenshot({ path: `/tmp/netwerkspiegel-kiosk-achtergrond-${width}.png`, fullPage: true });
    }
    await page.keyboard.press('n');
    await waitSaved(page, 'ag_rol');
    expect(await radio(page, 'ag_rol', 'Zeg ik liever niet').isChecked()).toBe(true);
    await page.keyboard.press('Enter');

    await heading(page, 'Gedeelde ambitie').waitFor();
    expect(await testIdText(page, 'kiosk-keys')).toContain('N kiest ‘Weet niet / n.v.t.’');
    expect(await page.getByTestId('kiosk-stop').isVisible()).toBe(true);
    // Organisation, Achtergrond, then the six pages of Kansrijke samenwerking, then the review: 9 steps.
    for (let step = 4; step <= 9; step++) {
      await page.getByTestId('kiosk-next').click();
      await expect.poll(() => testIdText(page, 'kiosk-progress-text')).toBe(`Stap ${step} van 9`);
    }
    await page.getByTestId('kiosk-review').waitFor();
    expect(await page.getByTestId('kiosk-stop').isVisible()).toBe(true);
    await page.getByTestId('kiosk-submit').click();
    await page.getByTestId('kiosk-thanks').waitFor();
    // Submitted: nothing left to stop.
    expect(await page.getByTestId('kiosk-stop').count()).toBe(0);
    expect(session.problems).toEqual([]);
  });
});
