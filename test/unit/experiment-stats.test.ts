import { criticalZ, experimentResult, sampleSizePerArm, twoProportionTest, wilsonInterval } from '../../src/modules/serving/experiment-stats';

/**
 * An independent reference: the standard normal CDF by Simpson's rule over the density, not by
 * the statistics library the module uses.
 */
function normalCdf(z: number): number {
  const steps = 20_000;
  const from = -12;
  const h = (z - from) / steps;
  const density = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  let sum = density(from) + density(z);
  for (let i = 1; i < steps; i += 1) sum += density(from + i * h) * (i % 2 === 0 ? 2 : 4);
  return (sum * h) / 3;
}

function referenceTest(c: [number, number], v: [number, number]): { z: number; p: number } {
  const pooled = (c[0] + v[0]) / (c[1] + v[1]);
  const z = (v[0] / v[1] - c[0] / c[1]) / Math.sqrt(pooled * (1 - pooled) * (1 / c[1] + 1 / v[1]));
  return { z, p: 2 * (1 - normalCdf(Math.abs(z))) };
}

describe('experiment statistics', () => {
  it('has critical values to six digits', () => {
    expect(criticalZ(0.95)).toBeCloseTo(1.959963985, 6);
    expect(criticalZ(0.99)).toBeCloseTo(2.575829304, 6);
    expect(criticalZ(0.8)).toBeCloseTo(1.281551566, 6);
  });

  it('matches an independently computed two-proportion z-test', () => {
    for (const [c, v] of [
      [
        [100, 1000],
        [130, 1000],
      ],
      [
        [512, 20_000],
        [601, 20_000],
      ],
      [
        [40, 900],
        [38, 1100],
      ],
    ] as Array<[[number, number], [number, number]]>) {
      const result = twoProportionTest({ successes: c[0], trials: c[1] }, { successes: v[0], trials: v[1] }, 0.95);
      const reference = referenceTest(c, v);
      expect(result.pValue!).toBeCloseTo(reference.p, 4);
      expect(result.significant).toBe(reference.p < 0.05);
      expect(result.lift!).toBeCloseTo(v[0] / v[1] / (c[0] / c[1]) - 1, 10);
    }
  });

  it('agrees with R’s prop.test(c(100, 130), c(1000, 1000), correct = FALSE): p = 0.0355', () => {
    const result = twoProportionTest({ successes: 100, trials: 1000 }, { successes: 130, trials: 1000 }, 0.95);
    expect(result.pValue!).toBeCloseTo(0.0355, 3);
    expect(result.significant).toBe(true);
    expect(twoProportionTest({ successes: 100, trials: 1000 }, { successes: 130, trials: 1000 }, 0.99).significant).toBe(false);
  });

  it('gives Wilson intervals that match the closed form', () => {
    const z = 1.959963984540054;
    const [k, n] = [100, 1000];
    const p = k / n;
    const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
    const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
    const interval = wilsonInterval(k, n, 0.95)!;
    expect(interval.low).toBeCloseTo(centre - half, 8);
    expect(interval.high).toBeCloseTo(centre + half, 8);
    expect(interval.low).toBeCloseTo(0.0829, 3);
    expect(interval.high).toBeCloseTo(0.1203, 3);
    expect(wilsonInterval(0, 0, 0.95)).toBeNull();
    expect(wilsonInterval(0, 10, 0.95)!.low).toBe(0);
  });

  it('sizes an experiment like the textbook formula: 10% → 11% needs about 14,750 per arm', () => {
    expect(sampleSizePerArm(0.1, 0.1, 0.95)).toBe(Math.ceil(((1.959963984540054 + 0.8416212335729143) ** 2 * (0.1 * 0.9 + 0.11 * 0.89)) / 0.01 ** 2));
    expect(sampleSizePerArm(0, 0.1, 0.95)).toBeNull();
  });

  it('declares a winner only when it is significant, and estimates the time left', () => {
    const counts = (clicksB: number) => [
      { key: 'control', control: true, impressions: 1000, clicks: 100, conversions: 10 },
      { key: 'bold', control: false, impressions: 1000, clicks: clicksB, conversions: 12 },
    ];
    expect(experimentResult(counts(130), 0.95, 700).winner).toBe('bold');
    expect(experimentResult(counts(110), 0.95, 700).winner).toBeNull();
    expect(experimentResult(counts(130), 0.99, 700).winner).toBeNull();
    const result = experimentResult(counts(110), 0.95, 700);
    const needed = 2 * result.sampleSizePerVariant! - 2000;
    expect(result.estimatedDaysRemaining).toBeCloseTo((needed / 700) * 7, 0);
    expect(result.variants[0]!.ctrVsControl).toBeNull();
  });
});
