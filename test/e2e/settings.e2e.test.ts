import { describe, expect, it } from 'vitest';
import { axeViolations, testIdText, type Session, useE2eSessions } from './support/harness';

/**
 * Network settings, respondent codes and their card sheet, the code list enforced in paper entry,
 * and the list of questionnaires with "Hervatten": through the built renderer and the real
 * services, checked against the SQLite file.
 */

const INSTRUMENT = 'kansrijke-samenwerking';
const NETWORK = 'Wijknetwerk De Esch';

interface NetworkRow {
  consentNl: string | null;
  consentEn: string | null;
  codePolicy: string;
  idleSeconds: number;
  minGroupSize: number;
}

const networkRow = (session: Session) =>
  session.db
    .prepare(
      `SELECT consent_nl AS consentNl, consent_en AS consentEn, code_policy AS codePolicy, idle_seconds AS idleSeconds,
         min_group_size AS minGroupSize FROM networks WHERE name = ?`,
    )
    .get(NETWORK) as NetworkRow;

const count = (session: Session, sql: string, ...params: unknown[]) => (session.db.prepare(sql).get(...params) as { n: number }).n;

const { newSession } = useE2eSessions();

describe('network settings, codes, the code list in paper entry and resuming', () => {
  it('saves settings, refuses a bad idle time, prints 12 code cards, enforces the code list and resumes an unfinished response', async () => {
    const session = await newSession();
    const { page } = session;

    const network = await session.call('createNetwork', { name: NETWORK });
    await session.call('createWave', {
      networkId: network.id,
      label: 'T0',
      kind: 'T0',
      plannedDate: null,
      instruments: [{ instrumentId: INSTRUMENT, version: 1 }],
    });
    expect(networkRow(session)).toEqual({ consentNl: null, consentEn: null, codePolicy: 'free', idleSeconds: 180, minGroupSize: 5 });

    await page.goto(session.harness.url);
    await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
    expect(await testIdText(page, 'settings-summary')).toBe('Codes: Vrije codes · minimale groepsgrootte 5 · wachttijd in de afnamemodus 180 seconden');

    // --- Settings ----------------------------------------------------------------------------------
    await page.getByTestId('network-tools').getByRole('button', { name: 'Instellingen' }).click();
    await page.getByRole('heading', { level: 1, name: /Instellingen/ }).waitFor();
    const form = page.getByTestId('settings-form');
    await form.getByLabel('Toestemmingstekst in het Nederlands').fill('Ik doe vrijwillig mee en mag op elk moment stoppen.');
    await form.getByLabel('Toestemmingstekst in het Engels').fill('I take part voluntarily and may stop at any time.');
    await form.getByRole('radio', { name: 'Zelfgemaakte code' }).check();
    await form.getByLabel('Wachttijd in de afnamemodus (seconden)').fill('240');
    await form.getByLabel('Minimale groepsgrootte').fill('6');
    await form.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByTestId('settings-status').getByText('De instellingen zijn opgeslagen.').waitFor();
    const saved: NetworkRow = {
      consentNl: 'Ik doe vrijwillig mee en mag op elk moment stoppen.',
      consentEn: 'I take part voluntarily and may stop at any time.',
      codePolicy: 'self',
      idleSeconds: 240,
      minGroupSize: 6,
    };
    expect(networkRow(session)).toEqual(saved);

    // An idle time of 5 seconds is refused with the main process's Dutch message; nothing changes.
    const audit = count(session, 'SELECT count(*) AS n FROM audit_log');
    await form.getByLabel('Wachttijd in de afnamemodus (seconden)').fill('5');
    await form.getByRole('radio', { name: 'Codelijst' }).check();
    await form.getByRole('button', { name: 'Instellingen opslaan' }).click();
    const error = page.getByTestId('settings-error');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).toContain('Kies ten minste 30 seconden');
    expect(networkRow(session)).toEqual(saved);
    expect(count(session, 'SELECT count(*) AS n FROM audit_log')).toBe(audit);

    const axeSettings = await axeViolations(page);
    expect(axeSettings, JSON.stringify(axeSettings, null, 2)).toEqual([]);
    await page.screenshot({ path: '/tmp/netwerkspiegel-settings.png', fullPage: true });

    // Emptying the consent texts goes back to the standard text (null).
    await form.getByLabel('Wachttijd in de afnamemodus (seconden)').fill('240');
    await form.getByRole('radio', { name: 'Zelfgemaakte code' }).check();
    await form.getByLabel('Toestemmingstekst in het Engels').fill('');
    await form.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByTestId('settings-status').getByText('De instellingen zijn opgeslagen.').waitFor();
    expect(networkRow(session)).toEqual({ ...saved, consentEn: null });
    await page.getByRole('button', { name: 'Terug naar het netwerk' }).click();

    // --- Respondent codes and the card sheet -------------------------------------------------------
    await page.getByTestId('network-tools').getByRole('button', { name: 'Respondentcodes' }).click();
    await page.getByRole('heading', { level: 1, name: /Respondentcodes/ }).waitFor();
    // The network does not use its code list yet, and the screen says so.
    expect(await testIdText(page, 'codes-policy-note')).toContain('Zelfgemaakte code');
    await page.getByLabel('Aantal nieuwe codes').fill('12');
    await page.getByRole('button', { name: 'Codes aanmaken' }).click();
    await page.getByTestId('codes-status').getByText('12 nieuwe codes aangemaakt.').waitFor();
    await page.getByTestId('card-sheet').waitFor();

    const dbCodes = (
      session.db.prepare("SELECT code FROM respondents WHERE network_id = ? AND code_kind = 'assigned'").all(network.id) as { code: string }[]
    ).map((r) => r.code);
    expect(dbCodes).toHaveLength(12);
    const cards = page.getByTestId('code-card');
    expect(await cards.count()).toBe(12);
    const cardCodes = (await page.getByTestId('code-card-code').allTextContents()).map((s) => s.trim());
    expect([...cardCodes].sort()).toEqual([...dbCodes].sort());
    for (const card of await cards.all()) {
      const content = (await card.textContent()) ?? '';
      expect(content).toContain(NETWORK);
      expect(content).toContain('Bewaar dit kaartje: u gebruikt dezelfde code bij de volgende meting');
    }
    expect(await page.getByTestId('code-table').locator('tbody tr').count()).toBe(12);
    const axeCodes = await axeViolations(page);
    expect(axeCodes, JSON.stringify(axeCodes, null, 2)).toEqual([]);
    await page.screenshot({ path: '/tmp/netwerkspiegel-codes.png', fullPage: true });

    // Printed, only the cards remain: no header, no form, no code list.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByTestId('codes-generate').isVisible()).toBe(false);
    expect(await page.getByTestId('code-table').isVisible()).toBe(false);
    expect(await page.getByTestId('codes-print').isVisible()).toBe(false);
    expect(await page.getByTestId('card-sheet').isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/netwerkspiegel-code-cards-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    // "Afdrukken" opens the print dialog (window.print; replaced here so the headless browser does not wait on it).
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByRole('button', { name: 'Afdrukken' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.getByRole('button', { name: 'Terug naar het netwerk' }).click();

    // --- Code list policy, enforced in paper entry -------------------------------------------------
    await page.getByTestId('network-tools').getByRole('button', { name: 'Instellingen' }).click();
    await form.getByRole('radio', { name: 'Codelijst' }).check();
    await form.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByTestId('settings-status').getByText('De instellingen zijn opgeslagen.').waitFor();
    expect(networkRow(session).codePolicy).toBe('assigned');
    await page.getByRole('button', { name: 'Terug naar het netwerk' }).click();
    expect(await testIdText(page, 'settings-summary')).toContain('Codes: Codelijst');
    await page.screenshot({ path: '/tmp/netwerkspiegel-network-tools.png', fullPage: true });

    await page.getByRole('button', { name: 'Papier invoeren voor meting T0' }).click();
    await page.getByTestId('paper-grid').waitFor();
    const respondentsBefore = count(session, 'SELECT count(*) AS n FROM respondents');
    const codeCell = page.getByTestId('paper-code-1');
    await codeCell.fill('ACD-EFG');
    await codeCell.press('Tab');
    const errors = page.getByTestId('paper-errors');
    await errors.getByText('Code ACD-EFG staat niet op de codelijst van dit netwerk').waitFor();
    expect(await codeCell.getAttribute('aria-invalid')).toBe('true');
    expect(count(session, 'SELECT count(*) AS n FROM respondents')).toBe(respondentsBefore);
    expect(count(session, 'SELECT count(*) AS n FROM responses')).toBe(0);

    // An answer typed while the row has no valid code is not stored either.
    await page.getByTestId('paper-cell-1-ks_amb_01').press('4');
    await errors.getByText('Vul eerst een geldige respondentcode in').waitFor();
    expect(await page.getByTestId('paper-cell-1-ks_amb_01').inputValue()).toBe('');
    expect(count(session, 'SELECT count(*) AS n FROM answers')).toBe(0);

    // A code from the list, typed in lower case without the dash, is accepted.
    const listed = dbCodes[0]!;
    await codeCell.fill(listed.replace('-', '').toLowerCase());
    await codeCell.press('Tab');
    await expect.poll(() => codeCell.getAttribute('readonly')).not.toBeNull();
    // Questions 1–3 of the paper form.
    for (const [itemId, key, number] of [
      ['ks_amb_01', '4', 1],
      ['ks_amb_02', '2', 2],
      ['ks_amb_03', '9', 3],
    ] as const) {
      const cell = page.getByTestId(`paper-cell-1-${itemId}`);
      await cell.press(key);
      await expect.poll(() => cell.getAttribute('data-state')).toBe('saved');
      expect(await cell.getAttribute('aria-label')).toBe(`Vraag ${number}, respondent ${listed}`);
    }
    // Left unfinished (no "Rij afronden"): the researcher resumes it later from the list.
    expect(
      session.db
        .prepare(
          `SELECT r.status, r.mode, p.code_kind AS codeKind FROM responses r JOIN respondents p ON p.id = r.respondent_id WHERE p.code = ?`,
        )
        .get(listed),
    ).toEqual({ status: 'in_progress', mode: 'paper', codeKind: 'assigned' });
    await page.getByRole('button', { name: 'Terug naar het netwerk' }).click();

    // --- The list of questionnaires, and "Hervatten" ----------------------------------------------
    await page.getByRole('button', { name: 'Ingevulde vragenlijsten van meting T0' }).click();
    const row = page.getByTestId(`response-row-${listed}`);
    await row.waitFor();
    const cells = (await row.locator('th, td').allTextContents()).map((s) => s.trim());
    expect(cells.slice(0, 4)).toEqual([listed, 'bezig', 'papier', '3']);
    expect(await testIdText(page, 'responses-counts')).toBe('1 begonnen, waarvan 0 ingeleverd en 1 nog bezig.');
    const axeResponses = await axeViolations(page);
    expect(axeResponses, JSON.stringify(axeResponses, null, 2)).toEqual([]);
    await page.screenshot({ path: '/tmp/netwerkspiegel-responses.png', fullPage: true });

    await page.getByRole('button', { name: `Hervatten: vragenlijst van ${listed}` }).click();
    await page.getByTestId('response-form').waitFor();
    expect(await testIdText(page, 'resume-status')).toBe(`Verder met de eerder begonnen vragenlijst van ${listed}: 3 antwoorden zijn al opgeslagen.`);
    const radio = (itemId: string, name: string) => page.getByTestId(`item-${itemId}`).getByRole('radio', { name, exact: true });
    expect(await radio('ks_amb_01', 'Eens').isChecked()).toBe(true);
    expect(await radio('ks_amb_02', 'Oneens').isChecked()).toBe(true);
    expect(await radio('ks_amb_03', 'Weet niet / n.v.t.').isChecked()).toBe(true);
    expect(await radio('ks_amb_04', 'Eens').isChecked()).toBe(false);
    expect(
      session.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'response.resumed'").get(),
    ).toEqual({ n: 1 });

    // Continue where the paper form left off, and hand in.
    await radio('ks_amb_04', 'Neutraal').click();
    await page.getByTestId('saved-ks_amb_04').waitFor();
    await page.getByRole('button', { name: 'Inleveren' }).click();
    await page.getByTestId('thank-you').waitFor();
    const answers = session.db
      .prepare(
        `SELECT a.item_id AS itemId, a.value FROM answers a JOIN responses r ON r.id = a.response_id JOIN respondents p ON p.id = r.respondent_id
         WHERE p.code = ? ORDER BY a.item_id`,
      )
      .all(listed);
    expect(answers).toEqual([
      { itemId: 'ks_amb_01', value: 4 },
      { itemId: 'ks_amb_02', value: 2 },
      { itemId: 'ks_amb_03', value: 9 },
      { itemId: 'ks_amb_04', value: 3 },
    ]);
    expect(session.db.prepare('SELECT status, mode FROM responses').all()).toEqual([{ status: 'complete', mode: 'paper' }]);

    // The code list now shows where the code was used.
    await page.getByRole('button', { name: 'Terug naar het netwerk' }).last().click();
    await page.getByTestId('network-tools').getByRole('button', { name: 'Respondentcodes' }).click();
    expect(await page.getByTestId(`code-row-${listed}`).locator('td').last().textContent()).toBe('T0 (ingeleverd)');

    expect(session.problems).toEqual([]);
  });

  it('throws away an unfinished questionnaire after asking once more, and never a submitted one', async () => {
    const session = await newSession();
    const { page } = session;
    const network = await session.call('createNetwork', { name: NETWORK });
    const wave = await session.call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: INSTRUMENT, version: 1 }] });
    // A paper form started under a mistyped code, and one that was handed in.
    const typo = await session.call('startResponse', { waveId: wave.id, respondentCode: 'TYP0-01', organisationId: null, mode: 'paper' });
    await session.call('saveAnswer', { responseId: typo.id, instrumentId: INSTRUMENT, itemId: 'ks_amb_01', value: 4, text: null });
    const done = await session.call('startResponse', { waveId: wave.id, respondentCode: 'DONE-01', organisationId: null, mode: 'paper' });
    await session.call('completeResponse', { responseId: done.id });

    await page.goto(session.harness.url);
    await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
    await page.getByRole('button', { name: 'Ingevulde vragenlijsten van meting T0' }).click();
    await page.getByTestId('response-row-TYP0-01').waitFor();
    expect(await page.getByTestId('response-row-DONE-01').getByRole('button', { name: /Weggooien/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'Weggooien: onvolledige vragenlijst van TYP0-01' }).click();
    const confirm = page.getByRole('group', { name: 'Bevestig weggooien van de vragenlijst van TYP0-01' });
    expect((await confirm.textContent())?.includes('(1)')).toBe(true);
    // Cancelling keeps everything.
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    expect(session.db.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(2);

    await page.getByRole('button', { name: 'Weggooien: onvolledige vragenlijst van TYP0-01' }).click();
    await confirm.getByRole('button', { name: 'Ja, weggooien' }).click();
    await page.getByTestId('response-row-TYP0-01').waitFor({ state: 'detached' });
    expect(session.db.prepare('SELECT p.code FROM responses r JOIN respondents p ON p.id = r.respondent_id').pluck().all()).toEqual(['DONE-01']);
    expect(session.db.prepare("SELECT count(*) FROM answers WHERE response_id = ?").pluck().get(typo.id)).toBe(0);
    expect(await testIdText(page, 'responses-counts')).toBe('1 begonnen, waarvan 1 ingeleverd en 0 nog bezig.');
    const axe = await axeViolations(page);
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
