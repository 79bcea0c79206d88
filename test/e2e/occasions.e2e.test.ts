import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, textOf, useE2eSessions } from './support/harness';
import { heading, item, PIN, radio, toCode, waitSaved, waitWelcome } from './support/kiosk';

/**
 * *MDO-evaluaties*: an MDO is added on the screen of T0, three people fill in its before and after
 * questionnaire through the researcher's form and one through the kiosk, and the screen shows the
 * paired comparison; the network screen keeps listing only T0.
 */

const NETWORK = 'DementieNet Gemert';
const { newSession } = useE2eSessions();

const CORE = ['mdo_doel', 'mdo_wiewat', 'mdo_inbreng', 'mdo_afspraken', 'mdo_samen'];
const AGREE = ['Helemaal oneens', 'Oneens', 'Niet eens, niet oneens', 'Eens', 'Helemaal eens'];

/** Answers the MDO-evaluatie on the page: the role, every core statement with one code, and the mark when given. */
async function answer(page: Page, role: string, core: number, mark?: number) {
  await radio(page, 'mdo_rol', role).click();
  await waitSaved(page, 'mdo_rol');
  for (const id of CORE) {
    await radio(page, id, AGREE[core - 1]!).click();
    await waitSaved(page, id);
  }
  if (mark !== undefined) {
    await radio(page, 'mdo_cijfer', String(mark)).click();
    await waitSaved(page, 'mdo_cijfer');
  }
}

async function fillByForm(page: Page, waveLabel: string, code: string, role: string, core: number, mark?: number) {
  await page.getByRole('button', { name: `Vragenlijst invullen voor meting ${waveLabel}` }).click();
  await page.getByLabel('Respondentcode').fill(code);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByTestId('response-form').waitFor();
  // The moment is filled in from the wave.
  expect(await radio(page, 'mdo_moment', waveLabel.endsWith('(voor)') ? 'Vóór het overleg' : 'Na het overleg').isChecked()).toBe(true);
  await answer(page, role, core, mark);
  await page.getByRole('button', { name: 'Inleveren' }).click();
  await page.getByTestId('thank-you').waitFor();
  await page.getByRole('button', { name: 'Terug naar het netwerk' }).first().click();
  await page.getByRole('button', { name: 'MDO-evaluaties van meting T0' }).click();
  await heading(page, /MDO-evaluaties: T0/).waitFor();
}

describe('MDO-evaluaties', () => {
  it('adds an MDO, takes before and after questionnaires by form and kiosk, and shows the paired comparison', async () => {
    const session = await newSession();
    const { page, call, db } = session;
    const network = await call('createNetwork', { name: NETWORK });
    await call('updateNetworkSettings', { networkId: network.id, consentNl: null, consentEn: null, codePolicy: 'free', idleSeconds: 120, minGroupSize: 3 });
    await call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: '2026-03-01', instruments: [{ instrumentId: 'kansrijke-samenwerking', version: 1 }] });
    await call('setResearcherPin', { pin: PIN, currentPin: null });

    await page.goto(session.harness.url);
    await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
    await page.getByRole('button', { name: 'MDO-evaluaties van meting T0' }).click();
    await heading(page, /MDO-evaluaties: T0/).waitFor();
    await page.getByLabel('Naam van het MDO').fill('MDO 12 maart');
    await page.getByLabel(/Datum van het overleg/).fill('2026-03-12');
    await page.getByRole('button', { name: 'MDO toevoegen' }).click();
    expect(await textOf(page.getByTestId('occasion-form-status'))).toBe('Het MDO ‘MDO 12 maart’ is toegevoegd, met een meting vóór en een meting na.');
    await page.getByTestId('occasion-MDO 12 maart').waitFor();
    // Too few people yet: no numbers.
    expect(await textOf(page.getByTestId('occasion-pooled'))).toContain('0 personen vulden vóór én na in, minder dan 3');

    // --- Three people by the form: core before → after 3 → 4, 2 → 4, 4 → 4 -------------------------
    await fillByForm(page, 'MDO 12 maart (voor)', 'PER-1', 'Professional', 3);
    await fillByForm(page, 'MDO 12 maart (voor)', 'PER-2', 'Naaste (familielid of vriend)', 2);
    await fillByForm(page, 'MDO 12 maart (voor)', 'PER-3', 'Cliënt', 4);
    await fillByForm(page, 'MDO 12 maart (na)', 'PER-1', 'Professional', 4, 8);
    await fillByForm(page, 'MDO 12 maart (na)', 'PER-2', 'Naaste (familielid of vriend)', 4, 7);
    await fillByForm(page, 'MDO 12 maart (na)', 'PER-3', 'Cliënt', 4, 9);
    expect(await textOf(page.getByTestId('moment-MDO 12 maart (voor)'))).toContain('3 begonnen, 3 ingeleverd');

    // Three pairs, differences 1, 2, 0: mean +1,00; R t.test(c(4,4,4), c(3,2,4), paired = TRUE): p = 0,225, 95% CI −1,48 to 3,48.
    const pooled = page.getByTestId('occasion-pooled');
    expect(await textOf(pooled)).toContain('3 ingeleverd vóór, 3 na; 3 personen vulden vóór én na in.');
    expect(await textOf(pooled)).toContain('Rapportcijfer na afloop: 8,0 (n = 3).');
    const kern = pooled.getByTestId('group-all').getByRole('row', { name: /Kern van het overleg/ });
    expect(await kern.getByRole('cell').allTextContents()).toEqual(['3', '3,00', '4,00', '+1,00', '[-1,48; +3,48]', '0,225']);
    await page.screenshot({ path: '/tmp/netwerkspiegel-occasions.png', fullPage: true });
    const axe = await axeViolations(page);
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);

    // --- The questionnaires of the before wave, and its paper entry, open like any wave's ---------------
    await page.getByRole('button', { name: 'Ingevulde vragenlijsten van meting MDO 12 maart (voor)' }).click();
    await heading(page, /Ingevulde vragenlijsten: MDO 12 maart \(voor\)/).waitFor();
    for (const code of ['PER-1', 'PER-2', 'PER-3']) await page.getByText(code, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Terug naar het netwerk' }).first().click();
    await page.getByRole('button', { name: 'MDO-evaluaties van meting T0' }).click();
    await page.getByRole('button', { name: 'Papier invoeren voor meting MDO 12 maart (na)' }).click();
    await heading(page, /MDO 12 maart \(na\)/).waitFor();
    await page.screenshot({ path: '/tmp/netwerkspiegel-occasions-paper.png', fullPage: true });
    await page.getByRole('button', { name: 'Terug naar het netwerk' }).first().click();

    // --- The network screen lists only T0 -----------------------------------------------------------
    await page.getByRole('button', { name: 'MDO-evaluaties van meting T0' }).waitFor();
    expect(await page.getByRole('button', { name: /^Vragenlijst invullen voor meting/ }).count()).toBe(1);
    // A new measurement wave is not offered the MDO evaluation: it belongs in an MDO's own waves.
    const waveForm = page.getByTestId('wave-form');
    await waveForm.getByRole('checkbox', { name: /Kansrijke samenwerking/ }).waitFor();
    expect(await waveForm.getByRole('checkbox', { name: /MDO-evaluatie/ }).count()).toBe(0);

    // --- A fourth person after the meeting, in the kiosk ----------------------------------------------
    await page.getByRole('button', { name: 'MDO-evaluaties van meting T0' }).click();
    await heading(page, /MDO-evaluaties: T0/).waitFor();
    await page.getByRole('button', { name: 'Afnamemodus starten voor meting MDO 12 maart (na)' }).click();
    await page.getByLabel('Pincode', { exact: true }).fill(PIN);
    await page.getByRole('button', { name: 'Afnamemodus starten voor meting MDO 12 maart (na)' }).click();
    await waitWelcome(page);
    await toCode(page);
    await page.getByLabel('Uw code').fill('PER-4');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await heading(page, 'Over dit overleg').waitFor();
    expect(await radio(page, 'mdo_moment', 'Na het overleg').isChecked()).toBe(true);
    await radio(page, 'mdo_rol', 'Mantelzorger').click();
    await waitSaved(page, 'mdo_rol');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await heading(page, 'Het overleg').waitFor();
    await item(page, 'mdo_doel').waitFor();
    await radio(page, 'mdo_doel', 'Eens').click();
    await waitSaved(page, 'mdo_doel');
    await page.screenshot({ path: '/tmp/netwerkspiegel-occasions-kiosk.png', fullPage: true });
    await page.getByRole('button', { name: 'Naar controleren' }).click();
    await page.getByTestId('kiosk-review').waitFor();
    await page.getByTestId('kiosk-submit').click();
    await page.getByTestId('kiosk-thanks').waitFor();
    const rows = db
      .prepare(
        `SELECT w.label, r.status, (SELECT value FROM answers a WHERE a.response_id = r.id AND a.item_id = 'mdo_moment') AS moment
         FROM responses r JOIN respondents p ON p.id = r.respondent_id JOIN waves w ON w.id = r.wave_id WHERE p.code = 'PER-4'`,
      )
      .all();
    expect(rows).toEqual([{ label: 'MDO 12 maart (na)', status: 'complete', moment: 2 }]);
  });
});
