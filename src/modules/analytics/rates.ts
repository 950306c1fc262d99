/**
 * The one definition of a ratio between two counters: null when the denominator is zero, so a
 * campaign without impressions has no CTR rather than a CTR of 0 or NaN.
 */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}
