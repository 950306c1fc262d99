import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  CampaignExperimentDocument,
  CampaignStatsNowDocument,
  ImportAudienceDocument,
  ProfilesDocument,
  PromoteVariantDocument,
  RecordSpendDocument,
  ServeDocument,
  type ServeMutation,
  SetCampaignServingDocument,
  type CampaignServingInput,
  type ServeInput,
  TrackPromotionDocument,
  UpdateCampaignDocument,
} from '../generated/graphql';
import { describeIf } from '../support/conditional';
import { freePort } from '../support/process';
import { createBusiness, createCampaign, createUser, hasRedis, launchCampaign, startServer, type TestServer } from '../support/server';

const secret = randomBytes(32).toString('hex');
let server: TestServer;
let owner: { id: string; token: string };
let businessId: string;

beforeAll(async () => {
  server = await startServer({ env: { SERVING_SECRET: secret } });
  owner = await createUser(server, 'BUSINESS_OWNER', 'owner');
  businessId = await createBusiness(server, owner.token, { city: 'Berlin' });
});

afterAll(async () => {
  await server?.close();
});

/** A unique placement per test, so campaigns of other tests never compete. */
const placementOf = () => `p_${randomBytes(4).toString('hex')}`;

function servingInput(placement: string, overrides: Partial<CampaignServingInput> = {}): CampaignServingInput {
  return {
    placements: [placement],
    channel: 'IN_APP_AD',
    variants: [
      {
        key: 'control',
        control: true,
        trafficPercent: 50,
        creative: { headline: 'Fresh bread daily', callToAction: 'Order', landingUrl: 'https://bakery.example/order' },
      },
      { key: 'bold', trafficPercent: 50, creative: { headline: 'BREAD. NOW.', callToAction: 'Order now', landingUrl: 'https://bakery.example/order?x=1' } },
    ],
    ...overrides,
  };
}

/** A campaign set up for serving on `placement`, then launched (ACTIVE). */
async function servedCampaign(
  placement: string,
  overrides: Partial<CampaignServingInput> = {},
  target = server,
  token = owner.token,
  business = businessId,
): Promise<string> {
  const campaignId = await createCampaign(target, token, business, { channels: ['IN_APP_AD'], name: `Serve ${placement}` });
  const result = await target.client(token).request(SetCampaignServingDocument, { campaignId, input: servingInput(placement, overrides) });
  if (result.setCampaignServing.__typename !== 'MutationSetCampaignServingSuccess') throw new Error(JSON.stringify(result));
  await launchCampaign(target, token, campaignId);
  return campaignId;
}

type Served = Extract<ServeMutation['serve'], { __typename: 'MutationServeSuccess' }>['data'];

async function serve(input: ServeInput, token?: string, target = server): Promise<Served> {
  const { serve: result } = await target.client(token).request(ServeDocument, { input });
  if (result.__typename !== 'MutationServeSuccess') throw new Error(JSON.stringify(result));
  return result.data;
}

async function httpServe(target: TestServer, query: Record<string, string>, token?: string): Promise<{ status: number; body: Served }> {
  const url = new URL('/serve', target.url);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, body: (await response.json()) as Served };
}

async function pixel(target: TestServer, path: string): Promise<Response> {
  return fetch(new URL(path, target.url), { redirect: 'manual' });
}

async function statsOf(campaignId: string) {
  const { campaign } = await server.client(owner.token).request(CampaignStatsNowDocument, { id: campaignId });
  return campaign!;
}

describe('serving a promotion', () => {
  it('serves an active campaign to an anonymous page and tracks its impression, view and click exactly once', async () => {
    const placement = placementOf();
    const campaignId = await servedCampaign(placement);
    const { status, body } = await httpServe(server, { placement, sessionId: 'session-1', device: 'MOBILE' });
    expect(status).toBe(200);
    const served = body.served!;
    expect(served.campaignId).toBe(campaignId);
    expect(['control', 'bold']).toContain(served.variant);
    expect(body.candidates).toBeNull();
    // The same person keeps their variant.
    for (let i = 0; i < 5; i += 1) expect((await httpServe(server, { placement, sessionId: 'session-1' })).body.served!.variant).toBe(served.variant);

    const impression = await pixel(server, served.impressionUrl);
    expect(impression.status).toBe(200);
    expect(impression.headers.get('content-type')).toBe('image/gif');
    expect(impression.headers.get('x-tracking-outcome')).toBe('ACCEPTED');
    expect((await pixel(server, served.impressionUrl)).headers.get('x-tracking-outcome')).toBe('DUPLICATE');
    const { trackPromotion } = await server.client().request(TrackPromotionDocument, { token: served.trackingToken, type: 'VIEWABLE_IMPRESSION' });
    expect(trackPromotion).toMatchObject({ __typename: 'MutationTrackPromotionSuccess', data: { outcome: 'ACCEPTED' } });

    const click = await pixel(server, served.clickUrl);
    expect(click.status).toBe(302);
    const landing = new URL(click.headers.get('location')!);
    expect(landing.origin + landing.pathname).toBe('https://bakery.example/order');
    expect(landing.searchParams.get('utm_content')).toBe(served.variant);
    expect(landing.searchParams.get('utm_term')).toBe(placement);
    expect((await pixel(server, served.clickUrl)).status).toBe(302);

    const stats = (await statsOf(campaignId)).stats!;
    expect(stats).toMatchObject({ impressions: 1, viewableImpressions: 1, clicks: 1 });
  });

  it('refuses forged, altered and malformed tracking tokens, and records nothing', async () => {
    const placement = placementOf();
    const campaignId = await servedCampaign(placement);
    const served = (await serve({ placement, sessionId: 'forger' })).served!;
    const [payload, signature] = served.trackingToken.split('.') as [string, string];
    const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), v: 'other' })).toString('base64url');
    for (const token of [`${altered}.${signature}`, `${payload}.${Buffer.from('x'.repeat(32)).toString('base64url')}`, 'garbage', '']) {
      const click = await pixel(server, `/click?t=${encodeURIComponent(token)}`);
      expect(click.status).toBe(400);
      expect(click.headers.get('location')).toBeNull();
      const body = (await click.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('VALIDATION');
      expect(body.error.message).toMatch(/^Invalid input: token: (has an invalid signature|is not a tracking token)$/);
    }
    const { trackPromotion } = await server.client().request(TrackPromotionDocument, { token: `${altered}.${signature}`, type: 'CLICK' });
    expect(trackPromotion).toMatchObject({ __typename: 'ValidationError', message: 'Invalid input: token: has an invalid signature' });
    // A token signed by another deployment's secret is just as forged.
    const other = await startServer({ databaseUrl: server.databaseUrl, env: { SERVING_SECRET: randomBytes(32).toString('hex') } });
    try {
      expect((await pixel(other, served.impressionUrl)).status).toBe(400);
    } finally {
      await other.close();
    }
    expect((await statsOf(campaignId)).stats).toMatchObject({ impressions: 0, clicks: 0 });
  });

  it('checks every targeting dimension with AND, and explains each candidate to its owner only', async () => {
    const placement = placementOf();
    const untargeted = await servedCampaign(placement);
    // Cities AND interests: a Berlin page of an unknown visitor matches the city but cannot match interests.
    const targeted = await createCampaign(server, owner.token, businessId, { channels: ['IN_APP_AD'] });
    const { updateCampaign } = await server
      .client(owner.token)
      .request(UpdateCampaignDocument, { id: targeted, input: { targetingRules: { cities: ['Berlin'], interests: ['coffee'] } } });
    expect(updateCampaign.__typename).toBe('MutationUpdateCampaignSuccess');
    await server.client(owner.token).request(SetCampaignServingDocument, { campaignId: targeted, input: servingInput(placement, { priority: 10 }) });
    await launchCampaign(server, owner.token, targeted);

    await server.client(server.adminToken).request(ImportAudienceDocument, {
      input: {
        profiles: [
          { externalId: `coffee-${placement}`, city: 'Berlin', createdAt: '2026-01-01T00:00:00Z', interests: ['coffee'] },
          { externalId: `tea-${placement}`, city: 'Berlin', createdAt: '2026-01-01T00:00:00Z', interests: ['tea'] },
        ],
      },
    });
    const { profiles } = await server.client(server.adminToken).request(ProfilesDocument, { city: 'Berlin', first: 50 });
    const idOf = (externalId: string) => profiles.edges.find((e) => e.node.personalData?.externalId === externalId)!.node.id;

    const coffee = await serve({ placement, profileId: idOf(`coffee-${placement}`), debug: true }, owner.token);
    expect(coffee.served!.campaignId).toBe(targeted);
    const tea = await serve({ placement, profileId: idOf(`tea-${placement}`), debug: true }, owner.token);
    expect(tea.served!.campaignId).toBe(untargeted);
    expect(tea.candidates).toContainEqual({ campaignId: targeted, outcome: 'NOT_ELIGIBLE', reason: 'targeting: does not match interests' });
    const visitor = await serve({ placement, sessionId: 's-berlin', context: { city: 'Berlin' }, debug: true }, owner.token);
    expect(visitor.candidates).toContainEqual({ campaignId: targeted, outcome: 'NOT_ELIGIBLE', reason: 'targeting: does not match interests' });
    const outside = await serve({ placement, profileId: idOf(`coffee-${placement}`), context: { city: 'Munich' }, debug: true }, owner.token);
    expect(outside.candidates).toContainEqual({ campaignId: targeted, outcome: 'NOT_ELIGIBLE', reason: 'targeting: does not match cities' });

    // Debug never explains other businesses' campaigns: anonymous callers and strangers see none.
    expect((await serve({ placement, sessionId: 'x', debug: true })).candidates).toEqual([]);
    const stranger = await createUser(server, 'BUSINESS_OWNER', 'stranger');
    expect((await serve({ placement, sessionId: 'x', debug: true }, stranger.token)).candidates).toEqual([]);
    expect((await serve({ placement, sessionId: 'x', debug: true }, server.adminToken)).candidates).toHaveLength(2);
  });

  it('stops serving a campaign the moment its budget is exhausted', async () => {
    const placement = placementOf();
    const campaignId = await servedCampaign(placement);
    expect((await serve({ placement, sessionId: 'budget' })).served?.campaignId).toBe(campaignId);
    const { recordSpend } = await server.client(owner.token).request(RecordSpendDocument, {
      campaignId,
      input: { amountCents: 1_000_000, reason: 'media buy', idempotencyKey: randomUUID() },
    });
    expect(recordSpend.__typename).toBe('MutationRecordSpendSuccess');
    expect((await statsOf(campaignId)).status).toBe('PAUSED');
    expect((await serve({ placement, sessionId: 'budget' })).served).toBeNull();
  });

  it('caps per person and placement, and waits the minimum time between impressions', async () => {
    const placement = placementOf();
    const campaignId = await servedCampaign(placement, { frequencyCap: { perDay: 5, minSecondsBetween: 3600 } });
    expect((await serve({ placement, sessionId: 'gap' })).served?.campaignId).toBe(campaignId);
    const second = await serve({ placement, sessionId: 'gap', debug: true }, owner.token);
    expect(second.served).toBeNull();
    expect(second.candidates).toEqual([{ campaignId, outcome: 'CAPPED', reason: 'frequency cap: shown too recently by this campaign' }]);
    // Another person is not affected.
    expect((await serve({ placement, sessionId: 'gap-2' })).served?.campaignId).toBe(campaignId);
  });

  it('answers bad input with errors that name it, and changes nothing', async () => {
    const placement = placementOf();
    const noPerson = await server.client().request(ServeDocument, { input: { placement } });
    expect(noPerson.serve).toMatchObject({
      __typename: 'ValidationError',
      message: 'Invalid input: input.profileId: give a profileId or a sessionId: caps and variants follow the person',
    });
    expect((await httpServe(server, { placement, sessionId: 's', latitude: 'north' })).status).toBe(400);
    const campaignId = await createCampaign(server, owner.token, businessId, { channels: ['IN_APP_AD'] });
    const badSplit = await server.client(owner.token).request(SetCampaignServingDocument, {
      campaignId,
      input: servingInput(placement, {
        variants: [{ key: 'a', control: true, trafficPercent: 70, creative: { headline: 'A', callToAction: 'Go', landingUrl: 'javascript:alert(1)' } }],
      }),
    });
    expect(badSplit.setCampaignServing).toMatchObject({ __typename: 'ValidationError' });
    const issues = (badSplit.setCampaignServing as { issues: Array<{ path: string[]; message: string }> }).issues;
    expect(issues).toContainEqual({ path: ['input', 'variants', '0', 'creative', 'landingUrl'], message: 'must be an http(s) URL' });
    const wrongChannel = await server
      .client(owner.token)
      .request(SetCampaignServingDocument, { campaignId, input: servingInput(placement, { channel: 'DISPLAY' }) });
    expect(wrongChannel.setCampaignServing).toMatchObject({ message: 'Invalid input: input.channel: must be one of the campaign’s channels (IN_APP_AD)' });
    const active = await servedCampaign(placementOf());
    const edit = await server.client(owner.token).request(SetCampaignServingDocument, { campaignId: active, input: servingInput(placement) });
    expect(edit.setCampaignServing).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('ACTIVE campaign') });
    const stranger = await createUser(server, 'BUSINESS_OWNER', 'stranger');
    const hijack = await server.client(stranger.token).request(SetCampaignServingDocument, { campaignId, input: servingInput(placement) });
    expect(hijack.setCampaignServing).toMatchObject({ __typename: 'NotFoundError' });
  });

  it('reports the experiment per variant to its owner only, and sends all traffic to a promoted variant', async () => {
    const placement = placementOf();
    const campaignId = await servedCampaign(placement);
    const tokens: Record<string, string[]> = { control: [], bold: [] };
    for (let i = 0; i < 60; i += 1) {
      const served = (await serve({ placement, sessionId: `exp-${i}` })).served!;
      tokens[served.variant]!.push(served.trackingToken);
      await pixel(server, served.impressionUrl);
    }
    for (const token of tokens.bold!.slice(0, 10)) await pixel(server, `/click?t=${encodeURIComponent(token)}`);
    const { node } = await server.client(owner.token).request(CampaignExperimentDocument, { id: campaignId });
    const experiment = (
      node as { experiment: { __typename: string; data: { variants: Array<{ key: string; impressions: number; clicks: number }>; winner: string | null } } }
    ).experiment;
    expect(experiment.__typename).toBe('CampaignExperimentSuccess');
    const byKey = Object.fromEntries(experiment.data.variants.map((v) => [v.key, v]));
    expect(byKey.control!.impressions).toBe(tokens.control!.length);
    expect(byKey.bold!.impressions).toBe(tokens.bold!.length);
    expect(byKey.bold!.clicks).toBe(10);
    const stranger = await createUser(server, 'BUSINESS_OWNER', 'stranger');
    const hidden = await server.client(stranger.token).request(CampaignExperimentDocument, { id: campaignId });
    expect(hidden.node).toBeNull();

    // Promoting a variant sends everyone outside the holdout to it, including people who saw the other one.
    const paused = await server.client(owner.token).request(PromoteVariantDocument, { campaignId, variant: 'bold' });
    expect(paused.promoteVariant.__typename).toBe('MutationPromoteVariantSuccess');
    for (let i = 0; i < 10; i += 1) expect((await serve({ placement, sessionId: `exp-${i}` })).served!.variant).toBe('bold');
    const unknown = await server.client(owner.token).request(PromoteVariantDocument, { campaignId, variant: 'nope' });
    expect(unknown.promoteVariant).toMatchObject({ message: 'Invalid input: variant: is not one of the campaign’s variants' });
  });
});

describeIf(hasRedis)('frequency caps across servers', () => {
  it('lets exactly 3 of 200 concurrent serves for one person through, split over two servers', async () => {
    const second = await startServer({ databaseUrl: server.databaseUrl, env: { SERVING_SECRET: secret } });
    try {
      const placement = placementOf();
      const campaignId = await servedCampaign(placement, { frequencyCap: { perDay: 3 } });
      const sessionId = `race-${randomUUID()}`;
      const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => httpServe(i % 2 === 0 ? server : second, { placement, sessionId })));
      const served = answers.map((a) => a.body.served).filter((s) => s !== null);
      expect(served).toHaveLength(3);
      for (const promotion of served) await pixel(second, promotion!.impressionUrl);
      expect((await statsOf(campaignId)).stats).toMatchObject({ impressions: 3 });
    } finally {
      await second.close();
    }
  });
});

const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;

describeIf(hasRedisServer)('frequency caps after a Redis restart', () => {
  let redis: ChildProcess | undefined;
  let port: number;
  let own: TestServer;

  async function startRedis(): Promise<void> {
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (let attempt = 0; attempt < 100; attempt += 1) {
      if (
        spawnSync('redis-cli', ['-p', String(port), 'ping'])
          .stdout?.toString()
          .trim() === 'PONG'
      )
        return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('redis-server did not start');
  }

  beforeAll(async () => {
    port = await freePort();
    await startRedis();
    own = await startServer({ redis: false, env: { REDIS_URL: `redis://127.0.0.1:${port}`, SERVING_SECRET: secret } });
  });

  afterAll(async () => {
    await own?.close();
    redis?.kill('SIGKILL');
  });

  it('rebuilds counts from the recorded impressions, so a restart resets nobody', async () => {
    const ownOwner = await createUser(own, 'BUSINESS_OWNER', 'owner');
    const ownBusiness = await createBusiness(own, ownOwner.token);
    const placement = placementOf();
    const campaignId = await servedCampaign(placement, { frequencyCap: { perDay: 2 } }, own, ownOwner.token, ownBusiness);
    for (let i = 0; i < 2; i += 1) {
      const served = (await serve({ placement, sessionId: 'restart' }, undefined, own)).served!;
      expect(served.campaignId).toBe(campaignId);
      expect((await pixel(own, served.impressionUrl)).headers.get('x-tracking-outcome')).toBe('ACCEPTED');
    }
    const stopped = new Promise((resolve) => redis?.once('exit', resolve));
    redis?.kill('SIGKILL');
    await stopped;
    await startRedis();
    // Until the client has reconnected, capped campaigns sit out; then the cap holds from PostgreSQL's counts.
    let answer: Served | undefined;
    for (let attempt = 0; attempt < 100; attempt += 1) {
      answer = await serve({ placement, sessionId: 'restart', debug: true }, own.adminToken, own);
      if (!answer.candidates?.[0]?.reason?.startsWith('frequency caps unavailable')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(answer!.served).toBeNull();
    expect(answer!.candidates).toEqual([{ campaignId, outcome: 'CAPPED', reason: 'frequency cap: shown the most times allowed in 24 hours by this campaign' }]);
    // Someone else is served as before.
    expect((await serve({ placement, sessionId: 'restart-2' }, undefined, own)).served?.campaignId).toBe(campaignId);
  });
});

describe('on the embedded default', () => {
  it('serves and caps in memory on PGlite', async () => {
    const embedded = await startServer({ embedded: true, redis: false });
    try {
      const embeddedOwner = await createUser(embedded, 'BUSINESS_OWNER', 'owner');
      const embeddedBusiness = await createBusiness(embedded, embeddedOwner.token);
      const placement = placementOf();
      const campaignId = await servedCampaign(placement, { frequencyCap: { lifetime: 1 } }, embedded, embeddedOwner.token, embeddedBusiness);
      const first = (await serve({ placement, sessionId: 'pglite' }, undefined, embedded)).served!;
      expect(first.campaignId).toBe(campaignId);
      expect((await pixel(embedded, first.impressionUrl)).headers.get('x-tracking-outcome')).toBe('ACCEPTED');
      expect((await serve({ placement, sessionId: 'pglite' }, undefined, embedded)).served).toBeNull();
    } finally {
      await embedded.close();
    }
  });
});
