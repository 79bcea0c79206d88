import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasPdftotext, PDFTOTEXT_MISSING, pdfInfo, pdfPages } from '../support/pdftotext';
import { axeViolations, type Session, textOf, useE2eSessions } from './support/harness';

/**
 * The printable paper questionnaire of a wave and the paper grid that speaks in its question
 * numbers, in Chromium against the real services. The wave asks Kansrijke samenwerking, then
 * Achtergrond (version 2), so the numbers are, by hand from the definitions: the twenty
 * statements 1–20 (four per condition), the grade 21, the open questions 22 and 23, then role 24,
 * discipline 25, years 26 and governance body 27. The PDF is made by Chromium's page.pdf, standing
 * in for Electron's printToPDF behind the same `printToPdf` hook, and read back with pdftotext.
 */

const NETWORK = 'Dementienetwerk Twente';
const ORGANISATIONS = ['Thuiszorg Oost', 'Huisartsenpraktijk De Es'];
const Q1_NL = 'De partners in ons netwerk streven dezelfde ambitie na.';
const Q1_EN = 'The partners in our network pursue the same ambition.';
const Q21_NL = 'Welk rapportcijfer (1 tot en met 10) geeft u de samenwerking in het netwerk?';
const Q22_NL = 'Wat gaat er goed in de samenwerking?';
const Q24_NL = 'In welke rol bent u vooral bij het netwerk betrokken?';
const Q27_NL = 'In welk overleg van het netwerk bent u (vooral) actief? Bent u in meer dan één overleg actief, kies dan het overleg waarin u het meest actief bent.';
const WAVE_INSTRUMENTS = [
  { instrumentId: 'kansrijke-samenwerking', version: 1 },
  { instrumentId: 'achtergrond', version: 2 },
];
const AGREEMENT = ['Helemaal oneens 1', 'Oneens 2', 'Neutraal 3', 'Eens 4', 'Helemaal eens 5', 'Weet niet / n.v.t. 9'];

const { newSession } = useE2eSessions();

async function waveWithBackground(session: Session, codePolicy: 'self' | 'free') {
  const network = await session.call('createNetwork', { name: NETWORK });
  for (const name of ORGANISATIONS) await session.call('addOrganisation', { networkId: network.id, name, sector: 'zorg', sizeClass: 'lt100' });
  await session.call('updateNetworkSettings', { networkId: network.id, consentNl: null, consentEn: null, codePolicy, idleSeconds: 180, minGroupSize: 5 });
  const wave = await session.call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: WAVE_INSTRUMENTS });
  await session.page.goto(session.harness.url);
  await session.page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
  return { network, wave };
}

describe('the paper questionnaire of a wave', () => {
  it('shows every question numbered in the kiosk\u2019s order, with the code boxes, the consent and the scale as a grid, and saves it as a PDF that reads the same', async () => {
    const session = await newSession();
    const { page } = session;
    await waveWithBackground(session, 'self');
    await page.getByRole('button', { name: 'Papieren vragenlijst afdrukken voor meting T0' }).click();
    const form = page.getByTestId('paper-form');
    await form.waitFor();
    await page.getByRole('heading', { level: 1, name: /Papieren vragenlijst: T0/ }).waitFor();

    // 27 numbered questions, 1 to 27 in order.
    const numbers = (await form.locator('.pf-number').allTextContents()).map(Number);
    expect(numbers).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    expect(await textOf(form.getByTestId('pf-question-1').locator('.pf-text'))).toBe(Q1_NL);
    expect(await textOf(form.getByTestId('pf-question-21').locator('.pf-question-text'))).toBe(`21 ${Q21_NL}`);
    expect(await textOf(form.getByTestId('pf-question-21').locator('.pf-hint'))).toBe('Een heel getal van 1 tot en met 10.');
    expect(await form.getByTestId('pf-question-21').locator('.pf-char-box').count()).toBe(2);
    expect(await textOf(form.getByTestId('pf-question-22').locator('.pf-text'))).toBe(Q22_NL);
    expect(await form.getByTestId('pf-question-22').locator('.pf-line').count()).toBe(5);
    expect(await textOf(form.getByTestId('pf-question-24').locator('.pf-text'))).toBe(Q24_NL);
    expect(await textOf(form.getByTestId('pf-question-27').locator('.pf-text'))).toBe(Q27_NL);
    // Role: its six groups and "Zeg ik liever niet", each with the code to type.
    expect((await form.getByTestId('pf-question-24').locator('.pf-option').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim())).toEqual([
      'Professional (zorg of welzijn) 1',
      'Leidinggevende of bestuurder 2',
      'Beleidsmedewerker (gemeente, zorgverzekeraar of organisatie) 3',
      'Vrijwilliger 4',
      'Bewoner of mantelzorger 5',
      'Anders 6',
      'Zeg ik liever niet 9',
    ]);

    // Each condition's four statements are one grid with the agreement scale as column heads.
    const grids = form.locator('table.pf-grid');
    expect(await grids.count()).toBe(5);
    const heads = (await grids.first().locator('thead th').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
    expect(heads).toEqual(['Uitspraak', ...AGREEMENT]);
    expect(await grids.nth(4).locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')))).toEqual([
      'pf-question-17',
      'pf-question-18',
      'pf-question-19',
      'pf-question-20',
    ]);
    expect(await grids.first().locator('tbody tr').first().locator('.pf-box').count()).toBe(6);

    // The kiosk's instructions for a self-made code, a box for the birth month, the standard consent text, the organisations.
    const code = form.locator('.pf-respondent-code[data-policy="self"]');
    expect(await textOf(code)).toContain('Met drie vragen maakt u een code die alleen u opnieuw kunt maken.');
    expect(await textOf(code)).toContain('Wat zijn de eerste twee letters van de voornaam van uw moeder?');
    expect(await textOf(code)).toContain('In welke maand bent u geboren?');
    expect(await code.locator('.pf-char-box').count()).toBe(2 + 2 + 1 + 2);
    expect(await textOf(form.locator('.pf-consent'))).toContain('Meedoen is vrijwillig.');
    // The standard consent says what happens with a half-filled form, never a raw placeholder.
    expect(await textOf(form.locator('.pf-consent'))).toContain('Wat u al hebt ingevuld, wordt ingevoerd als u het formulier inlevert.');
    expect(await textOf(form)).not.toContain('{{');
    // The organisations as the kiosk lists them (by name), then the kiosk's way out.
    expect(await textOf(form.locator('.pf-about .pf-text'))).toBe('Bij welke organisatie in dit netwerk werkt u?');
    expect((await form.locator('.pf-about .pf-option').allTextContents()).map((s) => s.trim())).toEqual([
      'Huisartsenpraktijk De Es',
      'Thuiszorg Oost',
      'Zeg ik liever niet, of staat er niet bij',
    ]);

    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/netwerkspiegel-paper-form.png', fullPage: false });
    await grids.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/netwerkspiegel-paper-form-grid.png', fullPage: false });

    // In English for the respondent, whatever the researcher's language.
    await page.getByLabel('Taal van de vragenlijst').selectOption('en');
    expect(await textOf(form.getByTestId('pf-question-1').locator('.pf-text'))).toBe(Q1_EN);
    expect(await form.getAttribute('lang')).toBe('en');
    expect(await textOf(page.locator('h1'))).toContain('Papieren vragenlijst: T0');
    await page.getByLabel('Taal van de vragenlijst').selectOption('nl');

    // Printing shows the form and nothing of the screen around it.
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      ['.app-header', 'h1', '[data-testid="save-pdf"]', '[data-testid="paper-form-language"]', '[data-testid="paper-form"]'].map((sel) => document.querySelector(sel)?.checkVisibility() ?? 'absent'),
    );
    expect(shown).toEqual([false, false, false, false, true]);
    await page.emulateMedia({ media: null });

    // "Opslaan als PDF" through the main process's hook, with Chromium printing the page.
    session.harness.services.printToPdf = () => page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.getByTestId('save-pdf').click();
    await page.getByTestId('pdf-status').getByText(/PDF opgeslagen als .*papieren-vragenlijst\.pdf/).waitFor();
    const file = readdirSync(session.exportDir).find((f) => f.endsWith('.pdf'))!;
    expect(file).toMatch(/netwerkspiegel-Dementienetwerk_Twente-T0-papieren-vragenlijst\.pdf$/);
    expect(session.problems).toEqual([]);

    if (!hasPdftotext) {
      console.warn(PDFTOTEXT_MISSING);
      return;
    }
    const path = join(session.exportDir, file);
    // Kept for looking at its pages (pdftoppm) after the run.
    copyFileSync(path, '/tmp/netwerkspiegel-paper-form.pdf');
    const info = pdfInfo(path);
    // A4 is 595.3 × 841.9 points; Chromium rounds the page to whole CSS pixels (794 × 1123).
    expect(Math.abs(info.width - 595.3)).toBeLessThan(1.5);
    expect(Math.abs(info.height - 841.9)).toBeLessThan(1.5);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    const pages = pdfPages(path);
    expect(pages.length).toBe(info.pages);
    const all = pages.join(' ');
    expect(all).toContain(NETWORK);
    expect(all).toContain('Wat zijn de eerste twee letters van de voornaam van uw moeder?');
    expect(all).not.toContain('Afdrukken of opslaan als PDF');
    expect(all).not.toContain('Terug naar het netwerk');
    // Every question stands whole on one page, after its number.
    for (const [number, text] of [
      [1, Q1_NL],
      [21, Q21_NL],
      [22, Q22_NL],
      [24, Q24_NL],
      [27, Q27_NL],
    ] as const) {
      expect(pages.filter((p) => p.includes(`${number} ${text}`)).length, `question ${number}`).toBe(1);
    }
    // Each page is numbered at its foot: "1 / 5" (pdftotext may drop the spaces around the slash).
    pages.forEach((p, i) => expect(p.replace(/\s/g, ''), `page ${i + 1}`).toContain(`${i + 1}/${pages.length}`));
  });

  it('asks for the code on the card when the network hands out codes, and opens from paper entry', async () => {
    const session = await newSession();
    const { page } = session;
    const { network } = await waveWithBackground(session, 'free');
    await session.call('updateNetworkSettings', { networkId: network.id, consentNl: 'Eigen tekst van het netwerk.\n\nTweede alinea.', consentEn: null, codePolicy: 'assigned', idleSeconds: 180, minGroupSize: 5 });
    await page.getByRole('button', { name: 'Papier invoeren voor meting T0' }).click();
    await page.getByTestId('paper-grid').waitFor();
    await page.getByRole('button', { name: 'Papieren vragenlijst afdrukken voor meting T0' }).click();
    const form = page.getByTestId('paper-form');
    await form.waitFor();
    const code = form.locator('.pf-respondent-code[data-policy="assigned"]');
    expect(await textOf(code)).toContain('Op uw kaartje staat een code van zes tekens. Vul die hier in.');
    expect(await code.locator('.pf-char-box').count()).toBe(6);
    expect(await form.locator('.pf-consent p').allTextContents()).toEqual(['Eigen tekst van het netwerk.', 'Tweede alinea.', 'Kruis aan als u meedoet:Ik doe mee']);
    await code.screenshot({ path: '/tmp/netwerkspiegel-paper-form-card-code.png' });
    // "Terug" goes back to paper entry.
    await page.getByRole('button', { name: 'Terug naar Papier invoeren' }).click();
    await page.getByTestId('paper-grid').waitFor();
    expect(session.problems).toEqual([]);
  });
});

describe('the paper grid in question numbers', () => {
  it('heads each column with the question\u2019s number and short label, and names the number in its errors, in Dutch and in English', async () => {
    const session = await newSession();
    const { page } = session;
    await waveWithBackground(session, 'free');
    await page.getByRole('button', { name: 'Papier invoeren voor meting T0' }).click();
    const grid = page.getByTestId('paper-grid');
    await grid.waitFor();

    const head1 = page.getByTestId('paper-head-ks_amb_01');
    expect(await textOf(head1.locator('.paper-head-number'))).toBe('1');
    expect(await textOf(head1.locator('.paper-head-label'))).toBe('Mate van gedeeldheid');
    expect(await head1.getAttribute('title')).toBe(Q1_NL);
    expect(await textOf(page.getByTestId('paper-head-ag_overleg'))).toBe('Vraag 27 Overleg');
    const heads = await grid.locator('thead th.paper-head .paper-head-number').allTextContents();
    expect(heads.map(Number)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    // Variable names only in the legend's small print, for researchers.
    expect(await textOf(grid.locator('thead'))).not.toMatch(/ks_|ag_/);
    const legend = page.locator('.paper-legend-row').first();
    expect(await textOf(legend.locator('dt'))).toBe('Vragen 1 t/m 20 ks_amb_01 … ks_pro_04');
    expect(await textOf(legend.locator('dd'))).toBe('1 = Helemaal oneens · 2 = Oneens · 3 = Neutraal · 4 = Eens · 5 = Helemaal eens · 9 = Weet niet / n.v.t.');
    expect(await page.locator('.paper-legend-row dt').allTextContents()).toEqual([
      'Vragen 1 t/m 20 ks_amb_01 … ks_pro_04',
      'Vraag 21 ks_cijfer',
      'Vragen 22 en 23 ks_open_goed, ks_open_beter',
      'Vraag 24 ag_rol',
      'Vraag 25 ag_discipline',
      'Vraag 26 ag_jaren',
      'Vraag 27 ag_overleg',
    ]);
    await page.screenshot({ path: '/tmp/netwerkspiegel-paper-grid-numbers.png' });

    const code = page.getByTestId('paper-code-1');
    await code.fill('P-001');
    await code.press('Tab');
    await expect.poll(() => code.getAttribute('readonly')).not.toBeNull();
    const errors = page.getByTestId('paper-errors');

    // 7 is not on the scale of question 6 (ks_bel_02).
    const cell6 = page.getByTestId('paper-cell-1-ks_bel_02');
    await cell6.press('7');
    await expect.poll(() => cell6.getAttribute('data-state')).toBe('error');
    expect(await textOf(errors)).toBe('Vraag 6, respondent P-001: ‘7’ is geen antwoord op deze vraag. Kies een antwoord: 1 tot en met 5 of 9 (Weet niet / n.v.t.).');
    expect(await cell6.getAttribute('aria-label')).toBe('Vraag 6, respondent P-001');

    // 0 is not a grade (question 21, 1 to 10).
    const cell21 = page.getByTestId('paper-cell-1-ks_cijfer');
    await cell21.press('0');
    await expect.poll(() => cell21.getAttribute('data-state')).toBe('error');
    expect(await textOf(errors)).toContain('Vraag 21, respondent P-001: ‘0’ is geen antwoord op deze vraag. Vul een heel getal in van 1 tot en met 10.');
    await page.screenshot({ path: '/tmp/netwerkspiegel-paper-grid-errors.png' });

    // A letter at the role (question 24, codes 1–6 and 9 = rather not say).
    const cell24 = page.getByTestId('paper-cell-1-ag_rol');
    await cell24.press('x');
    await expect.poll(() => cell24.getAttribute('data-state')).toBe('error');
    expect(await textOf(errors)).toContain('Vraag 24, respondent P-001: ‘x’ is geen antwoord op deze vraag. Kies een antwoord: 1 tot en met 6 of 9 (Zeg ik liever niet).');

    // The same in English (the researcher's language), for a new refusal.
    await page.getByTestId('language-en').click();
    const cell7 = page.getByTestId('paper-cell-1-ks_bel_03');
    await cell7.press('6');
    await expect.poll(() => cell7.getAttribute('data-state')).toBe('error');
    expect(await textOf(errors)).toContain('Question 7, respondent P-001: ‘6’ is not an answer to this question. Choose an answer: 1 to 5 or 9 (Don’t know / not applicable).');
    expect(await textOf(page.getByTestId('paper-head-ks_amb_01'))).toBe('Question 1 Degree of sharing');

    // Nothing of it was stored.
    expect(session.db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 0 });
    expect(session.problems).toEqual([]);
  });
});
