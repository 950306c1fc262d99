/** What a batch's billable events cost, per channel, in whole cents, with the fraction carried. */
export interface BillingPlan {
  charges: Array<{ channel: string; cents: number }>;
  carryMillicents: bigint;
}

export interface Pricing {
  cpmCents: number | null;
  cpcCents: number | null;
  cpaCents: number | null;
}

/**
 * Prices the events of one batch. Costs are computed in thousandths of a cent, because a CPM price
 * makes one impression cost cpm/1000 cents: impressions × cpm, clicks × cpc × 1000, conversions ×
 * cpa × 1000. Each channel is charged its whole cents and the fractions carry over (within the
 * batch and to the next one), so the campaign is charged exactly floor(total cost) over its life.
 */
export function billing(
  pricing: Pricing,
  deltas: Array<{ channel: string; impressions: number; clicks: number; conversions: number }>,
  carryMillicents: bigint,
): BillingPlan {
  let carry = carryMillicents;
  const charges: BillingPlan['charges'] = [];
  for (const delta of deltas) {
    const cost =
      BigInt(delta.impressions) * BigInt(pricing.cpmCents ?? 0) +
      BigInt(delta.clicks) * BigInt(pricing.cpcCents ?? 0) * 1000n +
      BigInt(delta.conversions) * BigInt(pricing.cpaCents ?? 0) * 1000n;
    const owed = carry + cost;
    const cents = owed / 1000n;
    carry = owed % 1000n;
    if (cents > 0n) charges.push({ channel: delta.channel, cents: Number(cents) });
  }
  return { charges, carryMillicents: carry };
}
