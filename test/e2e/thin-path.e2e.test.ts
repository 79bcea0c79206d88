import { readFileSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { xlsxParts } from '../unit/export-support';
import { axeViolations, type Session, trimmedText, useE2eSessions } from './support/harness';

/**
 * The thin path through the real stack: the built renderer in Chromium → window.api shim → HTTP
 * → the same dispatcher and services as the main process → a real SQLite file, then the Excel
 * export read back from disk. Expected numbers below are worked out by hand, not by the scoring
 * code.
 */

const INSTRUMENT = 'kansrijke-samenwerking';
const CONDITIONS = ['amb', 'bel', 'per', 'org', 'pro'] as const;
type Condition = (typeof CONDITIONS)[number];
const itemIds = (c: Condition) => [1, 2, 3, 4].map((i) => `ks_${c}_0${i}`);

const NETWORK = 'Dementienetwerk Oost';
const ORG_A = 'Thuiszorg Oost';
const ORG_B = 'Welzijn Twente';

/**
 * The answers of each respondent: per condition four codes for items 01–04 (1–5 on the scale,
 * 9 = "Weet niet / n.v.t.", null = left unanswered), the rapportcijfer and the open answers.
 * R-001 … R-004 are seeded through the API; R-005 is filled in through the UI.
 */
interface Plan {
  code: string;
  organisation: string | null;
  scale: Record<Condition, (number | null)[]>;
  cijfer: number;
  goed?: string;
  beter?: string;
}

const seeded: Plan[] = [
  {
    code: 'R-001',
    organisation: ORG_A,
    scale: { amb: [5, 5, 4, 4], bel: [4, 4, 4, 4], per: [1, 2, 3, 4], org: [3, 3, 3, 3], pro: [5, 5, 5, 5] },
    cijfer: 7,
    goed: 'Goede sfeer in het overleg.',
  },
  {
    code: 'R-002',
    organisation: ORG_A,
    scale: { amb: [4, 4, 4, 4], bel: [9, 2, 2, 2], per: [2, 2, 2, 2], org: [3, 3, 3, 3], pro: [4, 4, 4, null] },
    cijfer: 6,
  },
  {
    code: 'R-003',
    organisation: ORG_B,
    scale: { amb: [3, 3, 3, 3], bel: [5, 5, 5, 5], per: [4, 4, 4, 4], org: [2, 2, 9, 9], pro: [3, 3, 3, 3] },
    cijfer: 8,
    beter: 'Meer overleg met de gemeente.',
  },
  {
    code: 'R-004',
    organisation: null,
    scale: { amb: [2, 3, 3, 4], bel: [3, 3, 3, 3], per: [5, 5, 5, 5], org: [4, 4, 4, 4], pro: [1, 1, 1, 1] },
    cijfer: 5,
  },
];

/** What the person at the screen gives for R-005 (ks_open_beter stays empty). */
const uiPlan: Plan = {
  code: 'R-005',
  organisation: ORG_B,
  scale: { amb: [4, 4, 4, 4], bel: [9, 5, 5, 5], per: [3, 3, 3, 3], org: [2, 2, 2, 2], pro: [4, 4, 4, 4] },
  cijfer: 8,
  goed: 'Korte lijnen en veel vertrouwen.',
};

/*
 * Hand calculation of the overview. A condition score is the mean of the scored items
 * (1–5; 9 and unanswered do not count) when at least 3 of the 4 items are scored.
 *
 *            R-001          R-002              R-003            R-004          R-005 (UI)
 *   amb   5,5,4,4 = 4.5   4,4,4,4 = 4      3,3,3,3 = 3      2,3,3,4 = 3    4,4,4,4 = 4
 *   bel   4,4,4,4 = 4     9,2,2,2 = 6/3=2  5,5,5,5 = 5      3,3,3,3 = 3    9,5,5,5 = 15/3=5
 *   per   1,2,3,4 = 2.5   2,2,2,2 = 2      4,4,4,4 = 4      5,5,5,5 = 5    3,3,3,3 = 3
 *   org   3,3,3,3 = 3     3,3,3,3 = 3      2,2,9,9 = none   4,4,4,4 = 4    2,2,2,2 = 2
 *                                          (2 of 4 scored < 75%)
 *   pro   5,5,5,5 = 5     4,4,4,– = 12/3=4 3,3,3,3 = 3      1,1,1,1 = 1    4,4,4,4 = 4
 *
 *   amb: n=5, (4.5+4+3+3+4)/5 = 18.5/5 = 3.70
 *   bel: n=5, (4+2+5+3+5)/5   = 19/5   = 3.80   (scoring 9 as a value would give 4.35)
 *   per: n=5, (2.5+2+4+5+3)/5 = 16.5/5 = 3.30
 *   org: n=4 (R-003 has no score) < minimum group size 5 → withheld
 *   pro: n=5, (5+4+3+1+4)/5   = 17/5   = 3.40   (requiring all 4 items would give n=4)
 */
const expectedOverview: Record<Condition, { n: string; mean: string }> = {
  amb: { n: '5', mean: '3,70' },
  bel: { n: '5', mean: '3,80' },
  per: { n: '5', mean: '3,30' },
  org: { n: '4', mean: 'te weinig antwoorden om te tonen (minder dan 5)' },
  pro: { n: '5', mean: '3,40' },
};

/** Every answer a plan stores, item id → value or text; unanswered items are absent. */
function storedAnswers(plan: Plan): Map<string, number | string> {
  const answers = new Map<string, number | string>();
  for (const c of CONDITIONS) {
    itemIds(c).forEach((id, i) => {
      const code = plan.scale[c][i];
      if (code !== null && code !== undefined) answers.set(id, code);
    });
  }
  answers.set('ks_cijfer', plan.cijfer);
  if (plan.goed) answers.set('ks_open_goed', plan.goed);
  if (plan.beter) answers.set('ks_open_beter', plan.beter);
  return answers;
}

interface AnswerRow {
  code: string;
  itemId: string;
  value: number | null;
  text: string | null;
}

function answersInDb(session: Session, code: string): Map<string, number | string> {
  const rows = session.db
    .prepare(
      `SELECT p.code AS code, a.item_id AS itemId, a.value AS value, a.text AS text
       FROM answers a JOIN responses r ON r.id = a.response_id JOIN respondents p ON p.id = r.respondent_id
       WHERE p.code = ? AND a.instrument_id = ?`,
    )
    .all(code, INSTRUMENT) as AnswerRow[];
  return new Map(rows.map((r) => [r.itemId, (r.value ?? r.text) as number | string]));
}

const count = (session: Session, table: string) => (session.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

const item = (page: Page, itemId: string) => page.getByTestId(`item-${itemId}`);
const radio = (page: Page, itemId: string, name: string) => item(page, itemId).getByRole('radio', { name, exact: true });
const scaleLabel: Record<number, string> = {
  1: 'Helemaal oneens',
  2: 'Oneens',
  3: 'Neutraal',
  4: 'Eens',
  5: 'Helemaal eens',
  9: 'Weet niet / n.v.t.',
};

async function waitSaved(page: Page, itemId: string): Promise<void> {
  await page.getByTestId(`saved-${itemId}`).waitFor({ state: 'visible', timeout: 5000 });
}

const { newSession } = useE2eSessions({
  afterOpen: async (session) => {
    await session.page.goto(session.harness.url);
    await session.page.getByRole('heading', { level: 1, name: 'Netwerken' }).waitFor();
  },
});

describe('thin path: network → wave → questionnaire → overview → Excel', () => {
  it('records answers given in the UI, shows hand-checked condition means and exports what is stored', async () => {
    const session = await newSession();
    const { page } = session;

    // --- Network, two partner organisations and wave T0, through the UI ---------------------
    await page.getByLabel('Naam van het netwerk').fill(NETWORK);
    await page.getByLabel('Omschrijving').fill('Netwerk rond mensen met dementie en hun mantelzorgers.');
    await page.getByRole('button', { name: 'Netwerk aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(NETWORK) }).waitFor();

    const orgForm = page.getByTestId('organisation-form');
    for (const [name, sector, size] of [
      [ORG_A, 'Zorg', '100 fte of meer'],
      [ORG_B, 'Welzijn', 'minder dan 100 fte'],
    ] as const) {
      await orgForm.getByLabel('Naam').fill(name);
      await orgForm.getByLabel('Sector').selectOption({ label: sector });
      await orgForm.getByLabel('Omvang').selectOption({ label: size });
      await orgForm.getByRole('button', { name: 'Organisatie toevoegen' }).click();
      await page.getByTestId('organisation-table').getByRole('rowheader', { name }).waitFor();
    }

    const waveForm = page.getByTestId('wave-form');
    await waveForm.getByLabel('Soort meting').selectOption({ label: 'T0 – start / nulmeting' });
    await waveForm.getByLabel('Naam van de meting').fill('T0');
    await waveForm.getByLabel(/Geplande datum/).fill('2026-03-31');
    // The built-in instrument is ticked by default.
    expect(await waveForm.getByRole('checkbox', { name: /Kansrijke samenwerking/ }).isChecked()).toBe(true);
    await waveForm.getByRole('button', { name: 'Meting aanmaken' }).click();
    await page.getByTestId('wave-T0').waitFor();
    // Opened again later, the form suggests the next measurement rather than a second T0.
    await page.getByRole('button', { name: /Terug naar netwerken/ }).click();
    await page.getByRole('button', { name: new RegExp(NETWORK) }).click();
    await page.getByTestId('wave-T0').waitFor();
    expect(await page.getByTestId('wave-form').getByLabel('Soort meting').inputValue()).toBe('T1');
    expect(await page.getByTestId('wave-form').getByLabel('Naam van de meting').inputValue()).toBe('T1');

    const orgRows = session.db
      .prepare('SELECT name, sector, size_class AS sizeClass FROM organisations ORDER BY name')
      .all() as { name: string; sector: string; sizeClass: string | null }[];
    expect(orgRows).toEqual([
      { name: ORG_A, sector: 'zorg', sizeClass: 'ge100' },
      { name: ORG_B, sector: 'welzijn', sizeClass: 'lt100' },
    ]);
    const networkId = (session.db.prepare('SELECT id FROM networks WHERE name = ?').get(NETWORK) as { id: string }).id;
    const detail = await session.call('getNetwork', { networkId });
    expect(detail.waves).toHaveLength(1);
    const wave = detail.waves[0]!;
    expect(wave).toMatchObject({ label: 'T0', kind: 'T0', plannedDate: '2026-03-31', instruments: [{ instrumentId: INSTRUMENT, version: 1 }] });
    const orgId = new Map(detail.organisations.map((o) => [o.name, o.id]));

    // --- Before anyone answered, the overview says so -----------------------------------------
    await page.getByRole('button', { name: 'Overzicht van meting T0' }).click();
    await page.getByTestId('condition-table').waitFor();
    expect(await trimmedText(page.getByTestId('count-started'))).toBe('0');
    for (const c of CONDITIONS) {
      expect(await trimmedText(page.getByTestId(`condition-n-ks_${c}`))).toBe('0');
      expect(await trimmedText(page.getByTestId(`condition-mean-ks_${c}`))).toBe('geen antwoorden');
    }
    await page.getByRole('button', { name: 'Terug naar het netwerk' }).click();

    // --- Four complete responses through the real API -----------------------------------------
    for (const plan of seeded) {
      const response = await session.call('startResponse', {
        waveId: wave.id,
        respondentCode: plan.code,
        organisationId: plan.organisation ? orgId.get(plan.organisation)! : null,
        mode: 'form',
      });
      for (const [itemId, answer] of storedAnswers(plan)) {
        await session.call('saveAnswer', {
          responseId: response.id,
          instrumentId: INSTRUMENT,
          itemId,
          value: typeof answer === 'number' ? answer : null,
          text: typeof answer === 'string' ? answer : null,
        });
      }
      await session.call('completeResponse', { responseId: response.id });
    }

    // --- The fifth respondent fills in the questionnaire in the UI -----------------------------
    await page.getByRole('button', { name: 'Vragenlijst invullen voor meting T0' }).click();
    await page.getByLabel('Respondentcode').fill('r-005'); // stored upper case
    await page.getByLabel(/Organisatie/).selectOption({ label: ORG_B });
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByTestId('response-form').waitFor();
    expect(await trimmedText(page.getByTestId('progress-text'))).toBe('0 van 23 vragen beantwoord');

    // "Opgeslagen" appears only once the write is confirmed: hold the request and look.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let seen!: () => void;
    const intercepted = new Promise<void>((resolve) => (seen = resolve));
    await page.route('**/api/saveAnswer', async (route) => {
      seen();
      await gate;
      await route.continue();
    });
    await radio(page, 'ks_amb_01', 'Eens').click();
    await intercepted;
    await item(page, 'ks_amb_01').getByText('Bezig met opslaan…').waitFor();
    expect(await page.getByTestId('saved-ks_amb_01').count()).toBe(0);
    expect(answersInDb(session, 'R-005').has('ks_amb_01')).toBe(false);
    release();
    await waitSaved(page, 'ks_amb_01');
    expect(answersInDb(session, 'R-005').get('ks_amb_01')).toBe(4);
    await page.unroute('**/api/saveAnswer');

    // A refused save shows the main process's Dutch message and keeps the stored answer.
    await radio(page, 'ks_amb_02', 'Eens').click();
    await waitSaved(page, 'ks_amb_02');
    await page.route('**/api/saveAnswer', async (route) => {
      // Tamper with the request so the real validation refuses it: 7 is not on the scale.
      const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
      await route.continue({ postData: JSON.stringify({ ...body, value: 7 }) });
    });
    await radio(page, 'ks_amb_02', 'Helemaal eens').click();
    const refusal = page.getByTestId('error-ks_amb_02');
    await refusal.waitFor();
    expect(await refusal.getAttribute('role')).toBe('alert');
    expect(await trimmedText(refusal)).toContain('Antwoord 7 is geen geldige keuze bij vraag ks_amb_02');
    expect(await radio(page, 'ks_amb_02', 'Eens').isChecked()).toBe(true);
    expect(await radio(page, 'ks_amb_02', 'Helemaal eens').isChecked()).toBe(false);
    expect(answersInDb(session, 'R-005').get('ks_amb_02')).toBe(4);
    await page.unroute('**/api/saveAnswer');

    // Clicks for the rest of "Gedeelde ambitie", "Recht doen aan belangen" and "Professioneel organiseren".
    for (const c of ['amb', 'bel', 'org'] as const) {
      for (const [i, id] of itemIds(c).entries()) {
        if (id === 'ks_amb_01' || id === 'ks_amb_02') continue;
        await radio(page, id, scaleLabel[uiPlan.scale[c][i]!]!).click();
        await waitSaved(page, id);
      }
    }

    // Keyboard for "Goed persoonlijk samenwerken": Space on the first option, then arrows to
    // Neutraal. Each key press is a save; the first one is held up on its way, so if saves of one
    // item could overtake each other the database would end up with 1 instead of 3.
    await page.route('**/api/saveAnswer', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { value?: number };
      if (body.value === 1) await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    for (const id of itemIds('per')) {
      await radio(page, id, 'Helemaal oneens').focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => radio(page, id, 'Neutraal').isChecked()).toBe(true);
      await waitSaved(page, id);
      expect(answersInDb(session, 'R-005').get(id), id).toBe(3);
    }
    await page.unroute('**/api/saveAnswer');

    // Keyboard only for "Betekenisgevend proces": Tab from one question into the next.
    await radio(page, 'ks_pro_01', 'Eens').click();
    await waitSaved(page, 'ks_pro_01');
    for (const id of itemIds('pro').slice(1)) {
      await page.keyboard.press('Tab'); // "Antwoord wissen" of the previous question
      await page.keyboard.press('Tab'); // first option of this question
      const focusedItem = await page.evaluate(() => document.activeElement?.closest('[data-testid^="item-"]')?.getAttribute('data-testid'));
      expect(focusedItem).toBe(`item-${id}`);
      await page.keyboard.press('Space'); // Helemaal oneens
      for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight'); // → Eens
      await expect.poll(() => radio(page, id, 'Eens').isChecked()).toBe(true);
      await waitSaved(page, id);
    }

    await radio(page, 'ks_cijfer', '8').click();
    await waitSaved(page, 'ks_cijfer');
    await item(page, 'ks_open_goed').getByRole('textbox').fill(uiPlan.goed!);
    expect(await page.getByTestId('saved-ks_open_goed').count()).toBe(0); // typing alone saves nothing
    await page.keyboard.press('Tab'); // leaving the box saves it
    await waitSaved(page, 'ks_open_goed');
    expect(await trimmedText(page.getByTestId('progress-text'))).toBe('22 van 23 vragen beantwoord');

    const axeQuestionnaire = await axeViolations(page);
    expect(axeQuestionnaire, JSON.stringify(axeQuestionnaire, null, 2)).toEqual([]);
    await page.screenshot({ path: '/tmp/netwerkspiegel-questionnaire.png', fullPage: false });

    await page.getByRole('button', { name: 'Inleveren' }).click();
    await page.getByTestId('thank-you').waitFor();
    expect(await trimmedText(page.getByTestId('thank-you'))).toContain('R-005');

    // --- What the UI wrote to SQLite ---------------------------------------------------------------
    expect(answersInDb(session, 'R-005')).toEqual(storedAnswers(uiPlan));
    const uiResponse = session.db
      .prepare(
        `SELECT r.status, r.mode, o.name AS organisation, r.completed_at AS completedAt
         FROM responses r JOIN respondents p ON p.id = r.respondent_id LEFT JOIN organisations o ON o.id = p.organisation_id
         WHERE p.code = 'R-005'`,
      )
      .get() as { status: string; mode: string; organisation: string | null; completedAt: string | null };
    expect(uiResponse).toMatchObject({ status: 'complete', mode: 'form', organisation: ORG_B });
    expect(uiResponse.completedAt).not.toBeNull();

    // --- Overview: n and means against the hand calculation above ----------------------------------
    await page.getByRole('button', { name: 'Terug naar het netwerk' }).last().click();
    await page.getByRole('button', { name: 'Overzicht van meting T0' }).click();
    await page.getByTestId('condition-table').waitFor();
    expect(await trimmedText(page.getByTestId('count-started'))).toBe('5');
    expect(await trimmedText(page.getByTestId('count-complete'))).toBe('5');
    for (const c of CONDITIONS) {
      expect(await trimmedText(page.getByTestId(`condition-n-ks_${c}`)), `n of ks_${c}`).toBe(expectedOverview[c].n);
      expect(await trimmedText(page.getByTestId(`condition-mean-ks_${c}`)), `mean of ks_${c}`).toBe(expectedOverview[c].mean);
    }
    await page.getByTestId('condition-chart').locator('svg').first().waitFor();
    const axeOverview = await axeViolations(page);
    expect(axeOverview, JSON.stringify(axeOverview, null, 2)).toEqual([]);
    await page.screenshot({ path: '/tmp/netwerkspiegel-overview.png', fullPage: true });

    // --- Export of the wave through the UI: the export screen with T0 ticked, read back from disk ----
    // A second wave shows that only the wave whose button was used is ticked.
    await session.call('createWave', { networkId, label: 'T1', kind: 'T1', plannedDate: null, instruments: [{ instrumentId: INSTRUMENT, version: 1 }] });
    await page.reload();
    await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
    await page.getByRole('button', { name: 'Exporteren naar Excel: meting T0' }).click();
    const form = page.getByTestId('export-form');
    await form.waitFor();
    expect(await form.getByRole('checkbox', { name: /^T0/ }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: /^T1/ }).isChecked()).toBe(false);
    expect(await form.getByRole('radio', { name: /Excel-werkmap/ }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: /Open antwoorden meenemen/ }).isChecked()).toBe(false);
    await page.screenshot({ path: '/tmp/netwerkspiegel-export-wave.png', fullPage: true });

    const exportOnce = async () => {
      const before = new Set(readdirSync(session.exportDir));
      await form.getByRole('button', { name: 'Exporteren' }).click();
      const status = page.getByTestId('export-study-status');
      await expect.poll(async () => /^Opgeslagen als (.+) \((\d+) rijen\)$/.exec(await trimmedText(status)) !== null && readdirSync(session.exportDir).length > before.size).toBe(true);
      const match = /^Opgeslagen als (.+) \((\d+) rijen\)$/.exec(await trimmedText(status))!;
      const filePath = match[1]!;
      expect(match[2]).toBe('5');
      expect(filePath.startsWith(session.exportDir)).toBe(true);
      expect(readdirSync(session.exportDir).filter((f) => !before.has(f))).toEqual([basename(filePath)]);
      return readFileSync(filePath);
    };

    // Unticked: not a word of any open answer anywhere in the file.
    const withoutOpen = await exportOnce();
    const openTexts = [uiPlan.goed!, ...seeded.flatMap((p) => [p.goed, p.beter]).filter((t): t is string => !!t)];
    const allXml = [...xlsxParts(withoutOpen).values()].join('\n');
    for (const text of openTexts) expect(allXml, text).not.toContain(text);
    expect(allXml).not.toContain('ks_open_goed');

    const book = XLSX.read(withoutOpen, { type: 'buffer' });
    const sheet = book.Sheets.Data_lang!;
    const range = XLSX.utils.decode_range(sheet['!ref']!);
    const header: string[] = [];
    for (let col = range.s.c; col <= range.e.c; col++) header.push(String(sheet[XLSX.utils.encode_cell({ r: 0, c: col })]?.v));
    const expectedHeader = [
      'netwerk', 'meting', 'meting_soort', 'respondent', 'organisatie', 'modus', 'status', 'gestart', 'gestart_iso', 'voltooid', 'voltooid_iso',
      'ks_amb_01', 'ks_amb_02', 'ks_amb_03', 'ks_amb_04',
      'ks_bel_01', 'ks_bel_02', 'ks_bel_03', 'ks_bel_04',
      'ks_per_01', 'ks_per_02', 'ks_per_03', 'ks_per_04',
      'ks_org_01', 'ks_org_02', 'ks_org_03', 'ks_org_04',
      'ks_pro_01', 'ks_pro_02', 'ks_pro_03', 'ks_pro_04',
      'ks_cijfer',
    ];
    expect(header).toEqual(expectedHeader);
    expect(range.e.r).toBe(5); // header + 5 data rows
    // The header row is frozen (a pane split below row 1), which the old per-wave workbook lacked.
    expect(xlsxParts(withoutOpen).get('xl/worksheets/sheet2.xml')).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);

    const responseRows = session.db
      .prepare(
        `SELECT p.code, o.name AS organisation, r.status, r.mode, r.started_at AS startedAt, r.completed_at AS completedAt
         FROM responses r JOIN respondents p ON p.id = r.respondent_id LEFT JOIN organisations o ON o.id = p.organisation_id
         WHERE r.wave_id = ?`,
      )
      .all(wave.id) as { code: string; organisation: string | null; status: string; mode: string; startedAt: string; completedAt: string }[];
    const byCode = new Map(responseRows.map((r) => [r.code, r]));
    const cell = (r: number, name: string) => sheet[XLSX.utils.encode_cell({ r, c: expectedHeader.indexOf(name) })] as XLSX.CellObject | undefined;
    // Dates are written as Excel serials in local wall-clock time; compare to the stored instant.
    const serialToDate = (serial: number) => {
      const p = XLSX.SSF.parse_date_code(serial);
      return new Date(p.y, p.m - 1, p.d, p.H, p.M, p.S);
    };
    // Codes as the codebook gives them: status 1 = afgerond; modus 1 = formulier.
    const statusCode: Record<string, number> = { complete: 1, in_progress: 0 };
    const modeCode: Record<string, number> = { form: 1, kiosk: 2, paper: 3 };

    const seenCodes: string[] = [];
    for (let r = 1; r <= 5; r++) {
      const code = String(cell(r, 'respondent')?.v);
      seenCodes.push(code);
      const stored = byCode.get(code)!;
      expect(stored, `row ${r}: respondent ${code} is in the database`).toBeDefined();
      expect(cell(r, 'netwerk')?.v).toBe(NETWORK);
      expect(cell(r, 'meting')?.v).toBe('T0');
      expect(cell(r, 'organisatie')?.v).toBe(stored.organisation ?? undefined);
      expect(cell(r, 'status')?.v).toBe(statusCode[stored.status]);
      expect(cell(r, 'modus')?.v).toBe(modeCode[stored.mode]);
      for (const [column, iso] of [['gestart', stored.startedAt], ['voltooid', stored.completedAt]] as const) {
        const c = cell(r, column)!;
        expect(c.t, `${code} ${column} is a numeric date cell`).toBe('n');
        expect(Math.abs(serialToDate(c.v as number).getTime() - new Date(iso).getTime())).toBeLessThanOrEqual(1000);
        // Beside it the same moment as ISO 8601 text with its UTC offset, to the second.
        expect(Date.parse(cell(r, `${column}_iso`)?.v as string)).toBe(Math.floor(Date.parse(iso) / 1000) * 1000);
      }
      const inDb = answersInDb(session, code);
      for (const column of expectedHeader.slice(11)) {
        const c = cell(r, column);
        const want = inDb.get(column);
        if (want === undefined) expect(c?.v, `${code} ${column} is empty`).toBeUndefined();
        else {
          expect(c?.t, `${code} ${column} is numeric`).toBe('n');
          expect(c?.v, `${code} ${column}`).toBe(want);
        }
      }
    }
    expect(seenCodes.sort()).toEqual(['R-001', 'R-002', 'R-003', 'R-004', 'R-005']);
    // And the spreadsheet says what was planned, not only what the database holds. Rows are
    // sorted by respondent code, so R-005 is the last data row.
    expect(cell(5, 'respondent')?.v).toBe('R-005');
    expect(cell(5, 'ks_bel_01')?.v).toBe(9);
    expect(cell(5, 'ks_cijfer')?.v).toBe(8);

    // Ticked: the open answers are there, as text, exactly as typed.
    await form.getByRole('checkbox', { name: /Open antwoorden meenemen/ }).check();
    const withOpen = XLSX.read(await exportOnce(), { type: 'buffer' });
    const openRows = XLSX.utils.sheet_to_json<Record<string, unknown>>(withOpen.Sheets.Data_lang!);
    expect(openRows.find((row) => row.respondent === 'R-005')).toMatchObject({ ks_open_goed: uiPlan.goed });
    expect(openRows.find((row) => row.respondent === 'R-005')).not.toHaveProperty('ks_open_beter');
    expect(openRows.find((row) => row.respondent === 'R-003')).toMatchObject({ ks_open_beter: 'Meer overleg met de gemeente.' });

    expect(session.problems).toEqual([]);
  });
});

describe('invalid input in the UI', () => {
  it('shows the Dutch message and writes nothing', async () => {
    const session = await newSession();
    const { page } = session;

    // The language switch changes the UI, and back.
    await page.getByTestId('language-en').click();
    await page.getByRole('heading', { level: 1, name: 'Networks' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByTestId('language-nl').click();
    await page.getByRole('heading', { level: 1, name: 'Netwerken' }).waitFor();

    // An empty network name (spaces only).
    expect(count(session, 'networks')).toBe(0);
    const auditBefore = count(session, 'audit_log');
    await page.getByLabel('Naam van het netwerk').fill('   ');
    await page.getByRole('button', { name: 'Netwerk aanmaken' }).click();
    const nameError = page.getByTestId('new-network-error');
    await nameError.waitFor();
    expect(await nameError.getAttribute('role')).toBe('alert');
    expect(await trimmedText(nameError)).toContain('Vul een naam in');
    expect(count(session, 'networks')).toBe(0);
    expect(count(session, 'audit_log')).toBe(auditBefore);

    // A respondent code with a character that is not allowed.
    const network = await session.call('createNetwork', { name: 'Wijknetwerk Noord' });
    await session.call('createWave', {
      networkId: network.id,
      label: 'T0',
      kind: 'T0',
      plannedDate: null,
      instruments: [{ instrumentId: INSTRUMENT, version: 1 }],
    });
    await page.reload();
    await page.getByRole('button', { name: 'Netwerk Wijknetwerk Noord openen' }).click();
    await page.getByRole('button', { name: 'Vragenlijst invullen voor meting T0' }).click();
    const before = { respondents: count(session, 'respondents'), responses: count(session, 'responses'), answers: count(session, 'answers') };
    expect(before).toEqual({ respondents: 0, responses: 0, answers: 0 });
    await page.getByLabel('Respondentcode').fill('a!');
    await page.getByRole('button', { name: 'Start' }).click();
    const codeError = page.getByTestId('start-error');
    await codeError.waitFor();
    expect(await codeError.getAttribute('role')).toBe('alert');
    expect(await trimmedText(codeError)).toContain('Een respondentcode heeft 3 tot 16 letters, cijfers of streepjes');
    expect(await page.getByTestId('response-form').count()).toBe(0);
    expect({ respondents: count(session, 'respondents'), responses: count(session, 'responses'), answers: count(session, 'answers') }).toEqual(before);
    await page.screenshot({ path: '/tmp/netwerkspiegel-invalid-code.png' });

    expect(session.problems).toEqual([]);
  });
});

describe('resuming a questionnaire', () => {
  it('pre-fills the answers of an unfinished response and refuses a code that already submitted', async () => {
    const session = await newSession();
    const { page } = session;
    const network = await session.call('createNetwork', { name: 'Mantelzorgnetwerk West' });
    const wave = await session.call('createWave', {
      networkId: network.id,
      label: 'T1',
      kind: 'T1',
      plannedDate: null,
      instruments: [{ instrumentId: INSTRUMENT, version: 1 }],
    });
    // An earlier session with R-010 stopped after two answers.
    const started = await session.call('startResponse', { waveId: wave.id, respondentCode: 'R-010', organisationId: null, mode: 'form' });
    await session.call('saveAnswer', { responseId: started.id, instrumentId: INSTRUMENT, itemId: 'ks_amb_01', value: 2, text: null });
    await session.call('saveAnswer', { responseId: started.id, instrumentId: INSTRUMENT, itemId: 'ks_open_goed', value: null, text: 'Het overleg is open.' });

    await page.reload();
    await page.getByRole('button', { name: 'Netwerk Mantelzorgnetwerk West openen' }).click();
    await page.getByRole('button', { name: 'Vragenlijst invullen voor meting T1' }).click();
    await page.getByLabel('Respondentcode').fill('R-010');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByTestId('response-form').waitFor();

    expect(await trimmedText(page.getByTestId('resume-status'))).toContain('2 antwoorden zijn al opgeslagen');
    expect(await trimmedText(page.getByTestId('progress-text'))).toBe('2 van 23 vragen beantwoord');
    expect(await radio(page, 'ks_amb_01', 'Oneens').isChecked()).toBe(true);
    await waitSaved(page, 'ks_amb_01');
    expect(await item(page, 'ks_open_goed').getByRole('textbox').inputValue()).toBe('Het overleg is open.');
    expect(await page.getByTestId('saved-ks_amb_02').count()).toBe(0);

    // Clearing an answer removes it from the database.
    await item(page, 'ks_amb_01').getByRole('button', { name: 'Antwoord wissen bij vraag 1' }).click();
    await waitSaved(page, 'ks_amb_01');
    expect(await radio(page, 'ks_amb_01', 'Oneens').isChecked()).toBe(false);
    expect(answersInDb(session, 'R-010')).toEqual(new Map([['ks_open_goed', 'Het overleg is open.']]));
    expect(await trimmedText(page.getByTestId('progress-text'))).toBe('1 van 23 vragen beantwoord');

    await page.getByRole('button', { name: 'Inleveren' }).click();
    await page.getByTestId('thank-you').waitFor();
    await page.getByRole('button', { name: 'Volgende respondent' }).click();
    await page.getByLabel('Respondentcode').fill('R-010');
    await page.getByRole('button', { name: 'Start' }).click();
    const conflict = page.getByTestId('start-error');
    await conflict.waitFor();
    expect(await trimmedText(conflict)).toContain('Code R-010 heeft meting T1 al ingevuld');
    expect(count(session, 'responses')).toBe(1);

    expect(session.problems).toEqual([]);
  });
});
