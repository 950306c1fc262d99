import {
  aovCents,
  budgetUtilization,
  type Counters,
  cpaCents,
  cpcCents,
  cpmCents,
  ctr,
  cvr,
  daysActive,
  daysRemaining,
  frequency,
  rate,
  roas,
  roi,
  sumCounters,
  viewability,
  ZERO_COUNTERS,
} from '../../src/modules/analytics/rates';

const counters = (values: Partial<Counters>): Counters => ({ ...ZERO_COUNTERS, ...values });

const sample = counters({ impressions: 2_000, viewableImpressions: 1_500, clicks: 50, conversions: 5, revenueCents: 30_000, spendCents: 10_000, reach: 800 });

describe('rates', () => {
  it('computes each rate from its counters', () => {
    expect(ctr(sample)).toBe(0.025);
    expect(viewability(sample)).toBe(0.75);
    expect(cvr(sample)).toBe(0.1);
    expect(cpcCents(sample)).toBe(200);
    expect(cpmCents(sample)).toBe(5_000);
    expect(cpaCents(sample)).toBe(2_000);
    expect(roas(sample)).toBe(3);
    expect(roi(sample)).toBe(2);
    expect(aovCents(sample)).toBe(6_000);
    expect(frequency(sample)).toBe(2.5);
  });

  it('is null, never NaN, Infinity or 0, when the denominator is 0', () => {
    for (const compute of [ctr, viewability, cvr, cpcCents, cpmCents, cpaCents, roas, roi, aovCents, frequency]) {
      expect(compute(ZERO_COUNTERS)).toBeNull();
    }
    const spentWithoutResults = counters({ spendCents: 500, revenueCents: 0 });
    expect(cpcCents(spentWithoutResults)).toBeNull();
    expect(cpaCents(spentWithoutResults)).toBeNull();
    expect(roas(spentWithoutResults)).toBe(0);
    expect(roi(spentWithoutResults)).toBe(-1);
    expect(roas(counters({ revenueCents: 900 }))).toBeNull();
    expect(rate(3, 0)).toBeNull();
    expect(budgetUtilization(0, 0)).toBeNull();
    expect(budgetUtilization(250, 1_000)).toBe(0.25);
  });

  it('adds counters, then takes rates from the sums rather than averaging rates', () => {
    const small = counters({ impressions: 10, clicks: 5, reach: 4 });
    const large = counters({ impressions: 990, clicks: 5, reach: 400 });
    const total = sumCounters([small, large]);
    expect(total).toMatchObject({ impressions: 1_000, clicks: 10 });
    expect(ctr(total)).toBe(0.01);
    expect(((ctr(small) ?? 0) + (ctr(large) ?? 0)) / 2).not.toBe(ctr(total));
  });

  it('keeps reach for one row and drops it for a sum, since people reached twice would count twice', () => {
    expect(sumCounters([sample]).reach).toBe(800);
    expect(sumCounters([sample, sample]).reach).toBe(0);
    expect(frequency(sumCounters([sample, sample]))).toBeNull();
    expect(sumCounters([])).toEqual(ZERO_COUNTERS);
  });
});

describe('days active and remaining', () => {
  const start = new Date('2026-03-01T00:00:00Z');
  const end = new Date('2026-03-11T00:00:00Z');

  it('counts whole days from the start to now, or to the end once it has passed', () => {
    expect(daysActive(start, end, new Date('2026-03-04T12:00:00Z'))).toBe(3);
    expect(daysActive(start, end, new Date('2026-04-01T00:00:00Z'))).toBe(10);
    expect(daysActive(start, null, new Date('2026-04-01T00:00:00Z'))).toBe(31);
    expect(daysActive(start, end, new Date('2026-02-01T00:00:00Z'))).toBe(0);
  });

  it('rounds remaining days up, is 0 after the end and null without an end', () => {
    expect(daysRemaining(end, new Date('2026-03-09T12:00:00Z'))).toBe(2);
    expect(daysRemaining(end, new Date('2026-03-12T00:00:00Z'))).toBe(0);
    expect(daysRemaining(null, new Date())).toBeNull();
  });
});
