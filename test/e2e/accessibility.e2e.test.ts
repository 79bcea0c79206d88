import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, type AxeViolation, openResultsTab, type Session, useE2eSessions } from './support/harness';
import { heading } from './support/kiosk';
import { studyFileContent } from './support/laptops';

/**
 * axe-core (WCAG 2.1 A/AA, the rules of `axeViolations`) on every screen a researcher or network
 * coordinator reaches, filled with realistic data made through the real API: two networks, partner
 * organisations, waves with Kansrijke samenwerking and Achtergrond, complete and unfinished
 * questionnaires, self-made codes one element apart (proposals), a code list, a backup, a study
 * file. No screen may have a serious or critical finding. The paper grid is also checked with the
 * keyboard after *Rij afronden*, and the date field's calendar button for its focus ring.
 *
 * Each test gathers the findings of all its screens and asserts once, so one run names every
 * screen that fails.
 */

const KS = 'kansrijke-samenwerking';
const AG = 'achtergrond';
const NETWORK = 'Dementienetwerk Twente';
const OTHER_NETWORK = 'Wijknetwerk Enschede-Oost';
const CONDITIONS = ['amb', 'bel', 'per', 'org', 'pro'] as const;

const { newSession } = useE2eSessions();
/** A sweep makes some 700 API calls and visits up to a dozen screens: more than e2e's default minute on a busy machine. */
const SWEEP_TIMEOUT = 120_000;

/** The serious and critical findings per screen, gathered over one test. */
class AxeFindings {
  private readonly found: Record<string, AxeViolation[]> = {};
  readonly page: Page;

  constructor(readonly session: Session) {
    this.page = session.page;
  }

  /** Runs axe on what the page shows now, under this screen name. */
  async check(screen: string): Promise<void> {
    const severe = (await axeViolations(this.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    if (severe.length > 0) this.found[screen] = severe;
  }

  /** No screen had a serious or critical finding, and the page logged no error. */
  expectNone(): void {
    expect(this.found, JSON.stringify(this.found, null, 2)).toEqual({});
    expect(this.session.problems).toEqual([]);
  }
}

/** One questionnaire through the API: every statement of a condition gets that condition's answer. */
async function respond(
  session: Session,
  waveId: string,
  code: string,
  options: { organisationId: string | null; answers: Record<(typeof CONDITIONS)[number], number>; role?: number; open?: string; complete?: boolean },
): Promise<void> {
  const r = await session.call('startResponse', { waveId, respondentCode: code, organisationId: options.organisationId, mode: 'form' });
  for (const c of CONDITIONS) {
    for (let i = 1; i <= 4; i++) await session.call('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: `ks_${c}_0${i}`, value: options.answers[c], text: null });
  }
  await session.call('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_cijfer', value: 7, text: null });
  if (options.open) await session.call('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_open_goed', value: null, text: options.open });
  if (options.role !== undefined) await session.call('saveAnswer', { responseId: r.id, instrumentId: AG, itemId: 'ag_rol', value: options.role, text: null });
  if (options.complete ?? true) await session.call('completeResponse', { responseId: r.id });
}

/*
 * Dementienetwerk Twente (self-made codes, minimum group size 5), T0 and T1 with Kansrijke
 * samenwerking and Achtergrond:
 *   Thuiszorg Oost   AN011 BE022 CO033 DE044 EL055 MA123   (T1: MA123 became MA133, a proposal)
 *   Welzijn Twente   FR061 GE072 HA083 IN094 JO105
 *   Huisarts De Es   KA116                                  (a group of 1: never named)
 *   T1 also has LO127, begun and not submitted.
 * Wijknetwerk Enschede-Oost (a code list): T0 with five respondents from the list.
 */
async function setUpStudy(session: Session) {
  const network = await session.call('createNetwork', { name: NETWORK, description: 'Samenwerking rond thuiswonende mensen met dementie en hun mantelzorgers.' });
  await session.call('updateNetworkSettings', { networkId: network.id, consentNl: null, consentEn: null, codePolicy: 'self', idleSeconds: 180, minGroupSize: 5 });
  const thuiszorg = await session.call('addOrganisation', { networkId: network.id, name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: 'ge100' });
  const welzijn = await session.call('addOrganisation', { networkId: network.id, name: 'Welzijn Twente', sector: 'welzijn', sizeClass: 'lt100' });
  const huisarts = await session.call('addOrganisation', { networkId: network.id, name: 'Huisarts De Es', sector: 'huisartsenzorg', sizeClass: 'lt100' });
  const instruments = [
    { instrumentId: KS, version: 1 },
    { instrumentId: AG, version: 1 },
  ];
  const t0 = await session.call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: '2026-03-01', instruments });
  const t1 = await session.call('createWave', { networkId: network.id, label: 'T1', kind: 'T1', plannedDate: '2027-03-01', instruments });

  const thuiszorgCodes = ['AN011', 'BE022', 'CO033', 'DE044', 'EL055'];
  const welzijnCodes = ['FR061', 'GE072', 'HA083', 'IN094', 'JO105'];
  for (const [wave, codes, shift] of [
    [t0, [...thuiszorgCodes, 'MA123'], 0],
    [t1, [...thuiszorgCodes, 'MA133'], 1],
  ] as const) {
    for (const [i, code] of codes.entries()) {
      await respond(session, wave.id, code, { organisationId: thuiszorg.id, answers: { amb: 3 + shift, bel: 4, per: 4, org: 3, pro: 2 + shift }, role: 1 + (i % 2), open: i === 0 ? 'Korte lijnen met de casemanager.' : undefined });
    }
    for (const [i, code] of welzijnCodes.entries()) {
      await respond(session, wave.id, code, { organisationId: welzijn.id, answers: { amb: 4, bel: 3, per: 5, org: 2 + shift, pro: 3 }, role: 1 + (i % 2) });
    }
    await respond(session, wave.id, 'KA116', { organisationId: huisarts.id, answers: { amb: 2, bel: 2, per: 3, org: 2, pro: 2 }, role: 1 });
  }
  await respond(session, t1.id, 'LO127', { organisationId: null, answers: { amb: 3, bel: 3, per: 3, org: 3, pro: 3 }, complete: false });

  const other = await session.call('createNetwork', { name: OTHER_NETWORK });
  await session.call('updateNetworkSettings', { networkId: other.id, consentNl: null, consentEn: null, codePolicy: 'assigned', idleSeconds: 180, minGroupSize: 5 });
  const listed = (await session.call('generateCodes', { networkId: other.id, count: 8 })).codes;
  const otherT0 = await session.call('createWave', { networkId: other.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  for (const code of listed.slice(0, 5)) await respond(session, otherT0.id, code, { organisationId: null, answers: { amb: 4, bel: 4, per: 3, org: 3, pro: 4 } });
  return { network, t0, t1, other, otherT0, listed };
}

/** A new session with the study made through the API, the app open on *Netwerken*, and axe's findings to gather. */
async function openStudy() {
  const session = await newSession();
  const study = await setUpStudy(session);
  await session.page.goto(session.harness.url);
  await heading(session.page, 'Netwerken').waitFor();
  return { session, page: session.page, axe: new AxeFindings(session), study };
}

async function openNetwork(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `Netwerk ${name} openen` }).click();
  await heading(page, name).waitFor();
}

async function backToNetwork(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Terug naar het netwerk' }).first().click();
  await heading(page, name).waitFor();
}

/**
 * Opens a screen with a button on the network page, waits until `ready` shows (the screen drawn
 * with its data), runs axe, lets `more` bring the screen into further states, and goes back.
 */
async function checkFromNetwork(
  axe: AxeFindings,
  network: string,
  screen: string,
  button: { name: string | RegExp; exact?: boolean },
  ready: (page: Page) => Locator,
  more?: (page: Page) => Promise<void>,
): Promise<void> {
  await axe.page.getByRole('button', button).click();
  await ready(axe.page).waitFor();
  await axe.check(screen);
  await more?.(axe.page);
  await backToNetwork(axe.page, network);
}

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);

describe('accessibility of the researcher and coordinator screens', () => {
  it('networks, network page, forms, codes, settings, wave overview, open answers, questionnaire, responses and kiosk set-up', async () => {
    const { page, axe } = await openStudy();
    await axe.check('Netwerken');
    // The new-network form with its refusal on screen.
    await page.getByTestId('new-network-form').getByRole('button', { name: 'Netwerk aanmaken' }).click();
    await page.getByTestId('new-network-error').waitFor();
    await axe.check('Netwerken: nieuw netwerk geweigerd');

    await openNetwork(page, NETWORK);
    await page.getByTestId('wave-T1').waitFor();
    await axe.check('Netwerk');

    await checkFromNetwork(axe, NETWORK, 'Respondentcodes (zelfgemaakte codes)', { name: 'Respondentcodes' }, (p) => heading(p, 'Respondentcodes'));
    await checkFromNetwork(axe, NETWORK, 'Instellingen', { name: 'Instellingen', exact: true }, (p) => heading(p, /Instellingen/));
    await checkFromNetwork(axe, NETWORK, 'Overzicht van een meting', { name: 'Overzicht van meting T0' }, (p) => p.getByTestId('overview-counts'));
    await checkFromNetwork(axe, NETWORK, 'Open antwoorden', { name: 'Open antwoorden van meting T0' }, (p) => p.getByTestId('open-answers-ks_open_goed'), async (p) => {
      await p.getByLabel('Respondentcodes tonen').check();
      await p.getByTestId('open-answers-status').getByText(/\S/).waitFor();
      await axe.check('Open antwoorden met codes');
    });
    await checkFromNetwork(axe, NETWORK, 'Ingevulde vragenlijsten', { name: 'Ingevulde vragenlijsten van meting T1' }, (p) => p.getByTestId('responses-table'));
    await checkFromNetwork(axe, NETWORK, 'Afnamemodus: pincode instellen', { name: 'Afnamemodus starten voor meting T0' }, (p) => p.getByTestId('kiosk-pin-form'));
    await checkFromNetwork(axe, NETWORK, 'Vragenlijst invullen: start', { name: 'Vragenlijst invullen voor meting T1' }, (p) => p.getByTestId('start-form'), async (p) => {
      await p.getByLabel('Respondentcode').fill('NI200');
      await p.getByRole('button', { name: 'Start' }).click();
      await p.getByTestId('response-form').waitFor();
      await axe.check('Vragenlijst invullen: vragen');
      await p.getByRole('button', { name: 'Inleveren' }).click();
      await p.getByTestId('thank-you').waitFor();
      await axe.check('Vragenlijst invullen: ingeleverd');
    });

    // The other network: a code list, and the wave form with a refusal on screen.
    await page.getByRole('button', { name: 'Terug naar netwerken' }).first().click();
    await heading(page, 'Netwerken').waitFor();
    await openNetwork(page, OTHER_NETWORK);
    await checkFromNetwork(axe, OTHER_NETWORK, 'Respondentcodes (codelijst)', { name: 'Respondentcodes' }, (p) => p.getByTestId('code-table'));
    const waveForm = page.getByRole('form', { name: 'Nieuwe meting' });
    await waveForm.getByLabel('Naam van de meting').fill('');
    await waveForm.getByRole('button', { name: 'Meting aanmaken' }).click();
    await waveForm.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    await axe.check('Netwerk: nieuwe meting geweigerd');

    axe.expectNone();
  }, SWEEP_TIMEOUT);

  it('paper entry: before and after Rij afronden, and the grid stays reachable with the keyboard', async () => {
    const { page, axe } = await openStudy();
    await openNetwork(page, NETWORK);
    await page.getByRole('button', { name: 'Papier invoeren voor meting T1' }).click();
    const grid = page.getByTestId('paper-grid');
    await grid.waitFor();
    await axe.check('Papier invoeren');

    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('paper-code-1');
    await page.keyboard.type('PA200');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('paper-cell-1-ks_amb_01');
    await page.keyboard.type('4');
    await expect.poll(() => page.getByTestId('paper-cell-1-ks_amb_01').getAttribute('data-state')).toBe('saved');
    await page.getByTestId('paper-complete-1').focus();
    await page.keyboard.press('Enter'); // Rij afronden
    await page.getByTestId('paper-status-1').waitFor();
    // The focus does not fall back to the page: it lands on "Rij toevoegen", the next thing to do.
    expect(await focusedTestId(page)).toBe('paper-add-row');
    await axe.check('Papier invoeren: na Rij afronden');

    // Every input of the grid is now disabled; the grid itself still takes the focus (to scroll it).
    await page.keyboard.press('Shift+Tab');
    expect(await focusedTestId(page)).toBe('paper-scroll');
    const region = page.getByRole('region', { name: 'Invoer van papieren vragenlijsten voor meting T1' });
    expect(await region.evaluate((el) => el === document.activeElement && el.matches(':focus-visible'))).toBe(true);
    // The arrow keys scroll it sideways to the columns further right.
    await region.evaluate((el) => (el.scrollLeft = 0));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/netwerkspiegel-paper-after-row.png' });
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('paper-add-row');

    // A new row: its code cell gets the focus, and Tab goes on through the row.
    await page.keyboard.press('Enter');
    await page.getByTestId('paper-row-2').waitFor();
    expect(await focusedTestId(page)).toBe('paper-code-2');
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('paper-organisation-2');
    await axe.check('Papier invoeren: tweede rij');

    axe.expectNone();
  }, SWEEP_TIMEOUT);

  it('the date field: its calendar button shows the focus ring', async () => {
    const session = await newSession();
    const { page } = session;
    await session.call('createNetwork', { name: OTHER_NETWORK });
    await page.goto(session.harness.url);
    await openNetwork(page, OTHER_NETWORK);
    const date = page.getByLabel('Geplande datum');
    await date.focus();
    // Tab moves through the day, month and year and then to the calendar button, all inside the one
    // input: the input stays focused but is no longer :focus-visible (Chromium's own rule).
    let onCalendarButton = false;
    for (let i = 0; i < 4 && !onCalendarButton; i++) {
      await page.keyboard.press('Tab');
      onCalendarButton = await date.evaluate((el) => el === document.activeElement && !el.matches(':focus-visible'));
    }
    expect(onCalendarButton).toBe(true);
    const ring = await date.evaluate((el) => {
      const style = getComputedStyle(el);
      return { outlineStyle: style.outlineStyle, outlineColor: style.outlineColor, outlineWidth: style.outlineWidth };
    });
    // The app's focus ring: 3 px yellow (--focus, #ffbf47).
    expect(ring).toEqual({ outlineStyle: 'solid', outlineColor: 'rgb(255, 191, 71)', outlineWidth: '3px' });
    await page.getByRole('region', { name: 'Metingen' }).screenshot({ path: '/tmp/netwerkspiegel-date-calendar-focus.png' });
    expect(session.problems).toEqual([]);
  });

  it('results, comparison of networks, linking, export and the print view', async () => {
    const { page, axe, study } = await openStudy();
    const { t1 } = study;
    await openNetwork(page, NETWORK);
    // Drawn with the data: T1's mean of Gedeelde ambitie (the notices come with the same answer).
    await checkFromNetwork(axe, NETWORK, 'Resultaten: samenvatting', { name: `Resultaten van netwerk ${NETWORK}` }, (p) => p.getByTestId('summary-conditions-ks_amb'), async (p) => {
      // Every tab of the details, drawn with the data (T1's mean of Gedeelde ambitie on the first).
      for (const [tab, ready] of [
        ['Per conditie', `scale-mean-ks_amb-${t1.id}`],
        ['Per uitspraak', 'section-distribution'],
        ['Voor wie', 'section-spread'],
        ['Respons', 'section-responses'],
        ['Voor onderzoekers', 'section-stats'],
      ] as const) {
        await openResultsTab(p, tab);
        await p.getByTestId(ready).waitFor();
        await axe.check(`Resultaten: ${tab}`);
      }
      await p.getByTestId('dashboard-filters').getByLabel('Vragenlijst').selectOption(AG);
      await p.getByTestId('dashboard').waitFor();
      await axe.check('Resultaten: Achtergrond');
    });
    await checkFromNetwork(axe, NETWORK, 'Koppelen', { name: /^Koppelen/ }, (p) => p.getByTestId('proposal-MA123-MA133'));
    await checkFromNetwork(axe, NETWORK, 'Exporteren', { name: `Exporteren: ${NETWORK}` }, (p) => p.getByTestId('export-form'));
    await checkFromNetwork(axe, NETWORK, 'Rapport maken', { name: `Rapport maken voor netwerk ${NETWORK}` }, (p) => p.getByTestId('make-report-network'));
    await checkFromNetwork(axe, NETWORK, 'Afdrukversie en PDF', { name: `Afdrukversie en PDF van de resultaten: ${NETWORK}` }, (p) => p.getByTestId('print-view'));

    await page.getByRole('button', { name: 'Terug naar netwerken' }).first().click();
    await heading(page, 'Netwerken').waitFor();
    await page.getByTestId('open-compare').click();
    await page.getByTestId('compare-form').waitFor();
    await axe.check('Netwerken vergelijken');
    await page.getByTestId('compare-form').getByRole('button', { name: 'Vergelijken' }).click();
    await page.getByTestId('compare-result').waitFor();
    await axe.check('Netwerken vergelijken: resultaat');

    axe.expectNone();
  }, SWEEP_TIMEOUT);

  it('instruments, data and backups, merging a study file, the audit log and erasure', async () => {
    const { session, page, axe, study } = await openStudy();
    await session.call('createBackup', {});
    const studyFile = await studyFileContent(session.call, study.network.id);

    await page.getByTestId('open-instruments').click();
    await page.getByTestId('instrument-list').waitFor();
    await axe.check('Vragenlijsten');
    await page.getByRole('button', { name: 'Terug naar netwerken' }).first().click();

    await page.getByTestId('open-data').click();
    await heading(page, 'Gegevens en reservekopieën').waitFor();
    await page.getByTestId('data-settings-form').waitFor();
    await axe.check('Gegevens en reservekopieën');

    /** One of the data screen's sections: opened, drawn (`ready`), checked, `more`, and back. */
    const section = async (name: string, screen: string, ready: Locator, more?: () => Promise<void>) => {
      await page.getByTestId(`data-open-${name}`).click();
      await ready.waitFor();
      await axe.check(screen);
      await more?.();
      await page.getByTestId('back').click();
    };
    await section('backups', 'Reservekopieën', page.getByTestId('backup-list'));
    await section('merge', 'Studiebestand importeren', heading(page, 'Studiebestand importeren'), async () => {
      await page.getByLabel('Studiebestand (.nwstudie)').setInputFiles({ name: 'laptop-b.nwstudie', mimeType: 'application/json', buffer: Buffer.from(studyFile, 'utf8') });
      await page.getByTestId('merge-preview').waitFor();
      await axe.check('Studiebestand importeren: voorbeeld');
    });
    await section('audit', 'Auditlog', page.getByTestId('audit-list'));
    await section('erasure', 'Wissen', heading(page, 'Gegevens van één respondent wissen'), async () => {
      await page.getByLabel('Netwerk').selectOption({ label: NETWORK });
      await page.getByLabel('Respondentcode').fill('KA116');
      await page.getByTestId('erasure-find').getByRole('button', { name: 'Zoeken' }).click();
      await page.getByTestId('erasure-preview').waitFor();
      await axe.check('Wissen: gevonden');
    });

    axe.expectNone();
  }, SWEEP_TIMEOUT);
});
