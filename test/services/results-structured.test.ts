import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../shared/results';
import { useServices } from '../support/services';
import { CO, storeTicks, structuredStudy } from '../support/structured-study';

/**
 * The results of an instrument with conditional display and multiple choice, through the real
 * dispatcher over a real SQLite file (test/support/structured-study.ts has the answers, each
 * response's numbers worked out by hand there). A hidden item's stored answer counts nowhere.
 */

const open = useServices();

async function dashboardOf(s: ReturnType<typeof open>, networkId: string): Promise<Dashboard> {
  return s.ok('getDashboard', { networkId, waveIds: [], instrumentId: CO, breakdown: 'none' });
}

const itemStats = (d: Dashboard, itemId: string, wave = 0) => d.items.find((it) => it.itemId === itemId)!.perWave[wave]!.stats;

describe('the dashboard of an instrument with hidden items and multiple choice', { timeout: 30_000 }, () => {
  it('scores the subscale over the shown items only: co_app hidden leaves the mean of co_01 and co_02', async () => {
    const s = open();
    const { network } = await structuredStudy(s);
    const d = await dashboardOf(s, network.id);
    const t0 = d.scales.find((sc) => sc.scaleId === 'co_afstemming')!.perWave[0]!.stats;
    // Per response 11/3, 4.5, 3, 2, 14/3 and 4: together (22 + 27 + 18 + 12 + 28 + 24) / 6 = 131/6; mean 131/36.
    expect(t0.n).toBe(6);
    expect(t0.mean).toBeCloseTo(131 / 36, 12);
    // Counting the hidden answers (1, 2, 5) would give 11/3, 10/3, 3, 2, 14/3, 13/3: another mean.
    expect(t0.mean).not.toBeCloseTo((11 / 3 + 10 / 3 + 3 + 2 + 14 / 3 + 13 / 3) / 6, 6);
  });

  it('leaves hidden answers out of the item mean, its n and its missing count', async () => {
    const s = open();
    const { network } = await structuredStudy(s);
    const d = await dashboardOf(s, network.id);
    // Shown to R-001 (5), R-003 (3), R-005 (4): mean 4, n 3; the three who did not see it are not missing.
    expect(itemStats(d, 'co_app')).toMatchObject({ n: 3, missing: 0, declined: 0, mean: 4, suppressed: false });
    expect(itemStats(d, 'co_app').distribution!.map((o) => o.count)).toEqual([0, 0, 1, 1, 1, 0]);
    // co_02: 2, 4, 3, 2, 5 and one "weet niet": mean 16/5, one declined.
    expect(itemStats(d, 'co_02')).toMatchObject({ n: 5, declined: 1, missing: 0, mean: 3.2 });
  });

  it('shows a multiple-choice item as the respondents who ticked each option', async () => {
    const s = open();
    const { network } = await structuredStudy(s);
    const d = await dashboardOf(s, network.id);
    const kanalen = d.items.find((it) => it.itemId === 'co_kanalen')!;
    expect(kanalen.type).toBe('multiple');
    expect(kanalen.range).toBeNull();
    // Ticked: telephone; e-mail; meeting R-002; app; none R-006.
    const stats = kanalen.perWave[0]!.stats;
    expect(stats).toMatchObject({ n: 6, missing: 0, mean: null, suppressed: false });
    expect(stats.distribution!.map((o) => [o.code, o.label.nl, o.count, o.scored])).toEqual([
      [1, 'Telefoon', 3, true],
      [2, 'E-mail', 2, true],
      [3, 'Overleg', 1, true],
      [4, 'Beveiligde app', 3, true],
      [9, 'Geen van deze', 1, false],
    ]);
    // Never compared between waves: it has no scores.
    expect(d.comparisons[0]!.rows.some((r) => r.id === 'co_kanalen')).toBe(false);
  });

  it('shows nothing of a multiple-choice item below the minimum group, and counts an empty one as missing', async () => {
    const s = open();
    const { network, t1 } = await structuredStudy(s);
    // T1 has two respondents, fewer than the minimum of 3: withheld.
    const d = await dashboardOf(s, network.id);
    expect(itemStats(d, 'co_kanalen', 1)).toMatchObject({ n: 2, suppressed: true, distribution: null });
    // A third respondent at T1 who ticked nothing: n 2 still, now missing 1.
    const r = await s.ok('startResponse', { waveId: t1.id, respondentCode: 'R-009', organisationId: null, mode: 'form' });
    for (const [itemId, value] of Object.entries({ co_rol: 2, co_01: 3, co_02: 3 })) await s.ok('saveAnswer', { responseId: r.id, instrumentId: CO, itemId, value, text: null });
    storeTicks(s, r.id, 'co_kanalen', [1]);
    s.db.prepare("DELETE FROM answers WHERE response_id = ? AND item_id = 'co_kanalen'").run(r.id);
    s.db.prepare("UPDATE responses SET status = 'complete', completed_at = ? WHERE id = ?").run(new Date().toISOString(), r.id);
    expect(itemStats(await dashboardOf(s, network.id), 'co_kanalen', 1)).toMatchObject({ n: 2, missing: 1, suppressed: true });
  });

  it('never lists a multiple-choice answer or a hidden text among the open answers', async () => {
    const s = open();
    const { t0 } = await structuredStudy(s);
    const list = await s.ok('listOpenAnswers', { waveId: t0.id, withCodes: true });
    expect(list.questions.map((q) => q.itemId)).toEqual(['co_rol_anders']);
    // R-002 chose "Anders" and wrote Buurvrouw; R-004's old text hangs on a role it no longer has.
    expect(list.questions[0]!.answers.map((a) => [a.text, a.respondentCode])).toEqual([['Buurvrouw', 'R-002']]);
  });
});
