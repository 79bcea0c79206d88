import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, type Session, useE2eSessions } from './support/harness';

/**
 * Paper entry (invoermodus): two paper questionnaires typed into the grid with the keyboard only
 * (Tab and digits), through the built renderer and the real services, then read back from SQLite.
 */

const INSTRUMENT = 'kansrijke-samenwerking';
const NETWORK = 'Palliatief Netwerk Twente';
const ORG_A = 'Hospice De Linde';
const ORG_B = 'Thuiszorg West';

/** The columns in the order of the paper form (checked against the grid's header below). */
const SCALE_ITEMS = ['amb', 'bel', 'per', 'org', 'pro'].flatMap((c) => [1, 2, 3, 4].map((i) => `ks_${c}_0${i}`));
const ITEMS = [...SCALE_ITEMS, 'ks_cijfer', 'ks_open_goed', 'ks_open_beter'];
/** The items' short labels (the indicators' names), as in the definition. */
const LABELS = [
  ...['Mate van gedeeldheid', 'Aantrekkingskracht', 'Samenwerkingsstrategie', 'Persoonlijke betekenis'],
  ...['Oprechte interesse', 'Waardecreatie', 'Onderhandelingsruimte en -bereidheid', 'Kwaliteit van de dialoog'],
  ...['Vermogen tot verbinden', 'Kwaliteit groepsprocessen', 'Vertrouwen', 'Verbindend leiderschap'],
  ...['Effectiviteit', 'Draagvlak', 'Daadkracht', 'Hygiëne in afspraken'],
  ...['Fasering en timing', 'Balans tussen inhoud en proces', 'Rolverdeling en procesregie', 'Proceskwaliteit en proceseffectiviteit'],
  ...['Rapportcijfer', 'Wat gaat goed', 'Wat kan beter'],
];

/**
 * What is on each paper form, item by item, and what is typed for it. `keys` are typed in the
 * cell in this order (a correction or a refused code before the final answer); an empty list
 * leaves the cell empty. `stored` is what the database must hold afterwards.
 */
interface PaperForm {
  code: string;
  typedCode: string;
  organisation: string;
  /** Arrow-down presses in the organisation select (the first option is "Geen of onbekend"). */
  organisationSteps: number;
  typed: Record<string, string[]>;
  stored: Record<string, number | string>;
}

function scaleAnswers(values: number[]): Record<string, number> {
  return Object.fromEntries(SCALE_ITEMS.map((id, i) => [id, values[i]!]));
}

const formA: PaperForm = {
  code: 'P-001',
  typedCode: 'P-001',
  organisation: ORG_A,
  organisationSteps: 1,
  typed: {},
  stored: {
    //            amb          bel          per          org          pro
    ...scaleAnswers([4, 4, 5, 3, 4, 3, 4, 4, 2, 3, 3, 9, 5, 5, 4, 4, 3, 3, 2, 2]),
    ks_cijfer: 8,
    ks_open_goed: 'Fijne samenwerking met de wijkverpleging.',
  },
};
// On form A, ks_bel_02 is first typed as 7 (not on the 1–5 scale): refused, then 3.
formA.typed = { ...typedFrom(formA.stored), ks_bel_02: ['7', '3'] };

const formB: PaperForm = {
  code: 'P-002',
  typedCode: 'p-002', // stored in upper case
  organisation: ORG_B,
  organisationSteps: 2,
  typed: {},
  stored: {
    ...scaleAnswers([4, 1, 2, 3, 5, 5, 5, 5, 1, 1, 1, 1, 2, 3, 4, 5, 9, 9, 3, 3]),
    ks_cijfer: 10,
    ks_open_beter: 'Vaker samen evalueren.',
  },
};
// On form B, ks_amb_01 is typed as 2 and corrected to 4 with the next key.
formB.typed = { ...typedFrom(formB.stored), ks_amb_01: ['2', '4'] };

function typedFrom(stored: Record<string, number | string>): Record<string, string[]> {
  return Object.fromEntries(ITEMS.map((id) => [id, stored[id] === undefined ? [] : [String(stored[id])]]));
}

function answersInDb(session: Session, code: string): Record<string, number | string> {
  const rows = session.db
    .prepare(
      `SELECT a.item_id AS itemId, a.value AS value, a.text AS text
       FROM answers a JOIN responses r ON r.id = a.response_id JOIN respondents p ON p.id = r.respondent_id
       WHERE p.code = ? AND a.instrument_id = ?`,
    )
    .all(code, INSTRUMENT) as { itemId: string; value: number | null; text: string | null }[];
  return Object.fromEntries(rows.map((r) => [r.itemId, (r.value ?? r.text)!]));
}

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);

const { newSession } = useE2eSessions();

/** Types one paper form into row `row`, starting with the focus on its code cell; ends on "Rij afronden". */
async function typeForm(page: Page, session: Session, row: number, form: PaperForm, checks: (itemId: string) => Promise<void>): Promise<void> {
  expect(await focusedTestId(page)).toBe(`paper-code-${row}`);
  await page.keyboard.type(form.typedCode);
  await page.keyboard.press('Tab'); // leaving the code starts the response
  expect(await focusedTestId(page)).toBe(`paper-organisation-${row}`);
  for (let i = 0; i < form.organisationSteps; i++) await page.keyboard.press('ArrowDown');
  for (const itemId of ITEMS) {
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page), `focus on ${itemId}`).toBe(`paper-cell-${row}-${itemId}`);
    for (const keys of form.typed[itemId]!) {
      await page.keyboard.type(keys);
      await checks(itemId);
    }
  }
  await page.keyboard.press('Tab'); // leaving the last (open) cell saves it
  expect(await focusedTestId(page)).toBe(`paper-complete-${row}`);
  // Every typed answer is confirmed (✓) before the row is completed.
  for (const itemId of ITEMS) {
    if (form.stored[itemId] === undefined) continue;
    await expect.poll(() => page.getByTestId(`paper-cell-${row}-${itemId}`).getAttribute('data-state'), { message: `${itemId} saved` }).toBe('saved');
  }
}

describe('paper entry (invoermodus)', () => {
  it('stores two paper questionnaires typed with Tab and digits, refusing a code that is not on the scale', async () => {
    const session = await newSession();
    const { page } = session;

    const network = await session.call('createNetwork', { name: NETWORK });
    const orgA = await session.call('addOrganisation', { networkId: network.id, name: ORG_A, sector: 'zorg', sizeClass: 'lt100' });
    const orgB = await session.call('addOrganisation', { networkId: network.id, name: ORG_B, sector: 'zorg', sizeClass: 'ge100' });
    const wave = await session.call('createWave', {
      networkId: network.id,
      label: 'T0',
      kind: 'T0',
      plannedDate: null,
      instruments: [{ instrumentId: INSTRUMENT, version: 1 }],
    });
    // The organisation select lists the organisations in the order getNetwork returns them.
    const detail = await session.call('getNetwork', { networkId: network.id });
    expect(detail.organisations.map((o) => o.name)).toEqual([ORG_A, ORG_B]);

    await page.goto(session.harness.url);
    await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
    await page.getByRole('button', { name: 'Papier invoeren voor meting T0' }).click();
    const grid = page.getByTestId('paper-grid');
    await grid.waitFor();
    await page.getByRole('heading', { level: 1, name: /Papieren vragenlijsten invoeren: T0/ }).waitFor();

    // One column per item, in the order of the form, headed by the question's number on the paper
    // form and its short label, with the question as tooltip.
    const headers = (await grid.locator('thead th').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
    expect(headers).toEqual(['Respondentcode', 'Organisatie', ...ITEMS.map((_, i) => `Vraag ${i + 1} ${LABELS[i]}`), 'Status']);
    expect(await page.getByTestId('paper-head-ks_amb_01').getAttribute('title')).toBe('De partners in ons netwerk streven dezelfde ambitie na.');

    // The screen opens with the focus on its title; Tab goes straight into the first code cell.
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('paper-code-1');

    // --- Form A, row 1 ---------------------------------------------------------------------------
    // The first answer's save is held on its way: no ✓ until the main process confirmed it.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let seen!: () => void;
    const intercepted = new Promise<void>((resolve) => (seen = resolve));
    let held = false;
    await page.route('**/api/saveAnswer', async (route) => {
      if (!held) {
        held = true;
        seen();
        await gate;
      }
      await route.continue();
    });

    await typeForm(page, session, 1, formA, async (itemId) => {
      const cell = page.getByTestId(`paper-cell-1-${itemId}`);
      if (itemId === 'ks_amb_01') {
        await intercepted;
        expect(await cell.getAttribute('data-state')).toBe('saving');
        expect(await cell.inputValue()).toBe('4');
        expect(await page.locator('.paper-saved-mark').count()).toBe(0);
        expect(answersInDb(session, 'P-001').ks_amb_01).toBeUndefined();
        release();
        await expect.poll(() => cell.getAttribute('data-state')).toBe('saved');
        expect(answersInDb(session, 'P-001').ks_amb_01).toBe(4);
        await page.unroute('**/api/saveAnswer');
      }
      if (itemId === 'ks_bel_02' && (await cell.inputValue()) !== '3') {
        // 7 is refused by the main process: the cell shows its error, naming question 6, and keeps its previous (empty) value.
        await expect.poll(() => cell.getAttribute('data-state')).toBe('error');
        const errors = page.getByTestId('paper-errors');
        expect(await errors.getAttribute('role')).toBe('alert');
        expect(await errors.textContent()).toContain(
          'Vraag 6, respondent P-001: ‘7’ is geen antwoord op deze vraag. Kies een antwoord: 1 tot en met 5 of 9 (Weet niet / n.v.t.).',
        );
        expect(await cell.inputValue()).toBe('');
        expect(await cell.getAttribute('aria-invalid')).toBe('true');
        expect(answersInDb(session, 'P-001').ks_bel_02).toBeUndefined();
        await page.screenshot({ path: '/tmp/netwerkspiegel-paper-error.png' });
      }
    });
    // The refusal is gone once the cell saved a valid code.
    expect(((await page.getByTestId('paper-errors').textContent()) ?? '').trim()).toBe('');
    expect(await page.getByTestId('paper-cell-1-ks_bel_02').inputValue()).toBe('3');

    const axe = await axeViolations(page);
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);

    await page.keyboard.press('Enter'); // Rij afronden
    await page.getByTestId('paper-status-1').waitFor();
    expect(await page.getByTestId('paper-status-1').textContent()).toContain('Ingeleverd');
    // No next row yet: the focus moves to "Rij toevoegen".
    expect(await focusedTestId(page)).toBe('paper-add-row');
    await page.keyboard.press('Enter');
    await page.getByTestId('paper-row-2').waitFor();

    // --- Form B, row 2 ---------------------------------------------------------------------------
    await typeForm(page, session, 2, formB, async () => {});
    await page.screenshot({ path: '/tmp/netwerkspiegel-paper-grid.png', fullPage: false });
    await page.keyboard.press('Enter');
    await page.getByTestId('paper-status-2').waitFor();

    // The completed rows cannot be typed in any more; the code shows as stored.
    expect(await page.getByTestId('paper-cell-1-ks_amb_01').isDisabled()).toBe(true);
    expect(await page.getByTestId('paper-code-2').inputValue()).toBe('P-002');

    // A paper form begun earlier (one answer stored) continues in a new row, with that answer.
    const earlier = await session.call('startResponse', { waveId: wave.id, respondentCode: 'P-003', organisationId: null, mode: 'paper' });
    await session.call('saveAnswer', { responseId: earlier.id, instrumentId: INSTRUMENT, itemId: 'ks_amb_01', value: 5, text: null });
    expect(await focusedTestId(page)).toBe('paper-add-row');
    await page.keyboard.press('Enter');
    await page.getByTestId('paper-row-3').waitFor();
    expect(await focusedTestId(page)).toBe('paper-code-3');
    await page.keyboard.type('P-003');
    await page.keyboard.press('Tab');
    const resumedCell = page.getByTestId('paper-cell-3-ks_amb_01');
    await expect.poll(() => resumedCell.inputValue()).toBe('5');
    expect(await resumedCell.getAttribute('data-state')).toBe('saved');
    expect(await page.getByTestId('paper-cell-3-ks_amb_02').inputValue()).toBe('');

    // --- What the grid wrote to SQLite -----------------------------------------------------------
    const rows = session.db
      .prepare(
        `SELECT p.code, r.mode, r.status, r.completed_at AS completedAt, r.organisation_id AS organisationId, p.code_kind AS codeKind
         FROM responses r JOIN respondents p ON p.id = r.respondent_id WHERE r.wave_id = ? ORDER BY p.code`,
      )
      .all(wave.id) as { code: string; mode: string; status: string; completedAt: string | null; organisationId: string | null; codeKind: string }[];
    expect(rows.map(({ completedAt: _c, ...r }) => r)).toEqual([
      { code: 'P-001', mode: 'paper', status: 'complete', organisationId: orgA.id, codeKind: 'free' },
      { code: 'P-002', mode: 'paper', status: 'complete', organisationId: orgB.id, codeKind: 'free' },
      { code: 'P-003', mode: 'paper', status: 'in_progress', organisationId: null, codeKind: 'free' },
    ]);
    expect(rows.map((r) => r.completedAt !== null)).toEqual([true, true, false]);
    expect(answersInDb(session, 'P-001')).toEqual(formA.stored);
    expect(answersInDb(session, 'P-002')).toEqual(formB.stored);

    expect(session.problems).toEqual([]);
  });
});

describe('a self-made code another form already has', () => {
  it('asks the birth month in the paper row and in the start form, and gives each person a code of their own', async () => {
    const session = await newSession();
    const { page } = session;
    const network = await session.call('createNetwork', { name: NETWORK });
    await session.call('updateNetworkSettings', { networkId: network.id, consentNl: null, consentEn: null, codePolicy: 'self', idleSeconds: 180, minGroupSize: 5 });
    const wave = await session.call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: INSTRUMENT, version: 1 }] });
    // The first MA010 (M, A, born on the 1st, no older siblings) has answered already.
    const first = await session.call('startResponse', { waveId: wave.id, respondentCode: 'MA010', organisationId: null, mode: 'paper' });
    await session.call('completeResponse', { responseId: first.id });

    // --- Paper entry: the second form with MA010 -------------------------------------------------
    await page.goto(session.harness.url);
    await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
    await page.getByRole('button', { name: 'Papier invoeren voor meting T0' }).click();
    await page.getByTestId('paper-grid').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type('ma010');
    await page.keyboard.press('Tab'); // leaving the code asks the main process
    const month = page.getByLabel('Geboortemaand, rij 1');
    await month.waitFor();
    expect(await month.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(((await page.getByTestId('paper-birth-month-1-why').textContent()) ?? '').trim()).toBe(
      'Iemand anders heeft deze code al gebruikt. Kies de geboortemaand van het formulier.',
    );
    // Not an error: the grid's error list stays empty and the code is not marked wrong.
    expect(((await page.getByTestId('paper-errors').textContent()) ?? '').trim()).toBe('');
    expect(await page.getByTestId('paper-code-1').getAttribute('aria-invalid')).toBeNull();
    const axe = await axeViolations(page);
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);
    await page.screenshot({ path: '/tmp/netwerkspiegel-paper-birth-month.png' });
    await month.selectOption({ label: 'juli' });
    await page.keyboard.press('Tab'); // leaving the month starts the row
    await expect.poll(() => page.getByTestId('paper-code-1').inputValue()).toBe('MA010-07');
    expect(await page.getByTestId('paper-birth-month-1').count()).toBe(0);
    await page.getByTestId('paper-cell-1-ks_amb_01').click();
    await page.keyboard.type('4');
    await expect.poll(() => page.getByTestId('paper-cell-1-ks_amb_01').getAttribute('data-state')).toBe('saved');
    await page.getByTestId('paper-complete-1').click();
    await page.getByTestId('paper-status-1').waitFor();

    // --- The researcher's start form: a third MA010, born in March --------------------------------
    await page.goto(session.harness.url);
    await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
    await page.getByRole('button', { name: 'Vragenlijst invullen voor meting T0' }).click();
    await page.getByLabel('Respondentcode').fill('MA010');
    await page.getByRole('button', { name: 'Start' }).click();
    const startMonth = page.getByLabel('Geboortemaand van de respondent');
    await startMonth.waitFor();
    expect(await startMonth.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(((await page.getByTestId('birth-month-why').textContent()) ?? '').trim()).toBe(
      'Iemand anders heeft deze zelfgemaakte code al gebruikt. Dat komt vaker voor. Vraag de respondent ook naar de geboortemaand; dan krijgt hij of zij een eigen code.',
    );
    expect(await page.getByTestId('start-error').count()).toBe(0);
    const axeStart = await axeViolations(page);
    expect(axeStart, JSON.stringify(axeStart, null, 2)).toEqual([]);
    await page.getByRole('button', { name: 'Start' }).click();
    expect(((await page.getByTestId('birth-month-error').textContent()) ?? '').trim()).toBe('Kies eerst de geboortemaand van de respondent.');
    await startMonth.selectOption({ label: 'maart' });
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByText('MA010-03').first().waitFor();

    const rows = session.db
      .prepare('SELECT p.code, r.mode, r.status FROM responses r JOIN respondents p ON p.id = r.respondent_id ORDER BY r.started_at, p.code')
      .all();
    expect(rows).toEqual([
      { code: 'MA010', mode: 'paper', status: 'complete' },
      { code: 'MA010-07', mode: 'paper', status: 'complete' },
      { code: 'MA010-03', mode: 'form', status: 'in_progress' },
    ]);
    expect(answersInDb(session, 'MA010-07')).toEqual({ ks_amb_01: 4 });
    expect(session.problems).toEqual([]);
  });
});
