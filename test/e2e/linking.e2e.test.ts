import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, openResultsTab, textOf, type Session, useE2eSessions } from './support/harness';

/**
 * *Koppelen*: two near matches of self-made codes between T0 and T1, one accepted ("Zelfde
 * persoon") and one rejected ("Niet dezelfde persoon") on the screen, checked in the SQLite file
 * and in the dashboard's paired comparison, which grows by exactly the accepted pair.
 */

const INSTRUMENT = 'kansrijke-samenwerking';
const NETWORK = 'Dementienetwerk Twente';
const SCALE_ITEMS = ['amb', 'bel', 'per', 'org', 'pro'].flatMap((c) => [1, 2, 3, 4].map((i) => `ks_${c}_0${i}`));

/*
 * T0 and T1, all answering every statement with 3 at T0 and 4 at T1:
 *   AN011, BE022, CO033, DE044, EL055   Thuiszorg Oost   the same code in both waves: 5 exact pairs
 *   MA123 → MA133                       Thuiszorg Oost   the birth day differs: a proposal, accepted here
 *   JO051 → JO061                       Huisarts De Es   the birth day differs: a proposal, rejected here
 * Thuiszorg Oost has 6 respondents per wave (at least the minimum of 5: named); Huisarts De Es 1
 * (hidden). Nobody answered the background questions: no role group.
 * Paired n for Gedeelde ambitie: 5 before any decision, 6 after accepting MA123 → MA133.
 */
const EXACT = ['AN011', 'BE022', 'CO033', 'DE044', 'EL055'];

async function setUp(session: Session) {
  const network = await session.call('createNetwork', { name: NETWORK });
  await session.call('updateNetworkSettings', { networkId: network.id, consentNl: null, consentEn: null, codePolicy: 'self', idleSeconds: 180, minGroupSize: 5 });
  const thuiszorg = await session.call('addOrganisation', { networkId: network.id, name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: 'ge100' });
  const huisarts = await session.call('addOrganisation', { networkId: network.id, name: 'Huisarts De Es', sector: 'huisartsenzorg', sizeClass: 'lt100' });
  const instruments = [{ instrumentId: INSTRUMENT, version: 1 }];
  const t0 = await session.call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: '2026-03-01', instruments });
  const t1 = await session.call('createWave', { networkId: network.id, label: 'T1', kind: 'T1', plannedDate: '2027-03-01', instruments });
  const respond = async (waveId: string, code: string, organisationId: string, value: number) => {
    const r = await session.call('startResponse', { waveId, respondentCode: code, organisationId, mode: 'form' });
    for (const itemId of SCALE_ITEMS) await session.call('saveAnswer', { responseId: r.id, instrumentId: INSTRUMENT, itemId, value, text: null });
    await session.call('completeResponse', { responseId: r.id });
  };
  for (const code of [...EXACT, 'MA123']) await respond(t0.id, code, thuiszorg.id, 3);
  await respond(t0.id, 'JO051', huisarts.id, 3);
  for (const code of [...EXACT, 'MA133']) await respond(t1.id, code, thuiszorg.id, 4);
  await respond(t1.id, 'JO061', huisarts.id, 4);
  return { network, t0, t1 };
}

/** The linking counts and the paired n of Gedeelde ambitie on the dashboard's researchers' tab, T0 versus T1. */
async function dashboardLinking(page: Page, t1Id: string) {
  await page.getByTestId('dashboard').waitFor();
  await openResultsTab(page, 'Voor onderzoekers');
  const stats = page.getByTestId(`stats-${t1Id}`);
  await stats.waitFor();
  const count = (what: string) => textOf(page.getByTestId(`linking-${what}-${t1Id}`));
  const paired = await page.getByTestId(`stats-scales-${t1Id}-paired`).getByTestId('paired-ks_amb').getByRole('cell').allTextContents();
  return {
    matched: await count('matched'),
    tolerant: await count('tolerant'),
    proposals: await count('proposals'),
    rejected: await count('rejected'),
    unmatchedBaseline: await count('unmatched-baseline'),
    unmatchedFollowUp: await count('unmatched-followup'),
    pairedN: paired[0],
  };
}

const { newSession } = useE2eSessions();

describe('Koppelen', () => {
  it('accepts one proposal and rejects another; the database and the paired comparison follow', async () => {
    const session = await newSession();
    const { page } = session;
    const { t1 } = await setUp(session);
    const { deviceId } = await session.call('getAppInfo', {});

    // --- Before any decision: the dashboard pairs only the exact codes and says proposals wait ----------
    await page.goto(session.harness.url);
    await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
    await page.getByRole('button', { name: `Resultaten van netwerk ${NETWORK}` }).click();
    expect(await dashboardLinking(page, t1.id)).toEqual({ matched: '5', tolerant: '0', proposals: '2', rejected: '0', unmatchedBaseline: '0', unmatchedFollowUp: '0', pairedN: '5' });
    const notices = page.getByTestId('dashboard-notices');
    expect(await textOf(notices)).toContain('T1: Mogelijke koppelingen die op uw besluit wachten: 2.');
    await notices.getByRole('button', { name: 'Naar Koppelen' }).click();

    // --- The linking screen ------------------------------------------------------------------------------
    await page.getByRole('heading', { level: 1, name: /Koppelen/ }).waitFor();
    const section = page.getByTestId(`linking-${t1.id}`);
    expect(await textOf(section.getByRole('heading', { level: 2 }))).toBe('T0 en T1');
    const ma = page.getByTestId('proposal-MA123-MA133');
    const jo = page.getByTestId('proposal-JO051-JO061');
    // Both codes side by side; the differing element (the birth day) marked, and named for screen readers.
    expect(await ma.locator('mark').allTextContents()).toEqual(['12 (verschilt)', '13 (verschilt)']);
    const cells = (card: typeof ma, row: string) => card.getByRole('row', { name: new RegExp(`^${row}`) }).getByRole('cell').allTextContents();
    expect(await cells(ma, 'Code')).toEqual(['MA12 (verschilt)3', 'MA13 (verschilt)3']);
    expect(await cells(ma, 'Meting')).toEqual(['T0', 'T1']);
    expect(await cells(ma, 'Organisatie')).toEqual(['Thuiszorg Oost', 'Thuiszorg Oost']);
    expect(await cells(ma, 'Rolgroep')).toEqual(['niet opgegeven', 'niet opgegeven']);
    expect(await textOf(ma)).toContain('Verschilt in: de geboortedag.');
    // Huisarts De Es has one respondent per wave: not named.
    expect(await cells(jo, 'Organisatie')).toEqual(['verborgen (kleine groep)', 'verborgen (kleine groep)']);

    const axe = await axeViolations(page);
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);
    await page.screenshot({ path: '/tmp/netwerkspiegel-linking.png', fullPage: true });

    // "Zelfde persoon" for MA123 → MA133: a status message, the card moves to the decided list.
    await page.getByRole('button', { name: 'Zelfde persoon: MA123 (T0) en MA133 (T1)', exact: true }).click();
    await page.getByTestId('linking-status').getByText('Vastgelegd: MA123 en MA133 zijn dezelfde persoon en worden vanaf nu gekoppeld.').waitFor();
    await page.getByTestId('decided-MA123-MA133').waitFor();
    expect(await ma.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`proposals-${t1.id}`);

    // "Niet dezelfde persoon" for JO051 → JO061.
    await page.getByRole('button', { name: 'Niet dezelfde persoon: JO051 (T0) en JO061 (T1)', exact: true }).click();
    await page.getByTestId('linking-status').getByText('Vastgelegd: JO051 en JO061 zijn niet dezelfde persoon.').waitFor();
    await page.getByTestId('decided-JO051-JO061').waitFor();
    expect(await textOf(section)).toContain('Er zijn geen mogelijke koppelingen die op een besluit wachten.');
    expect(await textOf(page.getByTestId('decision-MA123-MA133'))).toMatch(/^Besloten: zelfde persoon, .+, op deze laptop\.$/);
    expect(await textOf(page.getByTestId('decision-JO051-JO061'))).toMatch(/^Besloten: niet dezelfde persoon, .+, op deze laptop\.$/);

    // The database: one row per decision, naming respondents, from this laptop; the log names ids only.
    const rows = session.db
      .prepare(
        `SELECT pb.code AS baseline, pf.code AS followUp, d.decision, d.device_id AS deviceId
         FROM link_decisions d JOIN respondents pb ON pb.id = d.baseline_respondent_id JOIN respondents pf ON pf.id = d.follow_up_respondent_id
         ORDER BY pb.code`,
      )
      .all();
    expect(rows).toEqual([
      { baseline: 'JO051', followUp: 'JO061', decision: 'rejected', deviceId },
      { baseline: 'MA123', followUp: 'MA133', decision: 'accepted', deviceId },
    ]);
    const audit = session.db.prepare("SELECT action, entity_id AS entityId, details FROM audit_log WHERE action LIKE 'link.%' ORDER BY rowid").all() as {
      action: string;
      entityId: string;
      details: string;
    }[];
    expect(audit.map((a) => a.action)).toEqual(['link.accepted', 'link.rejected']);
    expect(JSON.stringify(audit)).not.toMatch(/MA1|JO0/);

    const axeAfter = await axeViolations(page);
    expect(axeAfter, JSON.stringify(axeAfter, null, 2)).toEqual([]);

    // --- The dashboard again: one pair more, two people more among the unmatched -------------------------
    await page.getByRole('button', { name: 'Terug naar het netwerk' }).click();
    await page.getByRole('button', { name: `Resultaten van netwerk ${NETWORK}` }).click();
    expect(await dashboardLinking(page, t1.id)).toEqual({ matched: '5', tolerant: '1', proposals: '0', rejected: '1', unmatchedBaseline: '1', unmatchedFollowUp: '1', pairedN: '6' });
    expect(await page.getByTestId('dashboard-open-linking').count()).toBe(0);
    expect(session.problems).toEqual([]);
  });
});
