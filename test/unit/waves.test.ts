import { describe, expect, it } from 'vitest';
import type { WaveKind } from '../../shared/domain';
import { orderWaves } from '../../shared/waves';

const wave = (label: string, kind: WaveKind, plannedDate: string | null, createdAt = '2024-01-01T10:00:00.000Z') => ({ label, kind, plannedDate, createdAt });
const labels = (waves: { label: string }[]) => orderWaves(waves as ReturnType<typeof wave>[]).map((w) => w.label);

describe('waves in time order', () => {
  it('an interim wave sits between T0 and T1 by its planned date, whatever order they were made in', () => {
    const waves = [
      wave('T2', 'T2', '2027-03-01'),
      wave('Tussenmeting', 'custom', '2025-09-15'),
      wave('T0', 'T0', '2024-03-01'),
      wave('T1', 'T1', '2026-03-01'),
    ];
    expect(labels(waves)).toEqual(['T0', 'Tussenmeting', 'T1', 'T2']);
  });

  it('the same date: T0 < T1 < T2 < interim, then the order of creation', () => {
    const waves = [
      wave('extra B', 'custom', '2025-01-01', '2024-02-02T00:00:00.000Z'),
      wave('extra A', 'custom', '2025-01-01', '2024-02-01T00:00:00.000Z'),
      wave('T2', 'T2', '2025-01-01'),
      wave('T1', 'T1', '2025-01-01'),
      wave('T0', 'T0', '2025-01-01'),
    ];
    expect(labels(waves)).toEqual(['T0', 'T1', 'T2', 'extra A', 'extra B']);
  });

  it('undated T-waves follow the dated waves before them; an undated interim wave comes last', () => {
    // Only T0 dated: T1 and T2 count from T0's date and keep their order.
    expect(labels([wave('T2', 'T2', null), wave('T1', 'T1', null), wave('T0', 'T0', '2025-03-01')])).toEqual(['T0', 'T1', 'T2']);
    // T1 undated, T2 dated: T1 counts from T0's date, so T0, T1, then the interim of 2025-09, then T2.
    expect(labels([wave('T2', 'T2', '2027-03-01'), wave('mid', 'custom', '2025-09-01'), wave('T1', 'T1', null), wave('T0', 'T0', '2025-03-01')])).toEqual(['T0', 'T1', 'mid', 'T2']);
    expect(labels([wave('los', 'custom', null), wave('T0', 'T0', '2025-03-01'), wave('T1', 'T1', '2026-03-01')])).toEqual(['T0', 'T1', 'los']);
    // Nothing dated: T0, T1, T2, interim.
    expect(labels([wave('x', 'custom', null), wave('T1', 'T1', null), wave('T0', 'T0', null)])).toEqual(['T0', 'T1', 'x']);
  });

  it('is a total order: every permutation of the same waves gives the same result', () => {
    const waves = [wave('T0', 'T0', '2025-03-01'), wave('T1', 'T1', null), wave('mid', 'custom', '2025-09-01'), wave('T2', 'T2', '2027-03-01'), wave('los', 'custom', null)];
    const expected = ['T0', 'T1', 'mid', 'T2', 'los'];
    const permute = (xs: typeof waves): (typeof waves)[] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permute([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));
    for (const p of permute(waves)) expect(labels(p)).toEqual(expected);
  });
});
