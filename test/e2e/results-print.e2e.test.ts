import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../shared/results';
import { hasPdftotext, PDFTOTEXT_MISSING, pdfInfo, pdfLayoutPages, pdfPages, pdfWords } from '../support/pdftotext';
import { type Session, useE2eSessions } from './support/harness';

/**
 * The results print view on A4 portrait, in Chromium against the real services: a network with
 * three waves of Kansrijke samenwerking, all five conditions answered by forty people from eight
 * partner organisations with long names (the widest table: a column per organisation). The PDF
 * is made by Chromium's page.pdf, as Electron's printToPDF makes it, and read back with Poppler:
 * every condition, every follow-up wave, the tests as tables, the last column of every wide table
 * with the numbers the service gave (`getDashboard`), nothing beyond the page's edge, no page
 * left nearly empty. The layout itself is checked under print media in the DOM as well.
 */

const KS = 'kansrijke-samenwerking';
const NETWORK = 'Netwerk Ouderenzorg Hengelo';
const CONDITIONS = ['amb', 'bel', 'per', 'org', 'pro'] as const;
const ORGANISATIONS = [
  'Thuiszorg Oost Twente',
  'Welzijnsorganisatie Hengelo-Borne',
  'Huisartsencoöperatie Centraal Twente',
  'Ziekenhuisgroep Twente Almelo',
  'Gemeente Hengelo Sociaal Domein',
  'Wijkteam Hengelo-Noord',
  'Apotheek Hengelo Centrum',
  'Fysiotherapiepraktijk Berflo Es',
];
const WAVES = [
  ['T0', 'T0', '2026-01-15'],
  ['T1', 'T1', '2026-06-15'],
  ['T2', 'T2', '2026-12-15'],
] as const;
/** Per condition a starting answer and a step per wave, so conditions rise, stay and fall. */
const BASE = [3, 4, 2, 3, 4];
const STEP = [1, 0, -1, 0, 1];
const RESPONDENTS = 40;

/** A4 at 96 CSS px per inch is 794 px wide; the print styles' page margin is 12 mm on each side. */
const A4_CONTENT_PX = 794 - 2 * Math.round((12 / 25.4) * 96);
/** The same in PDF points (595.3 × 841.9 a page). */
const PAGE_RIGHT_PT = 595.3 - (12 / 25.4) * 72;

const { newSession } = useE2eSessions();

async function seeded(): Promise<{ session: Session; networkId: string }> {
  const session = await newSession();
  const network = await session.call('createNetwork', { name: NETWORK });
  const orgs = [];
  for (const name of ORGANISATIONS) orgs.push(await session.call('addOrganisation', { networkId: network.id, name, sector: 'zorg', sizeClass: 'lt100' }));
  for (const [w, [label, kind, date]] of WAVES.entries()) {
    const wave = await session.call('createWave', { networkId: network.id, label, kind, plannedDate: date, instruments: [{ instrumentId: KS, version: 1 }] });
    for (let i = 1; i <= RESPONDENTS; i++) {
      const r = await session.call('startResponse', { waveId: wave.id, respondentCode: `R-${String(i).padStart(3, '0')}`, organisationId: orgs[i % orgs.length]!.id, mode: 'form' });
      for (const [ci, c] of CONDITIONS.entries()) {
        for (let k = 1; k <= 4; k++) {
          // One "weet niet" per wave, so that column is there too.
          const value = i === 7 && k === 2 ? 9 : Math.min(5, Math.max(1, BASE[ci]! + ((i + k) % 3) - 1 + w * STEP[ci]!));
          await session.call('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: `ks_${c}_0${k}`, value, text: null });
        }
      }
      await session.call('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_cijfer', value: 5 + ((i + w) % 5), text: null });
      await session.call('completeResponse', { responseId: r.id });
    }
  }
  return { session, networkId: network.id };
}

/** A number as the Dutch tables write it: decimal comma, hyphen-minus. */
const nl = (value: number, decimals: number) => value.toFixed(decimals).replace('.', ',');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the results print view on A4', () => {
  it('prints every condition, the tests open and every wide table whole, on pages that are used', async () => {
    const { session, networkId } = await seeded();
    const { page } = session;
    const d: Dashboard = await session.call('getDashboard', { networkId, waveIds: [], instrumentId: KS, breakdown: 'none' });
    expect(d.scales.map((s) => s.scaleId)).toEqual(CONDITIONS.map((c) => `ks_${c}`));
    expect(d.comparisons.length).toBe(2);
    await page.goto(session.harness.url);
    await page.getByRole('button', { name: new RegExp(NETWORK) }).first().click();
    await page.getByRole('button', { name: `Afdrukversie en PDF van de resultaten: ${NETWORK}` }).click();
    const view = page.getByTestId('print-view');
    await view.waitFor();
    await page.getByTestId('chart-downloads').waitFor();

    // Every condition's answers are drawn, each with its chart and table; nothing is folded away.
    for (const s of d.scales) {
      const group = view.getByTestId(`distribution-group-${s.scaleId}`);
      expect(await group.locator('h3').textContent()).toBe(s.label.nl);
      expect(await group.locator('figure svg.recharts-surface').count()).toBe(1);
      expect(await group.getByTestId(`distribution-${s.scaleId}-table`).locator('tbody tr').count()).toBe(4 * WAVES.length);
    }
    expect(await view.locator('details').count()).toBe(0);
    for (const c of d.comparisons) expect(await view.getByTestId(`change-items-${c.followUpWaveId}`).count()).toBe(1);

    // The page as the printer lays it out: the content width of A4 portrait, print media.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: A4_CONTENT_PX, height: 1000 });
    const layout = await page.evaluate((width) => {
      const visible = Array.from(document.querySelectorAll('html, body, body *')).filter((el) => el.checkVisibility());
      const name = (el: Element) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}[${el.getAttribute('data-testid') ?? ''}]`;
      const white = (colour: string) => colour === 'rgba(0, 0, 0, 0)' || colour === 'rgb(255, 255, 255)';
      return {
        tooWide: visible.filter((el) => el.getBoundingClientRect().right > width + 0.5 || el.scrollWidth > el.clientWidth + 1).map(name),
        // Tints belong to charts and to table cells (a verdict, a warning); no panel, box or page is grey.
        tinted: visible.filter((el) => !el.closest('figure, table') && !white(getComputedStyle(el).backgroundColor)).map(name),
        controls: visible.filter((el) => el.matches('button, select, input, summary, a[href]')).map(name),
        headings: Array.from(document.querySelectorAll('.print-view h2, .print-view h3')).map((h) => (h.textContent ?? '').trim()),
      };
    }, A4_CONTENT_PX);
    expect(layout.tooWide).toEqual([]);
    expect(layout.tinted).toEqual([]);
    expect(layout.controls).toEqual([]);

    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(session.problems).toEqual([]);
    if (!hasPdftotext) {
      console.warn(PDFTOTEXT_MISSING);
      return;
    }
    const file = join(session.dir, 'results.pdf');
    writeFileSync(file, pdf);
    // Kept for looking at its pages (pdftoppm) after the run.
    copyFileSync(file, '/tmp/netwerkspiegel-results-print.pdf');
    const info = pdfInfo(file);
    expect(Math.abs(info.width - 595.3)).toBeLessThan(1.5);
    expect(Math.abs(info.height - 841.9)).toBeLessThan(1.5);
    const pages = pdfPages(file);
    const lines = pdfLayoutPages(file);
    const words = pdfWords(file);
    expect(pages.length).toBe(info.pages);
    const all = pages.join(' ');

    // The title page: network, instrument, waves with their dates, the day it was made.
    const today = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
    for (const text of [`Resultaten van ${NETWORK}`, 'Kansrijke samenwerking', 'T0 (15 januari 2026), T1 (15 juni 2026), T2 (15 december 2026)', `Gemaakt op ${today}`]) {
      expect(pages[0]).toContain(text);
    }
    // Nothing of the screen around it.
    for (const text of ['Terug naar het netwerk', 'Opslaan als PDF', 'Grafiek opslaan', 'Kopiëren', 'tonen']) expect(all).not.toContain(text);

    // Every condition's answers under its name, with the caption of its chart's table; every follow-up wave's change per statement.
    for (const s of d.scales) expect(all).toContain(`Aantal en percentage antwoorden per keuze, per vraag en meting: ${s.label.nl}`);
    for (const w of ['T1', 'T2']) expect(all).toContain(`Verschil per uitspraak, ${w} min T0, van grootste stijging tot grootste daling`);

    // The answers per option (eleven columns): every row ends in its share agreeing, as the service counted it.
    expect(all).toContain('Aandeel eens (ruwe antwoorden)');
    const allLines = lines.join('\n');
    for (const item of d.items.filter((it) => it.scaleId !== null)) {
      for (const w of item.perWave) {
        const wave = d.waves.find((x) => x.waveId === w.waveId)!.label;
        const share = `${Math.round(w.stats.shareAgree! * 100)}%`;
        const firstWord = item.label.nl.split(/\s/)[0]!;
        expect(allLines, `${item.itemId} ${wave}`).toMatch(new RegExp(`^\\s*${escape(firstWord)}\\b.*\\s${wave}\\s.*\\s${escape(share)}\\s*$`, 'm'));
      }
    }

    // The tests over everyone as tables (t (df); p) per condition, and per statement open, not behind a link.
    expect(all).toContain('t (df); p');
    for (const c of d.comparisons) {
      const follow = d.waves.find((x) => x.waveId === c.followUpWaveId)!.label;
      expect(all).toContain(`Vergelijking over iedereen, ${follow} min T0, per vraag`);
      for (const row of c.rows.filter((r) => r.allRespondents.t !== null)) {
        expect(all, `${row.id} ${follow}`).toContain(`${nl(row.allRespondents.t!, 2)} (${nl(row.allRespondents.df!, 1)});`);
      }
    }

    // The matched pairs' details (nine columns): the last column, r (rangbiserieel), per condition.
    for (const c of d.comparisons) {
      const follow = d.waves.find((x) => x.waveId === c.followUpWaveId)!.label;
      const at = lines.findIndex((p) => p.replace(/\s+/g, ' ').includes(`Alleen gekoppelde respondenten (dezelfde personen), ${follow} min T0`));
      expect(at).toBeGreaterThanOrEqual(0);
      const text = lines[at]! + lines[at + 1]!;
      expect(text.replace(/\s+/g, ' ')).toContain('(rangbiserieel)');
      for (const row of c.rows.filter((r) => r.kind === 'scale')) {
        const r = row.paired.rankBiserial === null ? '–' : nl(row.paired.rankBiserial, 2);
        expect(text, `${row.id} ${follow}`).toMatch(new RegExp(`^\\s*${escape(row.label.nl.split(/\s/)[0]!)}\\b.*\\s${escape(r)}\\s*$`, 'm'));
      }
    }

    // The spread between the eight organisations (ten columns): its last column, the range, is there.
    const spread = lines.find((p) => p.replace(/\s+/g, ' ').includes('Gemiddelde per conditie per partnerorganisatie bij T2'))!;
    expect(spread).toBeDefined();
    // The heading wraps between its two words, each whole.
    expect(spread).toMatch(/\sBereik\s/);
    expect(spread).toMatch(/\s\(verschil\)\s/);
    const latest = d.waves.at(-1)!.waveId;
    for (const s of d.scales) {
      const means = d.organisations.groups.map((g) => g.perScale.find((x) => x.scaleId === s.scaleId)!.perWave.find((x) => x.waveId === latest)!.stats.mean!);
      const [low, high] = [Math.min(...means), Math.max(...means)];
      expect(spread, s.scaleId).toMatch(new RegExp(`^\\s*${escape(s.label.nl.split(/\s/)[0]!)}\\b.*\\s${escape(`${nl(low, 2)} – ${nl(high, 2)}`)}\\s*$`, 'm'));
      expect(spread, s.scaleId).toContain(`(${nl(high - low, 2)})`);
    }

    // Nothing beyond the right margin; every page between the title page and the last is used at least to half its height.
    for (const [i, p] of words.entries()) {
      const beyond = p.words.filter((w) => w.xMax > PAGE_RIGHT_PT + 1).map((w) => w.text);
      expect(beyond, `page ${i + 1}`).toEqual([]);
      if (i > 0 && i < words.length - 1) {
        const lowest = Math.max(...p.words.map((w) => w.yMax));
        expect(lowest / p.height, `page ${i + 1}`).toBeGreaterThan(0.5);
      }
    }
    // No heading stands alone at the foot of a page.
    for (const [i, p] of lines.entries()) {
      const last = p.trimEnd().split('\n').at(-1)!.trim();
      expect(layout.headings, `page ${i + 1}: ${last}`).not.toContain(last);
    }
  });
});
