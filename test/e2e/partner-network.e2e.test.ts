import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, useE2eSessions } from './support/harness';
import { heading, PIN, toCode, waitWelcome } from './support/kiosk';

/**
 * *Partnernetwerk* in Chromium against the real services and SQLite file: respondents of different
 * organisations answer the relation grid in kiosk mode (one of them on a 360 px wide screen, where
 * every organisation is a card), trust and value appear only for organisations they work with;
 * then the researcher sees the network map and its table on the results screen, with the tie that
 * too few respondents reported left out.
 */

const { newSession } = useE2eSessions();
const PA = 'partnernetwerk';

const row = (page: Page, itemId: string, organisationName: string) => page.locator(`[data-testid^="item-${itemId}-"][data-organisation="${organisationName}"]`);

/**
 * One kiosk respondent: code, organisation at "Over u", then how often they work with each partner
 * (and trust where asked), by clicking or, with `keys`, with the keyboard (a digit picks the option
 * at that place in the row that is next, N the "ken ik niet").
 */
async function respond(page: Page, code: string, organisation: string, often: Record<string, string>, trust: Record<string, string> = {}, shot?: string, keys?: string[]) {
  await toCode(page);
  await page.getByLabel('Uw code').fill(code);
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByTestId('kiosk-organisation').getByRole('radio', { name: organisation, exact: true }).check();
  await page.getByTestId('kiosk-organisation-status').getByText('Opgeslagen').waitFor();
  await page.getByRole('button', { name: 'Volgende' }).click();
  await heading(page, 'Samenwerking met de partners').waitFor();
  // The own organisation is not asked about.
  expect(await row(page, 'pa_frequentie', organisation).count()).toBe(0);
  if (keys) {
    expect(await page.getByTestId('kiosk-keys').textContent()).toMatch(/N kiest .Ken ik niet \/ weet niet./);
    for (const key of keys) await page.keyboard.press(key);
    for (const [item, chosen] of [['pa_frequentie', often], ['pa_vertrouwen', trust]] as const) {
      for (const [partner, label] of Object.entries(chosen)) await expect.poll(() => row(page, item, partner).getByRole('radio', { name: label, exact: true }).isChecked()).toBe(true);
    }
  } else {
    for (const [partner, label] of Object.entries(often)) await row(page, 'pa_frequentie', partner).getByRole('radio', { name: label, exact: true }).check();
  }
  await page.getByTestId('relation-pa_frequentie-status').getByText('Opgeslagen').waitFor();
  // Trust is asked only about the partners worked with (more often than never).
  const worked = Object.entries(often).filter(([, label]) => label !== 'Nooit' && label !== 'Ken ik niet / weet niet').map(([p]) => p);
  expect(await page.getByTestId('relation-pa_vertrouwen').locator('[data-organisation]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-organisation')))).toEqual(worked);
  if (!keys) for (const [partner, label] of Object.entries(trust)) await row(page, 'pa_vertrouwen', partner).getByRole('radio', { name: label, exact: true }).check();
  if (Object.keys(trust).length > 0) await page.getByTestId('relation-pa_vertrouwen-status').getByText('Opgeslagen').waitFor();
  if (shot) {
    await expectAccessible(page, `relation grid ${shot}`);
    await page.screenshot({ path: `/tmp/netwerkspiegel-partner-grid-${shot}.png`, fullPage: true });
    await page.getByTestId('relation-pa_frequentie').screenshot({ path: `/tmp/netwerkspiegel-partner-grid-${shot}-frequency.png` });
  }
  await page.getByTestId('kiosk-next').click();
  await page.getByTestId('kiosk-review').waitFor();
  await page.getByTestId('kiosk-submit').click();
  await page.getByTestId('kiosk-thanks').waitFor();
  await page.getByRole('button', { name: 'Klaar' }).click();
  await waitWelcome(page);
}

describe('Partnernetwerk: the relation grid in the kiosk, and the network map', () => {
  it('stores what respondents of different organisations said about the others, and shows the ties enough of them reported', async () => {
    const session = await newSession();
    const { page, call } = session;
    const network = await call('createNetwork', { name: 'Wijknetwerk Noord' });
    await call('updateNetworkSettings', { networkId: network.id, consentNl: null, consentEn: null, codePolicy: 'free', idleSeconds: 600, minGroupSize: 3 });
    const org = (name: string) => call('addOrganisation', { networkId: network.id, name, sector: 'zorg', sizeClass: null });
    const thuiszorg = await org('Thuiszorg Noord');
    const huisarts = await org('Huisartsenpraktijk De Linde');
    const welzijn = await org('Welzijn Noord');
    const wave = await call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: PA, version: 1 }] });
    await call('setResearcherPin', { pin: PIN, currentPin: null });
    await call('startKiosk', { waveId: wave.id, pin: PIN });
    await page.goto(session.harness.url);
    await waitWelcome(page);

    // Three of Thuiszorg work with the GP practice (weekly, monthly, weekly) and never with Welzijn;
    // one of the GP practice works with Thuiszorg monthly. The first on a laptop, the last on a phone-sized screen.
    await respond(page, 'TZ-001', 'Thuiszorg Noord', { 'Huisartsenpraktijk De Linde': 'Wekelijks', 'Welzijn Noord': 'Nooit' }, { 'Huisartsenpraktijk De Linde': 'Heel erg' }, 'desktop');
    await respond(page, 'TZ-002', 'Thuiszorg Noord', { 'Huisartsenpraktijk De Linde': 'Maandelijks', 'Welzijn Noord': 'Nooit' }, { 'Huisartsenpraktijk De Linde': 'Redelijk' });
    // With the keyboard: 4 (Wekelijks) for the GP practice, N (Ken ik niet) for Welzijn, then 4 (Heel erg) for trust.
    await respond(page, 'TZ-003', 'Thuiszorg Noord', { 'Huisartsenpraktijk De Linde': 'Wekelijks', 'Welzijn Noord': 'Ken ik niet / weet niet' }, { 'Huisartsenpraktijk De Linde': 'Heel erg' }, undefined, ['4', 'n', '4']);
    await page.setViewportSize({ width: 360, height: 780 });
    await respond(page, 'HA-001', 'Huisartsenpraktijk De Linde', { 'Thuiszorg Noord': 'Maandelijks', 'Welzijn Noord': 'Een paar keer per jaar' }, {}, '360');
    await page.setViewportSize({ width: 1280, height: 900 });

    // What the kiosk stored: per response, per organisation, the code chosen.
    const stored = session.db
      .prepare(
        `SELECT p.code, ra.item_id AS item, o.name AS about, ra.value FROM relation_answers ra JOIN responses r ON r.id = ra.response_id
         JOIN respondents p ON p.id = r.respondent_id JOIN organisations o ON o.id = ra.organisation_id WHERE r.status = 'complete' ORDER BY p.code, ra.item_id, o.name`,
      )
      .all();
    expect(stored).toEqual([
      { code: 'HA-001', item: 'pa_frequentie', about: 'Thuiszorg Noord', value: 3 },
      { code: 'HA-001', item: 'pa_frequentie', about: 'Welzijn Noord', value: 2 },
      { code: 'TZ-001', item: 'pa_frequentie', about: 'Huisartsenpraktijk De Linde', value: 4 },
      { code: 'TZ-001', item: 'pa_frequentie', about: 'Welzijn Noord', value: 1 },
      { code: 'TZ-001', item: 'pa_vertrouwen', about: 'Huisartsenpraktijk De Linde', value: 4 },
      { code: 'TZ-002', item: 'pa_frequentie', about: 'Huisartsenpraktijk De Linde', value: 3 },
      { code: 'TZ-002', item: 'pa_frequentie', about: 'Welzijn Noord', value: 1 },
      { code: 'TZ-002', item: 'pa_vertrouwen', about: 'Huisartsenpraktijk De Linde', value: 3 },
      { code: 'TZ-003', item: 'pa_frequentie', about: 'Huisartsenpraktijk De Linde', value: 4 },
      { code: 'TZ-003', item: 'pa_frequentie', about: 'Welzijn Noord', value: 9 },
      { code: 'TZ-003', item: 'pa_vertrouwen', about: 'Huisartsenpraktijk De Linde', value: 4 },
    ]);

    // --- The researcher leaves kiosk mode and opens the results -----------------------------------
    await page.getByTestId('kiosk-researcher').click();
    const dialog = page.getByTestId('kiosk-pin-dialog');
    await dialog.getByLabel('Pincode').fill(PIN);
    await dialog.getByRole('button', { name: 'Afnamemodus verlaten' }).click();
    await page.getByRole('button', { name: 'Netwerk Wijknetwerk Noord openen' }).click();
    await page.getByRole('button', { name: 'Resultaten van netwerk Wijknetwerk Noord' }).click();
    const section = page.getByTestId('partner-network');
    await section.waitFor();
    await expectAccessible(page, 'network map');

    // Thuiszorg → GP practice: 3 reporters, (4 + 3 + 4) / 3 = 3,67; trust (4 + 3 + 4) / 3 = 3,67. The GP practice's
    // one respondent is fewer than 3: its ties are left out (two: to Thuiszorg and to Welzijn).
    const cells = (testId: string) => page.getByTestId(testId).locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.children, (c) => c.textContent?.trim())));
    expect(await cells('partner-network-ties')).toEqual([['Thuiszorg Noord', 'Huisartsenpraktijk De Linde', '3', '3,67', '3,67', '–', 'nee']]);
    expect(await page.getByTestId('partner-network-suppressed').textContent()).toBe('2 verbindingen staan er niet bij: minder dan 3 respondenten meldden ze.');
    // Density 1 of 3 × 2 = 6 possible ties: 17%; reciprocity 0%. Centrality: degree / 2.
    expect(await page.getByTestId('partner-network-figures').locator('dd').allTextContents()).toEqual(['4', '1', '17%', '0%']);
    expect(await cells('partner-network-organisations')).toEqual([
      ['Huisartsenpraktijk De Linde', '0', '1', '0,00', '0,50', '0,50', '3,67 (n = 3)', '–'],
      ['Thuiszorg Noord', '1', '0', '0,50', '0,00', '0,50', '–', '–'],
      ['Welzijn Noord', '0', '0', '0,00', '0,00', '0,00', '–', '–'],
    ]);
    expect(await page.getByTestId('partner-network-map').getByTestId('partner-network-tie').count()).toBe(1);
    expect(await page.getByTestId('partner-network-map').getByTestId('partner-network-node').allTextContents()).toEqual([huisarts.name, thuiszorg.name, welzijn.name]);
    await section.screenshot({ path: '/tmp/netwerkspiegel-partner-map.png' });

    // The edge list as CSV, read back with a CSV parser: the shown tie only, numbers with a decimal comma.
    await page.getByTestId('partner-network-export').click();
    await page.getByTestId('partner-network-export-status').getByText(/zijn opgeslagen in/).waitFor();
    const [file] = readdirSync(session.exportDir).filter((f) => f.endsWith('.csv'));
    const csv = Papa.parse<string[]>(readFileSync(join(session.exportDir, file!), 'utf8').replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true });
    expect(csv.data).toEqual([
      ['meting', 'van', 'naar', 'respondenten', 'frequentie_gem', 'vertrouwen_gem', 'waarde_gem', 'wederzijds'],
      ['T0', 'Thuiszorg Noord', 'Huisartsenpraktijk De Linde', '3', String(11 / 3).replace('.', ','), String(11 / 3).replace('.', ','), '', '0'],
    ]);
    expect(session.problems).toEqual([]);
  });

  it('in the researcher\'s form: the grid leaves out the respondent\'s organisation, saves each choice, and comes back when the form is resumed', async () => {
    const session = await newSession();
    const { page, call } = session;
    const network = await call('createNetwork', { name: 'Wijknetwerk Zuid' });
    const org = (name: string) => call('addOrganisation', { networkId: network.id, name, sector: 'zorg', sizeClass: null });
    await org('Thuiszorg Zuid');
    const welzijn = await org('Welzijn Zuid');
    const wave = await call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: PA, version: 1 }] });
    await page.goto(session.harness.url);
    await page.getByRole('button', { name: 'Netwerk Wijknetwerk Zuid openen' }).click();
    await page.getByRole('button', { name: 'Vragenlijst invullen voor meting T0' }).click();
    await page.getByLabel('Respondentcode').fill('R-001');
    await page.getByLabel(/Organisatie/).selectOption({ label: 'Thuiszorg Zuid' });
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByTestId('response-form').waitFor();
    expect(await page.getByTestId('relation-pa_frequentie').locator('[data-organisation]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-organisation')))).toEqual(['Welzijn Zuid']);
    // No trust question before the frequency says they work together.
    expect(await page.getByTestId('relation-pa_vertrouwen-none').textContent()).toMatch(/met geen van de organisaties samen/);
    await row(page, 'pa_frequentie', 'Welzijn Zuid').getByRole('radio', { name: 'Wekelijks', exact: true }).check();
    await row(page, 'pa_vertrouwen', 'Welzijn Zuid').getByRole('radio', { name: 'Redelijk', exact: true }).check();
    await page.getByTestId('relation-pa_vertrouwen-status').getByText('Opgeslagen').waitFor();
    // Frequency and trust are answered about every organisation they ask about; value is not yet.
    expect(await page.getByTestId('progress-text').textContent()).toBe('2 van 3 vragen beantwoord');
    await expectAccessible(page, 'relation grid in the researcher\'s form');

    // Resumed later (from the list of questionnaires): the choices are there again.
    const [response] = await call('listResponses', { waveId: wave.id });
    const resumed = await call('getResponse', { responseId: response!.id });
    expect(resumed.relationAnswers.map((a) => [a.itemId, a.organisationId, a.value])).toEqual([
      ['pa_frequentie', welzijn.id, 4],
      ['pa_vertrouwen', welzijn.id, 3],
    ]);
    await page.reload();
    await page.getByRole('button', { name: 'Netwerk Wijknetwerk Zuid openen' }).click();
    await page.getByRole('button', { name: 'Vragenlijst invullen voor meting T0' }).click();
    await page.getByLabel('Respondentcode').fill('R-001');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByTestId('response-form').waitFor();
    expect(await row(page, 'pa_frequentie', 'Welzijn Zuid').getByRole('radio', { name: 'Wekelijks', exact: true }).isChecked()).toBe(true);
    expect(await row(page, 'pa_vertrouwen', 'Welzijn Zuid').getByRole('radio', { name: 'Redelijk', exact: true }).isChecked()).toBe(true);
    await page.getByTestId('relation-pa_frequentie').screenshot({ path: '/tmp/netwerkspiegel-partner-grid-form.png' });
    expect(session.problems).toEqual([]);
  });
});
