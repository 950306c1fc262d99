import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import {
  CampaignStatsFullDocument,
  type CampaignStatsFullSubscription,
  CampaignStatsNowDocument,
  type EventInput,
  RecordEventsDocument,
  SetCampaignBudgetDocument,
  UpdateCampaignDocument,
} from '../generated/graphql';
import { collect, createCampaign, launchCampaign, startWithOwner, type TestServer } from '../support/server';

let server: TestServer;
let owner: { id: string; token: string };
let businessId: string;

beforeAll(async () => {
  ({ server, owner, businessId } = await startWithOwner({ env: { LIVE_COALESCE_MS: '100' } }));
});

afterAll(async () => {
  await server.close();
});

const asOwner = () => server.client(owner.token);
const profileGlobalId = (uuid: string) => Buffer.from(`Profile:${uuid}`).toString('base64');

/** An ACTIVE campaign priced at CPM 2000 (2 cents an impression), CPC 50 and CPA 500 cents. */
async function pricedCampaign(name: string, totalCents = 1_000_000): Promise<string> {
  const id = await createCampaign(server, owner.token, businessId, { name, channels: ['IN_APP_AD', 'EMAIL'] });
  await asOwner().request(UpdateCampaignDocument, { id, input: { pricing: { cpmCents: 2000, cpcCents: 50, cpaCents: 500 } } });
  await launchCampaign(server, owner.token, id, totalCents);
  return id;
}

const event = (campaignId: string, type: EventInput['type'], extra: Partial<EventInput> = {}): EventInput => ({
  id: randomUUID(),
  campaignId,
  type,
  occurredAt: new Date().toISOString(),
  ...extra,
});

async function statsOf(id: string) {
  const { campaign } = await asOwner().request(CampaignStatsNowDocument, { id });
  return campaign!;
}

describe('counting', () => {
  it('counts every event type, revenue and exact reach, and bills each at the campaign’s price', async () => {
    const id = await pricedCampaign('Counted');
    const alice = randomUUID();
    const bob = randomUUID();
    const events = [
      ...Array.from({ length: 10 }, (_, i) => event(id, 'IMPRESSION', { profileId: profileGlobalId(i % 2 ? alice : bob), channel: 'IN_APP_AD' })),
      event(id, 'VIEWABLE_IMPRESSION', { profileId: profileGlobalId(alice) }),
      event(id, 'CLICK', { profileId: profileGlobalId(alice), channel: 'EMAIL', placement: 'newsletter' }),
      event(id, 'CONVERSION', { profileId: profileGlobalId(alice), valueCents: 4_500, currency: 'EUR', conversionType: 'PURCHASE' }),
    ];
    const { recordEvents } = await asOwner().request(RecordEventsDocument, { events });
    expect(recordEvents).toMatchObject({ data: { accepted: 13, duplicates: 0, rejected: 0 } });
    const { stats } = await statsOf(id);
    expect(stats).toMatchObject({
      impressions: 10,
      viewableImpressions: 1,
      clicks: 1,
      conversions: 1,
      revenueCents: 4_500,
      reach: 2,
      // 10 impressions × 2 cents + 1 click × 50 + 1 conversion × 500
      spendCents: 570,
      unbilledCents: 0,
      ctr: 0.1,
      cvr: 1,
      frequency: 5,
    });
    expect(stats.roas).toBeCloseTo(4_500 / 570);
  });

  it('charges fractions of a cent exactly over many batches', async () => {
    const id = await createCampaign(server, owner.token, businessId, { name: 'Fractions' });
    await asOwner().request(UpdateCampaignDocument, { id, input: { pricing: { cpmCents: 7 } } });
    await launchCampaign(server, owner.token, id);
    for (let batch = 0; batch < 7; batch += 1) {
      await asOwner().request(RecordEventsDocument, { events: Array.from({ length: 143 }, () => event(id, 'IMPRESSION')) });
    }
    // 1,001 impressions at 7 cents per thousand cost 7.007 cents: 7 charged, the rest carried.
    expect((await statsOf(id)).stats).toMatchObject({ impressions: 1_001, spendCents: 7 });
  });

  it('never charges past the budget: the rest is counted as unbilled and the campaign pauses', async () => {
    const id = await pricedCampaign('Capped', 1_000);
    const { recordEvents } = await asOwner().request(RecordEventsDocument, { events: Array.from({ length: 30 }, () => event(id, 'CLICK')) });
    expect(recordEvents).toMatchObject({ data: { accepted: 30 } });
    const campaign = await statsOf(id);
    expect(campaign).toMatchObject({ status: 'PAUSED', statusReason: 'budget exhausted' });
    expect(campaign.stats).toMatchObject({ clicks: 30, spendCents: 1_000, unbilledCents: 500 });
    const late = await asOwner().request(RecordEventsDocument, { events: [event(id, 'CLICK')] });
    expect(late.recordEvents).toMatchObject({
      data: { rejected: 1, problems: [{ reason: 'campaignId: campaign is PAUSED; only ACTIVE campaigns take events' }] },
    });
  });

  it('charges each channel’s allocation and the unallocated part separately', async () => {
    const id = await pricedCampaign('Per channel');
    await asOwner().request(SetCampaignBudgetDocument, {
      campaignId: id,
      input: { totalCents: 1_000_000, currency: 'EUR', allocations: [{ channel: 'EMAIL', amountCents: 100 }] },
    });
    await asOwner().request(RecordEventsDocument, {
      events: [...Array.from({ length: 3 }, () => event(id, 'CLICK', { channel: 'EMAIL' })), event(id, 'CLICK')],
    });
    // The e-mail allocation covers 2 of its 3 clicks; the click without a channel is charged to the rest.
    expect((await statsOf(id)).stats).toMatchObject({ spendCents: 150, unbilledCents: 50 });
  });

  it('rejects events that break the rules, one by one, naming the reason', async () => {
    const id = await pricedCampaign('Strict');
    const { recordEvents } = await asOwner().request(RecordEventsDocument, {
      events: [
        event(id, 'IMPRESSION', { channel: 'SEARCH' }),
        event(id, 'CLICK', { valueCents: 100, currency: 'EUR' }),
        event(id, 'CONVERSION', { valueCents: 100, currency: 'USD' }),
        event(id, 'CONVERSION', { valueCents: 100 }),
        event(id, 'IMPRESSION', { occurredAt: new Date(Date.now() - 86_400_000).toISOString() }),
        event(id, 'IMPRESSION', { properties: { note: 'x'.repeat(5000) } }),
        event(profileGlobalId(randomUUID()), 'IMPRESSION'),
        event(id, 'IMPRESSION', { profileId: id }),
        event(id, 'IMPRESSION', { properties: { campaign: 'ok' } }),
      ],
    });
    if (recordEvents.__typename !== 'MutationRecordEventsSuccess') throw new Error(recordEvents.__typename);
    expect(recordEvents.data.outcomes.at(-1)).toBe('ACCEPTED');
    expect(recordEvents.data.problems.map((r) => r.reason)).toEqual([
      'channel: is not one of the campaign’s channels',
      'valueCents: only conversions carry a value or a conversion type',
      "currency: must be the business's currency, EUR",
      'currency: valueCents and currency go together',
      'occurredAt: is before the campaign started',
      'properties: must be at most 4096 bytes of JSON',
      'campaignId: must be a campaign id',
      'profileId: must be a profile id',
    ]);
    expect((await statsOf(id)).stats.impressions).toBe(1);
  });
});

describe('exactly once', () => {
  it('counts overlapping batches sent concurrently exactly once', async () => {
    const id = await pricedCampaign('Overlapping');
    const ids = Array.from({ length: 600 }, () => randomUUID());
    const batches = Array.from({ length: 6 }, (_, b) => ids.slice(b * 80, b * 80 + 200).map((eventId) => event(id, 'IMPRESSION', { id: eventId })));
    const results = await Promise.all(batches.map((events) => asOwner().request(RecordEventsDocument, { events })));
    const accepted = results.reduce((sum, r) => sum + (r.recordEvents.__typename === 'MutationRecordEventsSuccess' ? r.recordEvents.data.accepted : 0), 0);
    const expected = new Set(batches.flat().map((e) => e.id)).size;
    expect(accepted).toBe(expected);
    expect((await statsOf(id)).stats).toMatchObject({ impressions: expected, spendCents: expected * 2 });
  });

  it('ends a burst of 10,000 events with the subscriber’s last numbers equal to the database', async () => {
    const id = await pricedCampaign('Burst', 100_000_000);
    const live = collect<CampaignStatsFullSubscription>(
      server.ws(owner.token),
      { query: print(CampaignStatsFullDocument), variables: { campaignId: id } },
      (messages) => messages.at(-1)?.campaignStats.impressions === 10_000,
      30_000,
    );
    await live.ready;
    const batches = Array.from({ length: 20 }, () => Array.from({ length: 500 }, () => event(id, 'IMPRESSION')));
    const burstStarted = Date.now();
    for (let i = 0; i < batches.length; i += 4) {
      await Promise.all(batches.slice(i, i + 4).map((events) => asOwner().request(RecordEventsDocument, { events })));
    }
    const messages = await live.done;
    const { stats } = await statsOf(id);
    const last = messages.at(-1)!.campaignStats;
    expect(last).toEqual({
      sequence: stats.sequence,
      impressions: stats.impressions,
      viewableImpressions: stats.viewableImpressions,
      clicks: stats.clicks,
      conversions: stats.conversions,
      revenueCents: stats.revenueCents,
      reach: stats.reach,
      spendCents: stats.spendCents,
      unbilledCents: stats.unbilledCents,
      snapshot: last.snapshot,
    });
    expect(stats).toMatchObject({ impressions: 10_000, spendCents: 20_000, sequence: 20 });
    // Coalesced: at most one push per interval (100 ms here) while the burst lasted, and sequence numbers only grow.
    const updates = messages.length - 1;
    expect(updates).toBeLessThanOrEqual((live.times.at(-1)! - burstStarted) / 100 + 2);
    const sequences = messages.map((m) => m.campaignStats.sequence);
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
  });
});

describe('the HTTP beacon', () => {
  const post = (body: unknown, init: { token?: string; query?: string; method?: string } = {}) =>
    fetch(server.url.replace('/graphql', `/events${init.query ?? ''}`), {
      method: init.method ?? 'POST',
      headers: { 'content-type': 'text/plain', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('takes the same batches with the same answers, with the token in the header or the query', async () => {
    const id = await pricedCampaign('Beaconed');
    const batch = { events: [event(id, 'IMPRESSION', { id: 'b-1' }), event(id, 'CLICK', { id: 'b-2' })] };
    const first = await post(batch, { token: owner.token });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ accepted: 2, duplicates: 0, rejected: 0 });
    const replay = await post(batch, { query: `?token=${owner.token}` });
    expect(await replay.json()).toMatchObject({ accepted: 0, duplicates: 2 });
    expect((await statsOf(id)).stats).toMatchObject({ impressions: 1, clicks: 1 });
  });

  it('answers bad requests with a status and an error that names the problem', async () => {
    expect((await post({ events: [] })).status).toBe(403);
    const notJson = await post('{nope', { token: owner.token });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({
      error: { code: 'VALIDATION', message: 'Invalid input: body: must be JSON', issues: [{ path: ['body'], message: 'must be JSON' }] },
    });
    expect((await post({ events: 'many' }, { token: owner.token })).status).toBe(400);
    expect((await post(null, { token: owner.token, method: 'GET' })).status).toBe(405);
  });
});
