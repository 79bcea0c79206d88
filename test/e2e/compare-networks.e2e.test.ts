import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, textOf, type Session, useE2eSessions } from './support/harness';

/**
 * *Netwerken vergelijken* with twelve networks, in Chromium against the real services: a sortable
 * table (by name, by the latest wave's date, by each condition's mean; with the mouse and the
 * keyboard) and a small chart per network in the table's order, instead of one chart with a legend
 * entry per network. "The latest wave" is the latest by planned date, also where the waves were set
 * up in another order or their labels suggest another.
 *
 * Known answers. Each wave has five respondents i = 0…4; for a condition with number n the
 * respondent answers all its items with 1 + ⌊(n + i) / 5⌋, so the five answers add up to 5 + n
 * (Hermite's identity) and the mean is 1 + n/5: n = 1 → 1,20 … n = 12 → 3,40. Gedeelde ambitie
 * (ks_amb) uses AMB below, Recht doen aan belangen (ks_bel) 13 − AMB, except that in Palliatief
 * Netwerk Twente one respondent leaves the belangen items open: n = 4, suppressed.
 */

const KS = 'kansrijke-samenwerking';
const { newSession } = useE2eSessions();

interface NetworkPlan {
  name: string;
  amb: number;
  /** The waves in the order they are set up; the last by date is the latest. Earlier waves get n = 20 (mean 5,00). */
  waves: { label: string; kind: 'T0' | 'T1' | 'T2' | 'custom'; plannedDate: string | null; latest?: true }[];
}

type PlannedWave = NetworkPlan['waves'][number];
const latest = (label: string, kind: PlannedWave['kind'], plannedDate: string | null): PlannedWave => ({ label, kind, plannedDate, latest: true });
const single = (plannedDate: string | null) => [latest('T0', 'T0', plannedDate)];

const NETWORKS: NetworkPlan[] = [
  { name: 'Wijknetwerk Zuid', amb: 7, waves: single('2025-03-01') },
  // Set up: the follow-up first, the baseline after it.
  { name: 'Dementienetwerk Oost', amb: 2, waves: [latest('Vervolgmeting', 'T1', '2026-05-01'), { label: 'Nulmeting', kind: 'T0', plannedDate: '2025-01-15' }] },
  { name: 'Netwerk 10', amb: 11, waves: single('2025-06-01') },
  { name: 'Netwerk 9', amb: 5, waves: single('2025-02-01') },
  { name: 'Palliatief Netwerk Twente', amb: 1, waves: single('2025-04-01') },
  // An interim wave planned after the T1, set up before it: the latest, though T1 ranks higher as a kind.
  { name: 'Mantelzorgnetwerk West', amb: 9, waves: [latest('Meting B', 'custom', '2026-09-01'), { label: 'T1', kind: 'T1', plannedDate: '2026-02-01' }] },
  { name: 'Ouderennetwerk Delft', amb: 3, waves: single('2025-05-01') },
  { name: 'Jeugdnetwerk Almere', amb: 12, waves: single('2025-07-01') },
  { name: 'Buurtzorgnetwerk Ede', amb: 6, waves: single('2025-08-01') },
  { name: 'Netwerk 2', amb: 10, waves: single(null) },
  { name: 'Huisartsennetwerk Zwolle', amb: 4, waves: single('2025-09-01') },
  { name: 'Cliëntnetwerk Breda', amb: 8, waves: single('2025-10-01') },
];
const SUPPRESSED_BEL = 'Palliatief Netwerk Twente';

async function seedNetworks(session: Session) {
  for (const plan of NETWORKS) {
    const network = await session.call('createNetwork', { name: plan.name });
    for (const w of plan.waves) {
      const wave = await session.call('createWave', { networkId: network.id, label: w.label, kind: w.kind, plannedDate: w.plannedDate, instruments: [{ instrumentId: KS, version: 1 }] });
      const amb = w.latest ? plan.amb : 20;
      const bel = w.latest ? 13 - plan.amb : 20;
      for (let i = 0; i < 5; i++) {
        const r = await session.call('startResponse', { waveId: wave.id, respondentCode: `R-00${i + 1}`, organisationId: null, mode: 'form' });
        for (let k = 1; k <= 4; k++) {
          await session.call('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: `ks_amb_0${k}`, value: 1 + Math.floor((amb + i) / 5), text: null });
          if (plan.name === SUPPRESSED_BEL && i === 4) continue;
          await session.call('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: `ks_bel_0${k}`, value: 1 + Math.floor((bel + i) / 5), text: null });
        }
        await session.call('completeResponse', { responseId: r.id });
      }
    }
  }
}

async function openComparison(session: Session, width: number): Promise<Page> {
  const { page } = session;
  await page.setViewportSize({ width, height: 900 });
  await page.goto(session.harness.url);
  await page.getByTestId('open-compare').click();
  await page.getByRole('heading', { level: 1, name: 'Netwerken vergelijken' }).waitFor();
  await page.getByRole('button', { name: 'Vergelijken', exact: true }).click();
  await page.getByTestId('compare-table').waitFor();
  return page;
}

const rowNames = (table: Locator) => table.locator('tbody th[scope="row"]').allTextContents();
const header = (table: Locator, name: string) => table.locator('thead th').filter({ has: table.page().getByRole('button', { name, exact: true }) });

describe('comparing many networks', () => {
  it('shows a sortable table and a small chart per network in the table order', async () => {
    const session = await newSession();
    await seedNetworks(session);
    const page = await openComparison(session, 1280);
    const table = page.getByTestId('compare-table');

    // Sorted by name to begin with: as people read names, "Netwerk 2" before "Netwerk 10".
    const byName = [
      'Buurtzorgnetwerk Ede',
      'Cliëntnetwerk Breda',
      'Dementienetwerk Oost',
      'Huisartsennetwerk Zwolle',
      'Jeugdnetwerk Almere',
      'Mantelzorgnetwerk West',
      'Netwerk 2',
      'Netwerk 9',
      'Netwerk 10',
      'Ouderennetwerk Delft',
      'Palliatief Netwerk Twente',
      'Wijknetwerk Zuid',
    ];
    expect(await rowNames(table)).toEqual(byName);
    expect(await table.locator('thead th').allTextContents()).toEqual(['Netwerk', 'Laatste meting', 'Gedeelde ambitie', 'Recht doen aan belangen', 'Goed persoonlijk samenwerken', 'Professioneel organiseren', 'Betekenisgevend proces']);
    expect(await header(table, 'Netwerk').getAttribute('aria-sort')).toBe('ascending');
    expect(await header(table, 'Gedeelde ambitie').getAttribute('aria-sort')).toBe('none');

    // The latest wave by date, with its date: not the wave set up last, not the highest kind.
    const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name} `) });
    expect(await textOf(row('Dementienetwerk Oost').getByRole('cell').first())).toBe('Vervolgmeting 1 mei 2026');
    expect(await textOf(row('Mantelzorgnetwerk West').getByRole('cell').first())).toBe('Meting B 1 september 2026');
    expect(await textOf(row('Netwerk 2').getByRole('cell').first())).toBe('T0 geen datum gepland');
    // Means of the latest wave with n (1 + n/5 by the rule above); suppressed and unanswered cells say why.
    expect((await row('Dementienetwerk Oost').getByRole('cell').allTextContents()).slice(1, 3)).toEqual(['1,40n = 5', '3,20n = 5']);
    expect((await row('Mantelzorgnetwerk West').getByRole('cell').allTextContents()).slice(1, 3)).toEqual(['2,80n = 5', '1,80n = 5']);
    expect((await row('Jeugdnetwerk Almere').getByRole('cell').allTextContents()).slice(1, 4)).toEqual(['3,40n = 5', '1,20n = 5', 'geen antwoorden']);
    expect(await row(SUPPRESSED_BEL).getByRole('cell').nth(2).textContent()).toBe('te weinig antwoorden om te tonen');

    // A small chart per network, in the table's order, and no chart with a legend of twelve entries.
    const panels = page.getByTestId('multiples-compare-1-5').locator('svg.small-multiple');
    expect(await panels.count()).toBe(12);
    expect(await panels.evaluateAll((svgs) => svgs.map((s) => s.getAttribute('data-network')))).toEqual(byName);
    expect(await page.getByTestId('chart-compare-1-5').count()).toBe(0);
    expect(await page.getByTestId('compare-result').locator('.chart-legend').count()).toBe(0);
    // The same axis in every panel: the ticks 1 to 5 at the same places.
    const ticks = await panels.evaluateAll((svgs) => svgs.map((s) => Array.from(s.querySelectorAll('line + text')).map((t) => `${t.textContent}@${t.getAttribute('x')}`).join(' ')));
    expect(new Set(ticks).size).toBe(1);
    expect(ticks[0]).toMatch(/^1@\S+ 2@\S+ 3@\S+ 4@\S+ 5@\S+$/);
    await page.screenshot({ path: '/tmp/netwerkspiegel-compare-many-1280.png', fullPage: true });

    // The small multiples saved as one picture for a report, titled with what they compare.
    const multiples = page.getByTestId('multiples-compare-1-5');
    await multiples.getByRole('button', { name: /^Grafiek opslaan als SVG/ }).click();
    await multiples.getByText(/Grafiek opgeslagen als .*\.svg/).waitFor();
    const svgFile = readdirSync(session.exportDir).find((f) => f.endsWith('.svg'))!;
    const saved = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      const band = Array.from(root.children).find((el) => el.tagName === 'g')!;
      const chart = Array.from(root.children).find((el) => el.tagName === 'svg')!;
      const panels = Array.from(chart.children).filter((el) => el.tagName === 'svg');
      return {
        titles: Array.from(band.querySelectorAll('text')).map((el) => el.textContent),
        panelTitles: panels.map((p) => p.querySelector('text')?.textContent),
        distinctPlaces: new Set(panels.map((p) => `${p.getAttribute('x')},${p.getAttribute('y')}`)).size,
      };
    }, readFileSync(join(session.exportDir, svgFile), 'utf8'));
    expect(saved.titles).toEqual([
      '12 netwerken — Kansrijke samenwerking — laatste meting per netwerk',
      'Kleine staafdiagrammen, één per netwerk, van de gemiddelden per conditie op een schaal van 1 tot 5, in de volgorde van de tabel',
    ]);
    expect(saved.panelTitles).toEqual(byName);
    expect(saved.distinctPlaces).toBe(12);

    // By Gedeelde ambitie with the mouse: lowest first (n = 1 … 12).
    const byAmb = [
      'Palliatief Netwerk Twente',
      'Dementienetwerk Oost',
      'Ouderennetwerk Delft',
      'Huisartsennetwerk Zwolle',
      'Netwerk 9',
      'Buurtzorgnetwerk Ede',
      'Wijknetwerk Zuid',
      'Cliëntnetwerk Breda',
      'Mantelzorgnetwerk West',
      'Netwerk 2',
      'Netwerk 10',
      'Jeugdnetwerk Almere',
    ];
    await table.getByRole('button', { name: 'Gedeelde ambitie', exact: true }).click();
    expect(await rowNames(table)).toEqual(byAmb);
    expect(await header(table, 'Gedeelde ambitie').getAttribute('aria-sort')).toBe('ascending');
    expect(await header(table, 'Netwerk').getAttribute('aria-sort')).toBe('none');
    expect(await panels.evaluateAll((svgs) => svgs.map((s) => s.getAttribute('data-network')))).toEqual(byAmb);
    expect(await page.getByTestId('compare-sort-status').textContent()).toBe('Gesorteerd op Gedeelde ambitie, oplopend.');

    // Again with the keyboard (the heading's button has focus after the click): the other way round.
    await page.keyboard.press('Enter');
    expect(await rowNames(table)).toEqual([...byAmb].reverse());
    expect(await header(table, 'Gedeelde ambitie').getAttribute('aria-sort')).toBe('descending');

    // Tab to the next heading, Recht doen aan belangen, and sort with the space bar: the suppressed mean last.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await rowNames(table)).toEqual([...byAmb.filter((n) => n !== SUPPRESSED_BEL)].reverse().concat(SUPPRESSED_BEL));
    await page.keyboard.press('Space');
    expect((await rowNames(table)).at(-1)).toBe(SUPPRESSED_BEL);
    expect((await rowNames(table))[0]).toBe('Dementienetwerk Oost');

    // By the latest wave's date; the wave without a date last.
    await table.getByRole('button', { name: 'Laatste meting', exact: true }).click();
    expect(await rowNames(table)).toEqual([
      'Netwerk 9',
      'Wijknetwerk Zuid',
      'Palliatief Netwerk Twente',
      'Ouderennetwerk Delft',
      'Netwerk 10',
      'Jeugdnetwerk Almere',
      'Buurtzorgnetwerk Ede',
      'Huisartsennetwerk Zwolle',
      'Cliëntnetwerk Breda',
      'Dementienetwerk Oost',
      'Mantelzorgnetwerk West',
      'Netwerk 2',
    ]);

    const axe = await axeViolations(page);
    expect(axe.filter((v) => v.impact === 'serious' || v.impact === 'critical'), JSON.stringify(axe, null, 2)).toEqual([]);

    // Every wave: each network's panel shows its own waves in time order.
    await page.getByLabel('Alle metingen').check();
    await page.getByRole('button', { name: 'Vergelijken', exact: true }).click();
    await table.locator('tbody tr').nth(13).waitFor();
    expect(await table.locator('thead th').first().textContent()).toBe('Netwerk');
    const dementie = page.getByTestId('multiples-compare-1-5').locator('svg[data-network="Dementienetwerk Oost"]');
    expect((await dementie.locator('text').allTextContents()).filter((t) => t.includes(' · '))).toEqual(['Nulmeting · 15 januari 2025', 'Vervolgmeting · 1 mei 2026']);

    // Narrower window: the grid reflows, nothing sticks out of the page.
    await page.setViewportSize({ width: 900, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: '/tmp/netwerkspiegel-compare-many-900.png', fullPage: true });
    expect(session.problems).toEqual([]);
  });
});
