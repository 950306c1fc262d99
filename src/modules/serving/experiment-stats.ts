import { errorFunction, probit } from 'simple-statistics';

export interface VariantCounts {
  key: string;
  control: boolean;
  impressions: number;
  clicks: number;
  conversions: number;
}

export interface Interval {
  low: number;
  high: number;
}

export interface Comparison {
  /** Relative change of the rate against control: 0.3 is 30% better. Null when control's rate is 0. */
  lift: number | null;
  /** Two-sided p-value of the two-proportion z-test (pooled), or null without data in both arms. */
  pValue: number | null;
  significant: boolean;
}

export interface VariantResult extends VariantCounts {
  ctr: number | null;
  ctrInterval: Interval | null;
  conversionRate: number | null;
  conversionRateInterval: Interval | null;
  /** CTR against control; null for control itself. */
  ctrVsControl: Comparison | null;
  /** Conversions per impression against control; null for control itself. */
  conversionsVsControl: Comparison | null;
}

export interface ExperimentResult {
  confidenceLevel: number;
  variants: VariantResult[];
  /** The variant whose CTR beats control (and every other variant) significantly, if any. */
  winner: string | null;
  /** Impressions each variant needs to detect the minimum lift on control's CTR, at 80% power. */
  sampleSizePerVariant: number | null;
  /** At the last 7 days' pace; null when there is no pace or no estimate. */
  estimatedDaysRemaining: number | null;
}

/**
 * The standard normal CDF from the library's error function (its own CDF reads a table rounded to
 * two decimals of z, which moves p-values in the third digit).
 */
export function normalCdf(z: number): number {
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/** The normal quantile: the library's approximation (good to ~3 digits), polished by Newton steps on the CDF. */
export function normalQuantile(p: number): number {
  let z = probit(p);
  for (let step = 0; step < 3; step += 1) z -= (normalCdf(z) - p) / (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI));
  return z;
}

/** The z value that leaves (1 - level) / 2 in each tail. */
export function criticalZ(confidenceLevel: number): number {
  return normalQuantile(1 - (1 - confidenceLevel) / 2);
}

/** Wilson score interval for a proportion: stays inside [0, 1] and behaves for small counts. */
export function wilsonInterval(successes: number, trials: number, confidenceLevel: number): Interval | null {
  if (trials === 0) return null;
  const z = criticalZ(confidenceLevel);
  const p = successes / trials;
  const denominator = 1 + (z * z) / trials;
  const centre = (p + (z * z) / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Two-proportion z-test with a pooled standard error; two-sided. */
export function twoProportionTest(
  control: { successes: number; trials: number },
  variant: { successes: number; trials: number },
  confidenceLevel: number,
): Comparison {
  if (control.trials === 0 || variant.trials === 0) return { lift: null, pValue: null, significant: false };
  const p1 = control.successes / control.trials;
  const p2 = variant.successes / variant.trials;
  const lift = p1 === 0 ? null : (p2 - p1) / p1;
  const pooled = (control.successes + variant.successes) / (control.trials + variant.trials);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / control.trials + 1 / variant.trials));
  if (standardError === 0) return { lift, pValue: null, significant: false };
  const z = (p2 - p1) / standardError;
  const pValue = 2 * (1 - normalCdf(Math.abs(z)));
  return { lift, pValue, significant: pValue < 1 - confidenceLevel };
}

/**
 * Impressions per arm for a two-sided two-proportion test to detect a relative lift of
 * `minimumLift` on `baseRate` with the given power.
 */
export function sampleSizePerArm(baseRate: number, minimumLift: number, confidenceLevel: number, power = 0.8): number | null {
  if (baseRate <= 0 || baseRate >= 1) return null;
  const target = Math.min(0.999_999, baseRate * (1 + minimumLift));
  const zAlpha = criticalZ(confidenceLevel);
  const zBeta = normalQuantile(power);
  const variance = baseRate * (1 - baseRate) + target * (1 - target);
  return Math.ceil(((zAlpha + zBeta) ** 2 * variance) / (target - baseRate) ** 2);
}

/** The smallest relative lift the experiment is sized to detect. */
export const MINIMUM_DETECTABLE_LIFT = 0.1;

/**
 * Results of an experiment from its counts: rates with intervals, each variant against control,
 * the winner (only when significant at the experiment's level), and how long it still needs.
 * `impressionsLast7Days` is the pace of the whole experiment.
 */
export function experimentResult(counts: VariantCounts[], confidenceLevel: number, impressionsLast7Days: number): ExperimentResult {
  const control = counts.find((c) => c.control) ?? counts[0];
  const variants: VariantResult[] = counts.map((c) => {
    const isControl = control !== undefined && c.key === control.key;
    return {
      ...c,
      ctr: c.impressions === 0 ? null : c.clicks / c.impressions,
      ctrInterval: wilsonInterval(c.clicks, c.impressions, confidenceLevel),
      conversionRate: c.clicks === 0 ? null : c.conversions / c.clicks,
      conversionRateInterval: wilsonInterval(c.conversions, c.clicks, confidenceLevel),
      ctrVsControl:
        isControl || !control
          ? null
          : twoProportionTest({ successes: control.clicks, trials: control.impressions }, { successes: c.clicks, trials: c.impressions }, confidenceLevel),
      conversionsVsControl:
        isControl || !control
          ? null
          : twoProportionTest(
              { successes: control.conversions, trials: control.impressions },
              { successes: c.conversions, trials: c.impressions },
              confidenceLevel,
            ),
    };
  });
  const winner = winnerOf(variants, control?.key, confidenceLevel);
  const baseRate = control && control.impressions > 0 ? control.clicks / control.impressions : 0;
  const sampleSize = counts.length > 1 ? sampleSizePerArm(baseRate, MINIMUM_DETECTABLE_LIFT, confidenceLevel) : null;
  let estimatedDaysRemaining: number | null = null;
  if (sampleSize !== null && impressionsLast7Days > 0) {
    const needed = counts.reduce((sum, c) => sum + Math.max(0, sampleSize - c.impressions), 0);
    estimatedDaysRemaining = Math.ceil((needed / impressionsLast7Days) * 7 * 10) / 10;
  }
  return { confidenceLevel, variants, winner, sampleSizePerVariant: sampleSize, estimatedDaysRemaining };
}

/**
 * A winner is a variant that beats control significantly on CTR and is not itself beaten
 * significantly by another variant; until one does, there is none (control keeps running).
 */
function winnerOf(variants: VariantResult[], controlKey: string | undefined, confidenceLevel: number): string | null {
  if (!controlKey || variants.length < 2) return null;
  const better = variants.filter((v) => v.ctrVsControl?.significant && (v.ctrVsControl.lift ?? 0) > 0);
  for (const candidate of better.sort((a, b) => (b.ctr ?? 0) - (a.ctr ?? 0))) {
    const beaten = variants.some(
      (other) =>
        other.key !== candidate.key &&
        twoProportionTest(
          { successes: candidate.clicks, trials: candidate.impressions },
          { successes: other.clicks, trials: other.impressions },
          confidenceLevel,
        ).significant &&
        (other.ctr ?? 0) > (candidate.ctr ?? 0),
    );
    if (!beaten) return candidate.key;
  }
  return null;
}
