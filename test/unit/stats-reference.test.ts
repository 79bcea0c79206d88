/**
 * Reference values from R 4.2.2 (Debian r-base-core) and psych 2.2.9, printed with
 * `options(digits = 15)`. Each case names the R call that produced it; R is not needed to run
 * these tests. Agreement is asserted to a relative 1e-9 (far more than the 6 significant digits
 * a report needs); exact-test p-values and ranks are exact.
 */
import { describe, expect, it } from 'vitest';
import {
  cohensDz,
  cronbachAlpha,
  describe as describeValues,
  independentRankBiserial,
  mannWhitney,
  matchedPairsRankBiserial,
  mean,
  meanConfidenceInterval,
  normalCdf,
  pairedTTest,
  partiallyOverlappingTTest,
  quantile7,
  sd,
  tCdf,
  tQuantile,
  welchTTest,
  wilcoxonSignedRank,
} from '../../shared/stats';

/** Asserts |actual − expected| ≤ rel · |expected| (or ≤ rel when expected is 0). */
function expectRel(actual: number | null | undefined, expected: number, rel = 1e-9) {
  expect(actual, `expected ${expected}`).toBeTypeOf('number');
  const tolerance = rel * Math.max(Math.abs(expected), 1e-300);
  expect(Math.abs((actual as number) - expected), `${actual} vs R ${expected}`).toBeLessThanOrEqual(expected === 0 ? rel : tolerance);
}

describe('descriptives against R', () => {
  const a = [3.25, 1.5, 4.0, 2.75, 5, 3.5, 2.0];
  const b = [4, 2, 5, 3, 3, 1, 4, 5, 2, 4];

  it('mean and sd', () => {
    expectRel(mean(a), 3.14285714285714); // mean(a)
    expectRel(sd(a), 1.18898716401418); // sd(a)
    expectRel(mean(b), 3.3); // mean(b)
    expectRel(sd(b), 1.33749350984926); // sd(b)
  });

  it('quantile type 7', () => {
    // quantile(a, c(.25, .5, .75), type = 7) → 2.375, 3.250, 3.750
    expectRel(quantile7(a, 0.25), 2.375);
    expectRel(quantile7(a, 0.5), 3.25);
    expectRel(quantile7(a, 0.75), 3.75);
    // quantile(b, c(.25, .5, .75)) → 2.25, 3.50, 4.00
    const d = describeValues(b);
    expectRel(d.q1, 2.25);
    expectRel(d.median, 3.5);
    expectRel(d.q3, 4);
    // quantile(b, c(0, .1, .9, 1)) → 1.0, 1.9, 5.0, 5.0
    expectRel(quantile7(b, 0), 1);
    expectRel(quantile7(b, 0.1), 1.9);
    expectRel(quantile7(b, 0.9), 5);
    expectRel(quantile7(b, 1), 5);
  });

  it('95% confidence interval of a mean', () => {
    // t.test(b)$conf.int → 2.34321478103839, 4.25678521896161
    const cb = meanConfidenceInterval(b)!;
    expectRel(cb.low, 2.34321478103839);
    expectRel(cb.high, 4.25678521896161);
    // t.test(a)$conf.int → 2.04322741941391, 4.24248686630038
    const ca = meanConfidenceInterval(a)!;
    expectRel(ca.low, 2.04322741941391);
    expectRel(ca.high, 4.24248686630038);
  });

  it('returns null, never NaN, where R gives NA', () => {
    expect(mean([])).toBeNull();
    expect(sd([4])).toBeNull();
    expect(quantile7([], 0.5)).toBeNull();
    expect(meanConfidenceInterval([3])).toBeNull();
    expect(meanConfidenceInterval([3, 3, 3])).toEqual({ low: 3, high: 3 });
  });
});

describe('distribution functions against R', () => {
  it('t quantiles', () => {
    // qt(0.975, c(1, 2, 3, 4, 7, 29, 100, 1000))
    const expected = [12.70620473617469, 4.30265272974946, 3.18244630528371, 2.77644510519779, 2.36462425159278, 2.0452296421327, 1.98397151852355, 1.96233908082641];
    [1, 2, 3, 4, 7, 29, 100, 1000].forEach((df, i) => expectRel(tQuantile(0.975, df), expected[i]!));
    expectRel(tQuantile(0.975, 7.3), 2.3450667365477); // qt(0.975, 7.3)
    expectRel(tQuantile(0.025, 12.5), -2.16918594271254); // qt(0.025, 12.5)
    expectRel(tQuantile(0.6, 3), 0.27667066233269); // qt(0.6, 3)
  });

  it('t and normal CDF', () => {
    expectRel(tCdf(-2.5, 7), 0.0204961092928764); // pt(-2.5, 7)
    expectRel(tCdf(1.3, 3.7), 0.865666637913686); // pt(1.3, 3.7)
    expectRel(normalCdf(-1.96), 0.0249978951482204); // pnorm(-1.96)
  });
});

describe('paired comparisons against R', () => {
  // Differences all distinct, none zero: R uses the exact signed-rank distribution.
  const pre1 = [3.0, 2.5, 3.25, 2.75, 2.0, 3.5, 2.25, 1.75];
  const post1 = [2.75, 3.0, 4.0, 3.75, 3.25, 2.0, 4.0, 3.75];

  it('paired t-test', () => {
    // t.test(post1, pre1, paired = TRUE): t, df, p, conf.int, estimate
    // 1.717911380774667, 7, 0.129510110224891, -0.258811428612204, 1.633811428612204, 0.6875
    const r = pairedTTest(post1, pre1);
    expectRel(r.t, 1.717911380774667);
    expectRel(r.df, 7);
    expectRel(r.p, 0.129510110224891);
    expectRel(r.ciLow, -0.258811428612204);
    expectRel(r.ciHigh, 1.633811428612204);
    expectRel(r.estimate, 0.6875);
  });

  it('Wilcoxon signed-rank, exact', () => {
    // wilcox.test(post1, pre1, paired = TRUE) → V = 29, p-value = 0.1484375, "Wilcoxon signed rank exact test"
    const w = wilcoxonSignedRank(post1, pre1);
    expect(w.method).toBe('exact');
    expect(w.v).toBe(29);
    expectRel(w.p, 0.1484375, 1e-12);
    // d <- post1 - pre1; mean(d) / sd(d) → 0.607373393411656
    expectRel(cohensDz(post1, pre1), 0.607373393411656);
    // 2 * V / (n * (n + 1) / 2) - 1 → 0.611111111111111
    expectRel(matchedPairsRankBiserial(w), 0.611111111111111);
  });

  it('Wilcoxon signed-rank, exact with n = 20', () => {
    // d4 <- c(0.25, -0.5, 0.75, 1, -1.25, 1.5, 1.75, -2, 2.25, 2.5, 0.125, -0.375, 0.625, 0.875, -1.125, 1.375, 1.625, 1.875, -2.125, 2.375)
    // pre4 <- rep(2.5, 20); post4 <- pre4 + d4; wilcox.test(post4, pre4, paired = TRUE) → V = 151, p-value = 0.0896949768066406 (exact)
    const d4 = [0.25, -0.5, 0.75, 1, -1.25, 1.5, 1.75, -2, 2.25, 2.5, 0.125, -0.375, 0.625, 0.875, -1.125, 1.375, 1.625, 1.875, -2.125, 2.375];
    const pre4 = d4.map(() => 2.5);
    const post4 = d4.map((d) => 2.5 + d);
    const w = wilcoxonSignedRank(post4, pre4);
    expect(w.method).toBe('exact');
    expect(w.v).toBe(151);
    expectRel(w.p, 0.0896949768066406, 1e-12);
  });

  it('t-test and Wilcoxon with ties and zeros (normal approximation, continuity correction)', () => {
    const pre2 = [3, 2, 4, 3, 2, 3, 4, 1, 2, 3, 3, 2];
    const post2 = [4, 2, 5, 3, 3, 4, 3, 3, 2, 4, 5, 2];
    // t.test(post2, pre2, paired = TRUE)
    // 2.6017745423519636, 11, 0.0246159780155096, 0.1026964162949127, 1.2306369170384204, 0.6666666666666666
    const t = pairedTTest(post2, pre2);
    expectRel(t.t, 2.6017745423519636);
    expectRel(t.df, 11);
    expectRel(t.p, 0.0246159780155096);
    expectRel(t.ciLow, 0.1026964162949127);
    expectRel(t.ciHigh, 1.2306369170384204);
    expectRel(t.estimate, 0.6666666666666666);
    // wilcox.test(post2, pre2, paired = TRUE) → V = 32.5, p-value = 0.0400667965381699, "with continuity correction"
    const w = wilcoxonSignedRank(post2, pre2);
    expect(w.method).toBe('normal');
    expect(w.zeros).toBe(4);
    expect(w.v).toBe(32.5);
    expectRel(w.p, 0.0400667965381699);
    // zeros dropped: 2 * V / (n * (n + 1) / 2) - 1 with n = 8 → 0.805555555555556
    expectRel(matchedPairsRankBiserial(w), 0.805555555555556);
    // mean(d) / sd(d) over all 12 differences → 0.751067616198811
    expectRel(cohensDz(post2, pre2), 0.751067616198811);
  });

  it('a zero difference without ties also switches R to the normal approximation', () => {
    // pre3 <- c(3.0, 2.5, 3.25, 2.75, 2.0, 3.5, 2.25); post3 <- c(3.0, 3.0, 4.0, 3.75, 3.25, 2.0, 4.0)
    // wilcox.test(post3, pre3, paired = TRUE) → V = 16, p-value = 0.29450739368011
    const w = wilcoxonSignedRank([3.0, 3.0, 4.0, 3.75, 3.25, 2.0, 4.0], [3.0, 2.5, 3.25, 2.75, 2.0, 3.5, 2.25]);
    expect(w.method).toBe('normal');
    expect(w.v).toBe(16);
    expectRel(w.p, 0.29450739368011);
  });

  it('all differences zero: no test, no NaN', () => {
    const w = wilcoxonSignedRank([3, 4], [3, 4]);
    expect(w).toMatchObject({ v: null, p: null, method: null, zeros: 2 });
    const t = pairedTTest([3, 4, 5], [3, 4, 5]);
    expect(t).toEqual({ estimate: 0, t: null, df: null, p: null, ciLow: null, ciHigh: null });
    expect(cohensDz([3, 4], [3, 4])).toBeNull();
  });

  it('every difference the same but not zero: d_z undefined, not the 1e15 that rounding would give', () => {
    // Seven differences of 0.4: their mean is 0.39999999999999997 and their SD about 1.8e-17 in
    // floating point, 0 by hand; R's t.test calls such data "essentially constant".
    const after = [3.4, 4.4, 2.4, 3.4, 4.4, 3.4, 2.4];
    const before = [3, 4, 2, 3, 4, 3, 2];
    expect(cohensDz(after, before)).toBeNull();
    expect(pairedTTest(after, before).t).toBeNull();
  });
});

describe('independent groups against R', () => {
  const x1 = [3.25, 4.0, 3.75, 2.5, 4.5, 3.0];
  const y1 = [2.75, 3.5, 2.0, 1.5, 2.25];

  it('Welch t-test', () => {
    // t.test(x1, y1): t, df, p, conf.int, estimates
    // 2.4369346127355298, 8.455406158007797, 0.0391976323831295, 0.0687784667123863, 2.1312215332876137, 3.5, 2.4
    const r = welchTTest(x1, y1);
    expectRel(r.t, 2.4369346127355298);
    expectRel(r.df, 8.455406158007797);
    expectRel(r.p, 0.0391976323831295);
    expectRel(r.ciLow, 0.0687784667123863);
    expectRel(r.ciHigh, 2.1312215332876137);
    expectRel(r.estimate, 3.5 - 2.4);
  });

  it('Mann–Whitney, exact', () => {
    // wilcox.test(x1, y1) → W = 26, p-value = 0.051948051948052, "Wilcoxon rank sum exact test"
    const w = mannWhitney(x1, y1);
    expect(w.method).toBe('exact');
    expect(w.w).toBe(26);
    expectRel(w.p, 0.051948051948052, 1e-12);
    // 2 * W / (nx * ny) - 1 → 0.733333333333333
    expectRel(independentRankBiserial(w, 6, 5), 0.733333333333333);
  });

  it('Mann–Whitney, exact with 20 and 15', () => {
    // x3 <- c(1.1,2.3,3.7,4.2,5.9,6.4,7.8,8.1,9.6,10.2,11.5,12.7,13.3,14.9,15.05,16.6,17.2,18.8,19.4,20.1)
    // y3 <- c(0.5,1.6,2.9,3.1,4.8,5.2,6.7,7.3,8.4,9.9,10.8,11.1,12.2,13.6,14.4)
    // wilcox.test(x3, y3) → W = 201, p-value = 0.0925604153737715 (exact)
    const x3 = [1.1, 2.3, 3.7, 4.2, 5.9, 6.4, 7.8, 8.1, 9.6, 10.2, 11.5, 12.7, 13.3, 14.9, 15.05, 16.6, 17.2, 18.8, 19.4, 20.1];
    const y3 = [0.5, 1.6, 2.9, 3.1, 4.8, 5.2, 6.7, 7.3, 8.4, 9.9, 10.8, 11.1, 12.2, 13.6, 14.4];
    const w = mannWhitney(x3, y3);
    expect(w.method).toBe('exact');
    expect(w.w).toBe(201);
    expectRel(w.p, 0.0925604153737715, 1e-12);
  });

  it('Welch and Mann–Whitney with ties (normal approximation, continuity correction)', () => {
    const x2 = [4, 3, 5, 4, 2, 4, 3, 5];
    const y2 = [3, 2, 4, 3, 3, 1, 2, 4, 3];
    // t.test(x2, y2) → 1.9892419474793521, 14.4855583871435449, 0.0659011427218474, -0.072734059388801, 2.0171785038332457, 3.75, 2.7777777777777777
    const t = welchTTest(x2, y2);
    expectRel(t.t, 1.9892419474793521);
    expectRel(t.df, 14.4855583871435449);
    expectRel(t.p, 0.0659011427218474);
    expectRel(t.ciLow, -0.072734059388801);
    expectRel(t.ciHigh, 2.0171785038332457);
    // wilcox.test(x2, y2) → W = 54, p-value = 0.0802071294229813, "with continuity correction"
    const w = mannWhitney(x2, y2);
    expect(w.method).toBe('normal');
    expect(w.w).toBe(54);
    expectRel(w.p, 0.0802071294229813);
    expectRel(independentRankBiserial(w, 8, 9), 0.5); // 2 * W / (8 * 9) - 1
  });

  it('too few values: null, never NaN', () => {
    expect(welchTTest([3], [2, 4])).toMatchObject({ t: null, p: null, df: null });
    expect(welchTTest([3, 3], [3, 3])).toMatchObject({ estimate: 0, t: null, p: null });
    expect(mannWhitney([], [1])).toMatchObject({ w: null, p: null });
  });
});

describe("Cronbach's alpha against psych", () => {
  it('raw_alpha over complete cases', () => {
    // df <- data.frame(i1 = c(4,3,5,2,4,3,4,5,2,3), i2 = c(4,2,5,3,4,3,5,4,2,NA),
    //                  i3 = c(3,3,4,2,5,2,4,5,1,3), i4 = c(5,3,4,2,4,3,3,5,2,4))
    // psych::alpha(na.omit(df))$total$raw_alpha → 0.921248142644874 (textbook formula in R gives the same)
    const i1 = [4, 3, 5, 2, 4, 3, 4, 5, 2, 3];
    const i2 = [4, 2, 5, 3, 4, 3, 5, 4, 2, null];
    const i3 = [3, 3, 4, 2, 5, 2, 4, 5, 1, 3];
    const i4 = [5, 3, 4, 2, 4, 3, 3, 5, 2, 4];
    const rows = i1.map((_, r) => [i1[r]!, i2[r]!, i3[r]!, i4[r]!]);
    const result = cronbachAlpha(rows, 4);
    expect(result.n).toBe(9);
    expectRel(result.alpha, 0.921248142644874);
  });

  it('cannot be computed: null, with the reason', () => {
    expect(cronbachAlpha([[3, 4]], 2)).toMatchObject({ alpha: null, unavailable: 'too-few-respondents' });
    expect(cronbachAlpha([[3, 3], [3, 3]], 2)).toMatchObject({ alpha: null, unavailable: 'no-variance', constantItems: 2 });
    expect(cronbachAlpha([[3], [4]], 1)).toMatchObject({ alpha: null, unavailable: 'too-few-items' });
  });

  it('leaves a zero-variance item out, as psych does', () => {
    // m <- cbind(c(4,3,5,2,4,3,5,4), c(4,2,5,3,4,3,4,4), c(3,3,5,2,5,2,4,3), rep(4, 8))
    // psych::alpha(m)$total$raw_alpha → 0.893478260869565 ("had no variance and was deleted"),
    // equal to alpha(m[, 1:3]); the formula with k = 4 would give 0.794202898550724.
    const items = [[4, 3, 5, 2, 4, 3, 5, 4], [4, 2, 5, 3, 4, 3, 4, 4], [3, 3, 5, 2, 5, 2, 4, 3], [4, 4, 4, 4, 4, 4, 4, 4]];
    const rows = items[0]!.map((_, r) => items.map((item) => item[r]!));
    const result = cronbachAlpha(rows, 4);
    expectRel(result.alpha, 0.893478260869565);
    expect(result).toMatchObject({ n: 8, items: 4, constantItems: 1, unavailable: null });
  });

  it('two of three items constant: not computable (psych fails on it)', () => {
    // psych::alpha(cbind(c(4,3,5,2,4), 3, 2)) → error "dim(X) must have a positive length"
    const rows = [4, 3, 5, 2, 4].map((v) => [v, 3, 2]);
    expect(cronbachAlpha(rows, 3)).toMatchObject({ alpha: null, unavailable: 'no-variance', constantItems: 2 });
  });
});

/**
 * The partially overlapping samples t-test (Derrick, Russ, Toher & White 2017, T_new2 and ν₂).
 * The CRAN package cannot be reached here, so the reference is the paper's formula written out in
 * base R 4.2.2 (`po()` below), and its reductions are checked against R's own `t.test`:
 *
 *   po <- function(x1, x2, x3, x4) { a <- c(x1, x3); b <- c(x2, x4); n1 <- length(a); n2 <- length(b)
 *     n12 <- length(x3); r <- if (n12 < 2 || sd(x3) == 0 || sd(x4) == 0) 0 else cor(x3, x4)
 *     est <- mean(a) - mean(b); se <- sqrt(var(a)/n1 + var(b)/n2 - 2*r*sd(a)*sd(b)*n12/(n1*n2))
 *     g <- (var(a)/n1 + var(b)/n2)^2 / ((var(a)/n1)^2/(n1-1) + (var(b)/n2)^2/(n2-1))
 *     nu <- (n12 - 1) + (g - n12 + 1)/(length(x1) + length(x2) + 2*n12) * (length(x1) + length(x2))
 *     t <- est/se; q <- qt(0.975, nu); c(est, t, nu, 2*pt(-abs(t), nu), est - q*se, est + q*se) }
 *
 * x1/x3 are the follow-up's unpaired/paired scores, x2/x4 the baseline's.
 */
describe('partially overlapping samples t-test against R', () => {
  const followUp = [3.5, 4.25, 2.75, 4, 3.25];
  const baseline = [3, 3.75, 3, 3.5, 2.5];
  const onlyFollowUp = [4.5, 3.75, 4];
  const onlyBaseline = [2.25, 3, 3.5, 2.75];

  function expectResult(r: ReturnType<typeof partiallyOverlappingTTest>, e: number[]) {
    expectRel(r.estimate, e[0]!);
    expectRel(r.t, e[1]!);
    expectRel(r.df, e[2]!);
    expectRel(r.p, e[3]!);
    expectRel(r.ciLow, e[4]!);
    expectRel(r.ciHigh, e[5]!);
  }

  it("Derrick et al.'s example data", () => {
    // po(c(20,21,16,18,14,12,14,17), c(10,16,18,16,15,14,13,10), c(14,15,18,20,11,19,14,15), c(15,10,15,17,13,19,12,13))
    const r = partiallyOverlappingTTest([14, 15, 18, 20, 11, 19, 14, 15], [15, 10, 15, 17, 13, 19, 12, 13], [20, 21, 16, 18, 14, 12, 14, 17], [10, 16, 18, 16, 15, 14, 13, 10]);
    expectResult(r, [2, 2.419097628378315, 18.422332269264114, 0.0261044448619575, 0.2659029705278046, 3.7340970294721956]);
  });

  it('a network: 5 matched, 3 only at the follow-up, 4 only at the baseline', () => {
    const r = partiallyOverlappingTTest(followUp, baseline, onlyFollowUp, onlyBaseline);
    expectResult(r, [0.72222222222222232, 3.75107593179330001, 8.11906889121443598, 0.00546788970596778, 0.27936112365196675, 1.16508332079247801]);
  });

  it('no pairs: Welch (t.test(o1, o0))', () => {
    const r = partiallyOverlappingTTest([], [], onlyFollowUp, onlyBaseline);
    expectResult(r, [1.208333333333333, 3.5429138863328506, 4.9933259176863185, 0.0165482762350555, 0.3312674625486322, 2.0853992041180338]);
  });

  it('no unpaired respondents: the paired t-test (t.test(f, b0, paired = TRUE))', () => {
    const r = partiallyOverlappingTTest(followUp, baseline, [], []);
    expectResult(r, [0.4, 2.3590712984783542, 4, 0.0777416409478998, -0.0707691720871096, 0.8707691720871096]);
  });

  it('a constant side of the pairs: r = 0', () => {
    // po(o1, o0, c(4,4,4), c(3,3.5,2))
    const r = partiallyOverlappingTTest([4, 4, 4], [3, 3.5, 2], onlyFollowUp, onlyBaseline);
    expectResult(r, [1.18452380952380976, 4.95000371866028654, 5.43319698794677741, 0.00340697171185013, 0.58385297100689615, 1.78519464804072348]);
  });

  it('fewer than 2 on a side, or constant data: the estimate only', () => {
    expect(partiallyOverlappingTTest([], [], [4], [3, 2])).toEqual({ estimate: 1.5, t: null, df: null, p: null, ciLow: null, ciHigh: null });
    expect(partiallyOverlappingTTest([3], [2], [], [4])).toMatchObject({ estimate: 0, t: null, p: null });
    expect(partiallyOverlappingTTest([3, 3], [3, 3], [3], [3])).toMatchObject({ estimate: 0, t: null, p: null });
    expect(partiallyOverlappingTTest([], [], [], [])).toMatchObject({ estimate: null, t: null });
  });
});
