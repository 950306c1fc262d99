import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import { rate, roas } from '../../src/modules/analytics/rates';
import {
  BusinessDashboardDocument,
  BusinessWithDashboardDocument,
  CampaignBreakdownDocument,
  CampaignFunnelDocument,
  CampaignStatsNowDocument,
  CampaignTrendsDocument,
  CreateBusinessDocument,
  CreateCampaignDocument,
  type CreateCampaignInput,
  type DashboardPartsFragment,
  type EventInput,
  LiveBusinessDashboardDocument,
  type LiveBusinessDashboardSubscription,
  type MetricsPartsFragment,
  PauseCampaignDocument,
  RecordEventsDocument,
  type TrendPartsFragment,
  type TrendPeriod,
  TrendsDocument,
} from '../generated/graphql';
import { collect, createBusiness, createUser, launchCampaign, startServer, statementsOf, type TestServer } from '../support/server';

let server: TestServer;
let owner: { id: string; token: string };
let rival: { id: string; token: string };
let businessId: string;
/** Berlin (the business's zone), New York, and one without events. */
let berlin: string;
let newYork: string;
let quiet: string;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.now();
const ago = (ms: number) => new Date(now - ms);

const asOwner = () => server.client(owner.token);

/** An ACTIVE campaign halfway through a 40-day run, billed 1 cent per impression (CPM 1000) and 50 cents per click. */
async function createRunningCampaign(business: string, input: Partial<CreateCampaignInput> = {}): Promise<string> {
  const { createCampaign } = await asOwner().request(CreateCampaignDocument, {
    input: {
      businessId: business,
      name: 'Report campaign',
      objective: 'SALES',
      kind: 'AD',
      channels: ['IN_APP_AD', 'EMAIL'],
      startsAt: ago(20 * DAY).toISOString(),
      endsAt: new Date(now + 20 * DAY).toISOString(),
      pricing: { cpmCents: 1_000, cpcCents: 50 },
      ...input,
    },
  });
  if (createCampaign.__typename !== 'MutationCreateCampaignSuccess') throw new Error(`createCampaign failed: ${JSON.stringify(createCampaign)}`);
  await launchCampaign(server, owner.token, createCampaign.data.id);
  return createCampaign.data.id;
}

let eventCount = 0;
type EventType = EventInput['type'];
const event = (campaignId: string, type: EventType, at: Date, extra: Partial<EventInput> = {}): EventInput => ({
  id: `report-${(eventCount += 1)}`,
  campaignId,
  type,
  occurredAt: at.toISOString(),
  ...extra,
});
const times = (count: number, make: () => EventInput) => Array.from({ length: count }, make);

async function record(events: EventInput[]): Promise<void> {
  const { recordEvents } = await asOwner().request(RecordEventsDocument, { events });
  if (recordEvents.__typename !== 'MutationRecordEventsSuccess' || recordEvents.data.accepted !== events.length) {
    throw new Error(`recordEvents failed: ${JSON.stringify(recordEvents)}`);
  }
}

async function campaignTrend(id: string, period: TrendPeriod, from: Date, to: Date): Promise<TrendPartsFragment> {
  const { campaign } = await asOwner().request(CampaignTrendsDocument, { id, period, from: from.toISOString(), to: to.toISOString() });
  if (campaign?.trends.__typename !== 'CampaignTrendsSuccess') throw new Error(`trends failed: ${JSON.stringify(campaign)}`);
  return campaign.trends.data;
}

async function summedTrend(campaignIds: string[], period: TrendPeriod, from: Date, to: Date, token = owner.token) {
  return (await server.client(token).request(TrendsDocument, { campaignIds, period, from: from.toISOString(), to: to.toISOString() })).trends;
}

const COUNTERS = ['impressions', 'viewableImpressions', 'clicks', 'conversions', 'revenueCents', 'spendCents'] as const;
const countersOf = (metrics: MetricsPartsFragment) => Object.fromEntries(COUNTERS.map((name) => [name, metrics[name] ?? 0]));
const total = (trend: TrendPartsFragment, counter: (typeof COUNTERS)[number]) => trend.points.reduce((sum, point) => sum + (point.metrics[counter] ?? 0), 0);

beforeAll(async () => {
  // No lifecycle sweeps: the campaigns here are active from approval on, and statement counts stay exact.
  server = await startServer({ env: { LIFECYCLE_SWEEP_MS: '0' } });
  owner = await createUser(server, 'BUSINESS_OWNER', 'owner');
  rival = await createUser(server, 'BUSINESS_OWNER', 'rival');
  businessId = await createBusiness(server, owner.token, { name: 'Report Café' });
  berlin = await createRunningCampaign(businessId, { name: 'Berlin' });
  newYork = await createRunningCampaign(businessId, { name: 'New York', schedule: { timezone: 'America/New_York' } });
  quiet = await createRunningCampaign(businessId, { name: 'Quiet' });
  await record([
    ...times(4, () => event(berlin, 'IMPRESSION', ago(3 * DAY), { channel: 'IN_APP_AD', placement: 'feed', variant: 'A' })),
    ...times(2, () => event(berlin, 'CLICK', ago(3 * DAY), { channel: 'IN_APP_AD', placement: 'feed', variant: 'A' })),
    ...times(6, () => event(berlin, 'IMPRESSION', ago(DAY + 2 * HOUR), { channel: 'EMAIL', placement: 'story', variant: 'B' })),
    event(berlin, 'CLICK', ago(DAY + 2 * HOUR), { channel: 'EMAIL', placement: 'story', variant: 'B' }),
    event(berlin, 'CONVERSION', ago(DAY), { channel: 'EMAIL', placement: 'story', variant: 'B', valueCents: 5_000, currency: 'EUR', conversionType: 'SALE' }),
    ...times(2, () => event(berlin, 'IMPRESSION', ago(HOUR))),
    event(berlin, 'VIEWABLE_IMPRESSION', ago(HOUR)),
    ...times(3, () => event(newYork, 'IMPRESSION', ago(3 * DAY + 5 * HOUR), { channel: 'EMAIL' })),
    event(newYork, 'CLICK', ago(2 * DAY), { channel: 'EMAIL' }),
    ...times(5, () => event(newYork, 'IMPRESSION', ago(30 * 60_000))),
  ]);
});

afterAll(async () => {
  await server.close();
});

describe('trends', () => {
  const from = ago(5 * DAY);
  const to = new Date(now);

  it("gives a campaign a continuous series of its calendar days whose points add up to the campaign's totals", async () => {
    const trend = await campaignTrend(berlin, 'DAY', from, to);
    expect(trend).toMatchObject({ period: 'DAY', currency: 'EUR' });
    const days = trend.points.map((point) => point.start);
    expect(days).toHaveLength(6);
    days.slice(1).forEach((day, index) => expect(Date.parse(day) - Date.parse(days[index]!)).toBe(DAY));
    expect(trend.points.filter((point) => point.metrics.impressions === 0).length).toBeGreaterThanOrEqual(2);

    const { campaign } = await asOwner().request(CampaignStatsNowDocument, { id: berlin });
    expect(campaign?.stats).toMatchObject({ impressions: 12, viewableImpressions: 1, clicks: 3, conversions: 1, revenueCents: 5_000, spendCents: 162 });
    expect(COUNTERS.map((name) => total(trend, name))).toEqual([12, 1, 3, 1, 5_000, 162]);
    // Spend is the ledger's, on the day it was charged: today, when the events arrived.
    expect(trend.points.at(-1)?.metrics.spendCents).toBe(162);

    const clickDay = trend.points.find((point) => point.metrics.clicks === 2)!;
    expect(clickDay.metrics).toMatchObject({ impressions: 4, ctr: 0.5, reach: null, frequency: null });
  });

  it.each<TrendPeriod>(['HOUR', 'DAY', 'WEEK', 'MONTH'])('summed over campaigns per %s equals the sum of each campaign’s trend', async (period) => {
    const campaigns = [berlin, newYork, quiet];
    const each = await Promise.all(campaigns.map((id) => campaignTrend(id, period, from, to)));
    const summed = await summedTrend(campaigns, period, from, to);
    if (summed.__typename !== 'QueryTrendsSuccess') throw new Error(JSON.stringify(summed));

    const starts = [...new Set(each.flatMap((trend) => trend.points.map((point) => point.start)))].sort();
    expect(summed.data.points.map((point) => point.start)).toEqual(starts);
    for (const point of summed.data.points) {
      const parts = each.map((trend) => trend.points.find((p) => p.start === point.start)?.metrics).filter((m) => m !== undefined);
      const expected = Object.fromEntries(COUNTERS.map((name) => [name, parts.reduce((sum, m) => sum + (m[name] ?? 0), 0)]));
      expect(countersOf(point.metrics)).toEqual(expected);
      // Rates come from the sums, not from averaging the campaigns' rates.
      expect(point.metrics.ctr).toBe(rate(expected.clicks!, expected.impressions!));
    }
    expect(COUNTERS.map((name) => total(summed.data, name))).toEqual(COUNTERS.map((name) => each.reduce((sum, trend) => sum + total(trend, name), 0)));
    expect(total(summed.data, 'impressions')).toBe(20);
  });

  it('uses UTC hours for HOUR and widens the range to whole periods', async () => {
    const trend = await campaignTrend(berlin, 'HOUR', new Date('2026-01-05T10:30:00Z'), new Date('2026-01-05T12:00:01Z'));
    expect(trend.points.map((point) => point.start)).toEqual(['2026-01-05T10:00:00.000Z', '2026-01-05T11:00:00.000Z', '2026-01-05T12:00:00.000Z']);
    const weeks = await campaignTrend(berlin, 'WEEK', new Date('2025-12-31T12:00:00Z'), new Date('2026-01-13T00:00:00Z'));
    expect(weeks.points.map((point) => point.start)).toEqual(['2025-12-29', '2026-01-05', '2026-01-12']);
    const months = await campaignTrend(berlin, 'MONTH', new Date('2025-11-15T00:00:00Z'), new Date('2026-01-02T00:00:00Z'));
    expect(months.points.map((point) => point.start)).toEqual(['2025-11-01', '2025-12-01', '2026-01-01']);
  });

  it('refuses a bad range or campaign list with the path of the problem', async () => {
    const issuesOf = async (campaignIds: string[], period: TrendPeriod, start: Date, end: Date) => {
      const result = await summedTrend(campaignIds, period, start, end);
      return result.__typename === 'ValidationError' ? result.issues : result;
    };
    expect(await issuesOf([berlin], 'DAY', to, from)).toEqual([{ path: ['to'], message: 'must be after from' }]);
    expect(await issuesOf([berlin], 'DAY', from, from)).toEqual([{ path: ['to'], message: 'must be after from' }]);
    expect(await issuesOf([berlin], 'HOUR', ago(100 * DAY), to)).toEqual([
      { path: ['to'], message: 'is too far after from: a trend has at most 2000 points (hours here); choose a longer period or a shorter range' },
    ]);
    expect(await issuesOf([], 'DAY', from, to)).toEqual([{ path: ['campaignIds'], message: 'must name at least one campaign' }]);
    expect(
      await issuesOf(
        Array.from({ length: 51 }, () => berlin),
        'DAY',
        from,
        to,
      ),
    ).toEqual([{ path: ['campaignIds'], message: 'must name at most 50 campaigns' }]);
    expect(await issuesOf([berlin, newYork, berlin], 'DAY', from, to)).toEqual([
      { path: ['campaignIds', '2'], message: 'names a campaign already in the list; each is counted once' },
    ]);

    const { createBusiness: dollars } = await asOwner().request(CreateBusinessDocument, {
      input: { name: 'Dollar Diner', city: 'Austin', currency: 'USD', timezone: 'America/Chicago' },
    });
    if (dollars.__typename !== 'MutationCreateBusinessSuccess') throw new Error(JSON.stringify(dollars));
    const { createCampaign } = await asOwner().request(CreateCampaignDocument, {
      input: { businessId: dollars.data.id, name: 'Dollars', objective: 'SALES', kind: 'AD', channels: ['EMAIL'], startsAt: from.toISOString() },
    });
    if (createCampaign.__typename !== 'MutationCreateCampaignSuccess') throw new Error(JSON.stringify(createCampaign));
    expect(await issuesOf([berlin, createCampaign.data.id], 'DAY', from, to)).toEqual([
      { path: ['campaignIds'], message: 'must all be in one currency to add up their money; they use EUR and USD' },
    ]);
  });

  it("finds nothing of another owner's campaigns", async () => {
    expect(await summedTrend([newYork, berlin], 'DAY', from, to, rival.token)).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    const { campaign } = await server
      .client(rival.token)
      .request(CampaignTrendsDocument, { id: berlin, period: 'DAY', from: from.toISOString(), to: to.toISOString() });
    expect(campaign).toBeNull();
  });
});

describe('funnel and breakdowns', () => {
  it('steps from impressions to conversions with the rates of each step', async () => {
    const { campaign } = await asOwner().request(CampaignFunnelDocument, { id: berlin });
    expect(campaign?.funnel).toEqual([
      { stage: 'IMPRESSION', count: 12, stepRate: null },
      { stage: 'VIEWABLE_IMPRESSION', count: 1, stepRate: 1 / 12 },
      { stage: 'CLICK', count: 3, stepRate: 0.25 },
      { stage: 'CONVERSION', count: 1, stepRate: 1 / 3 },
    ]);
    const { campaign: untouched } = await asOwner().request(CampaignFunnelDocument, { id: quiet });
    expect(untouched?.funnel.map((step) => step.stepRate)).toEqual([null, null, null, null]);
  });

  it('breaks counters down by channel, with the spend the ledger charged to each', async () => {
    const { campaign } = await asOwner().request(CampaignBreakdownDocument, { id: berlin, dimension: 'CHANNEL' });
    expect(campaign?.breakdown.map((row) => [row.value, row.metrics.impressions, row.metrics.clicks, row.metrics.spendCents])).toEqual([
      ['EMAIL', 6, 1, 56],
      ['IN_APP_AD', 4, 2, 104],
      [null, 2, 0, 2],
    ]);
    expect(campaign?.breakdown[0]?.metrics).toMatchObject({ ctr: 1 / 6, cpcCents: 56, revenueCents: 5_000, roas: 5_000 / 56, reach: null });
  });

  it('breaks counters down by placement and variant, without spend the ledger cannot attribute', async () => {
    const { campaign } = await asOwner().request(CampaignBreakdownDocument, { id: berlin, dimension: 'PLACEMENT' });
    expect(campaign?.breakdown.map((row) => [row.value, row.metrics.impressions])).toEqual([
      ['story', 6],
      ['feed', 4],
      [null, 2],
    ]);
    expect(campaign?.breakdown[1]?.metrics).toMatchObject({ clicks: 2, ctr: 0.5, spendCents: null, cpcCents: null, cpmCents: null, roas: null, roi: null });
    const variants = await asOwner().request(CampaignBreakdownDocument, { id: berlin, dimension: 'VARIANT' });
    expect(variants.campaign?.breakdown.map((row) => row.value)).toEqual(['B', 'A', null]);
  });
});

describe('business dashboard', () => {
  let dashboardBusiness: string;
  let roasTwoMoreSpend: string;
  let roasTwoLessSpend: string;
  let roasFive: string;
  const profileId = () => Buffer.from(`Profile:${randomUUID()}`).toString('base64');
  const [shopper, browser] = [profileId(), profileId()];

  beforeAll(async () => {
    dashboardBusiness = await createBusiness(server, owner.token, { name: 'Dashboard Deli' });
    const perClick = { pricing: { cpcCents: 100 } };
    roasTwoMoreSpend = await createRunningCampaign(dashboardBusiness, {
      ...perClick,
      name: 'A: ROAS 2, more spend',
      kpiTargets: [
        { metric: 'CLICKS', target: 2 },
        { metric: 'CTR', target: 0.5 },
        { metric: 'CPC_CENTS', target: 90 },
      ],
    });
    roasTwoLessSpend = await createRunningCampaign(dashboardBusiness, {
      ...perClick,
      name: 'B: ROAS 2, less spend',
      kpiTargets: [{ metric: 'ROAS', target: 2 }],
    });
    roasFive = await createRunningCampaign(dashboardBusiness, { ...perClick, name: 'C: ROAS 5' });
    await asOwner().request(CreateCampaignDocument, {
      input: {
        businessId: dashboardBusiness,
        name: 'D: draft',
        objective: 'SALES',
        kind: 'AD',
        channels: ['EMAIL'],
        startsAt: new Date(now + DAY).toISOString(),
      },
    });
    const sale = (campaignId: string, valueCents: number) => event(campaignId, 'CONVERSION', ago(HOUR), { valueCents, currency: 'EUR', profileId: shopper });
    await record([
      ...times(10, () => event(roasTwoMoreSpend, 'IMPRESSION', ago(2 * HOUR), { profileId: browser })),
      ...times(2, () => event(roasTwoMoreSpend, 'CLICK', ago(2 * HOUR), { profileId: shopper })),
      sale(roasTwoMoreSpend, 400),
      ...times(10, () => event(roasTwoLessSpend, 'IMPRESSION', ago(2 * HOUR))),
      event(roasTwoLessSpend, 'CLICK', ago(2 * HOUR), { profileId: shopper }),
      sale(roasTwoLessSpend, 200),
      event(roasFive, 'CLICK', ago(2 * HOUR)),
      sale(roasFive, 500),
    ]);
    await asOwner().request(PauseCampaignDocument, { id: roasFive });
  });

  const dashboardOf = async (id: string, token = owner.token) => {
    const { businessDashboard } = await server.client(token).request(BusinessDashboardDocument, { businessId: id });
    if (businessDashboard.__typename !== 'QueryBusinessDashboardSuccess') throw new Error(JSON.stringify(businessDashboard));
    return businessDashboard.data;
  };

  it('adds up the campaigns and takes the rates from the totals', async () => {
    const dashboard = await dashboardOf(dashboardBusiness);
    expect(dashboard).toMatchObject({ businessId: dashboardBusiness, currency: 'EUR', campaignCount: 4, activeCampaignCount: 2, sequence: 3 });
    expect(dashboard.totals).toMatchObject({
      impressions: 20,
      clicks: 4,
      conversions: 3,
      revenueCents: 1_100,
      spendCents: 400,
      roas: 2.75,
      ctr: 0.2,
      cvr: 0.75,
    });
    // The average of the campaigns' ROAS (2, 2, 5) would be 3; the shopper reached by three campaigns is one person.
    expect(dashboard.totals.roas).toBe(
      roas({ impressions: 20, viewableImpressions: 0, clicks: 4, conversions: 3, revenueCents: 1_100, spendCents: 400, reach: 2 }),
    );
    expect(dashboard.totals.reach).toBe(2);
    expect(dashboard.campaignsByStatus).toHaveLength(9);
    expect(dashboard.campaignsByStatus.filter((row) => row.count > 0)).toEqual([
      { status: 'DRAFT', count: 1 },
      { status: 'ACTIVE', count: 2 },
      { status: 'PAUSED', count: 1 },
    ]);
  });

  it('ranks campaigns by ROAS, more spend first on a tie', async () => {
    const { topCampaignsByRoas } = await dashboardOf(dashboardBusiness);
    expect(topCampaignsByRoas.map((row) => [row.campaignId, row.status, row.metrics.roas, row.metrics.spendCents])).toEqual([
      [roasFive, 'PAUSED', 5, 100],
      [roasTwoMoreSpend, 'ACTIVE', 2, 200],
      [roasTwoLessSpend, 'ACTIVE', 2, 100],
    ]);
  });

  it('judges each KPI target of the running campaigns', async () => {
    const { kpis } = await dashboardOf(dashboardBusiness);
    expect(kpis.map((kpi) => [kpi.campaignId, kpi.metric, kpi.actual, kpi.status])).toEqual([
      [roasTwoMoreSpend, 'CLICKS', 2, 'ON_TRACK'],
      [roasTwoMoreSpend, 'CTR', 0.2, 'BEHIND'],
      [roasTwoMoreSpend, 'CPC_CENTS', 100, 'AT_RISK'],
      [roasTwoLessSpend, 'ROAS', 2, 'ON_TRACK'],
    ]);
    // Halfway through its run, half of the CLICKS target is due.
    expect(kpis[0]?.expected).toBeCloseTo(1, 2);
    expect(kpis[2]?.attainment).toBeCloseTo(0.9, 10);
  });

  it('is the same on the Business type as from the root query', async () => {
    const { business } = await asOwner().request(BusinessWithDashboardDocument, { id: dashboardBusiness });
    // Volume targets are pro-rated to the moment of reading, so only what does not move with the clock is compared.
    const withoutTime = ({ generatedAt: _at, kpis, ...rest }: DashboardPartsFragment) => ({
      ...rest,
      kpis: kpis.map(({ expected: _e, attainment: _a, ...kpi }) => kpi),
    });
    expect(withoutTime(business!.dashboard)).toEqual(withoutTime(await dashboardOf(dashboardBusiness)));
  });

  it('costs the same number of SQL statements for one campaign as for many', async () => {
    const soloBusiness = await createBusiness(server, owner.token, { name: 'Solo Stall' });
    await createRunningCampaign(soloBusiness, { kpiTargets: [{ metric: 'CLICKS', target: 5 }] });
    const statementsFor = (read: () => Promise<unknown>) => statementsOf(server, owner.token, read);
    expect(await statementsFor(() => dashboardOf(soloBusiness))).toBe(await statementsFor(() => dashboardOf(dashboardBusiness)));
    const allSix = [berlin, newYork, quiet, roasTwoMoreSpend, roasTwoLessSpend, roasFive];
    for (const period of ['HOUR', 'WEEK'] as const) {
      const one = await statementsFor(() => summedTrend([berlin], period, ago(3 * DAY), new Date(now)));
      expect(await statementsFor(() => summedTrend(allSix, period, ago(3 * DAY), new Date(now)))).toBe(one);
    }
  });

  it('pushes a snapshot, then the recomputed dashboard after new events', async () => {
    const live = collect<LiveBusinessDashboardSubscription>(
      server.ws(owner.token),
      { query: print(LiveBusinessDashboardDocument), variables: { businessId: dashboardBusiness } },
      (messages) => (messages.at(-1)?.businessDashboard.totals.clicks ?? 0) >= 6,
    );
    await live.ready;
    // Time for the Redis subscription to be in place before the events are published.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const first = live.messages[0]!.businessDashboard;
    await record([event(roasTwoMoreSpend, 'CLICK', ago(60_000))]);
    await record([event(roasTwoLessSpend, 'CLICK', ago(60_000))]);
    const messages = await live.done;
    const last = messages.at(-1)!.businessDashboard;
    expect(first.totals.clicks).toBe(4);
    expect(last.sequence).toBe(first.sequence + 2);
    expect(last.totals).toMatchObject({ clicks: 6, spendCents: 600 });
    expect(last).toEqual({ ...(await dashboardOf(dashboardBusiness)), generatedAt: last.generatedAt, kpis: expect.any(Array) });
  });

  it("refuses another owner's dashboard on every path", async () => {
    const { businessDashboard } = await server.client(rival.token).request(BusinessDashboardDocument, { businessId: dashboardBusiness });
    expect(businessDashboard).toMatchObject({ __typename: 'NotFoundError' });
    expect((await server.client(rival.token).request(BusinessWithDashboardDocument, { id: dashboardBusiness })).business).toBeNull();
    const attempt = collect(
      server.ws(rival.token),
      { query: print(LiveBusinessDashboardDocument), variables: { businessId: dashboardBusiness } },
      () => true,
      5_000,
    );
    await expect(attempt.done).rejects.toThrow('was not found');
  });
});
