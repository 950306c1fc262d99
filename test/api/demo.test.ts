import { print } from 'graphql';
import { DEMO_OWNER_TOKEN } from '../../src/demo/seed';
import { CampaignStatsDocument, DemoOverviewDocument, type CampaignStatsSubscription } from '../generated/graphql';
import { collect, startServer, type TestServer } from '../support/server';

/**
 * What a newcomer meets: the embedded default with demo data. Its campaigns have a week of history,
 * and the live demo campaign moves by itself.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startServer({ embedded: true, redis: false, env: { DEMO_DATA: 'true' } });
}, 120_000);

afterAll(async () => {
  await server.close();
});

describe('the demo data', () => {
  it('shows history: non-zero counters and several days of trends', async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 7 * 86_400_000);
    const { campaigns } = await server.client(DEMO_OWNER_TOKEN).request(DemoOverviewDocument, { from: from.toISOString(), to: to.toISOString() });
    const brunch = campaigns.edges.find((edge) => edge.node.name === 'Weekend brunch coupons')!.node;
    expect(brunch.status).toBe('ACTIVE');
    expect(brunch.stats.impressions).toBeGreaterThan(1_000);
    expect(brunch.stats.clicks).toBeGreaterThan(50);
    expect(brunch.stats.conversions).toBeGreaterThan(0);
    expect(brunch.stats.revenueCents).toBeGreaterThan(0);
    if (brunch.trends.__typename !== 'CampaignTrendsSuccess') throw new Error(JSON.stringify(brunch.trends));
    const daysWithTraffic = brunch.trends.data.points.filter((point) => point.metrics.impressions > 0);
    expect(daysWithTraffic.length).toBeGreaterThanOrEqual(7);
    const sourdough = campaigns.edges.find((edge) => edge.node.name === 'Sourdough launch')!.node;
    expect(sourdough.stats.impressions).toBeGreaterThan(0);
  });

  it('moves by itself: a graphql-ws subscriber sees the live campaign count up without anyone recording events', async () => {
    const { campaigns } = await server
      .client(DEMO_OWNER_TOKEN)
      .request(DemoOverviewDocument, { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date().toISOString() });
    const campaignId = campaigns.edges.find((edge) => edge.node.name === 'Weekend brunch coupons')!.node.id;
    const { done } = collect<CampaignStatsSubscription>(
      server.ws(DEMO_OWNER_TOKEN),
      { query: print(CampaignStatsDocument), variables: { campaignId } },
      (messages) => messages.length >= 3 && messages.at(-1)!.campaignStats.impressions > messages[0]!.campaignStats.impressions,
      15_000,
    );
    const messages = await done;
    expect(messages[0]!.campaignStats.snapshot).toBe(true);
    expect(messages.at(-1)!.campaignStats.impressions).toBeGreaterThan(messages[0]!.campaignStats.impressions);
    expect(messages.at(-1)!.campaignStats.sequence).toBeGreaterThan(messages[0]!.campaignStats.sequence);
  });
});
