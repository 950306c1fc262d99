import { ImportAudienceDocument, ProfilesDocument, type AudienceImportInput } from '../generated/graphql';
import { createBusiness, createUser, startServer, type TestServer } from '../support/server';
import { DAY_MS, generateWorld } from './fixtures';

let server: TestServer;
let businessId: string;

beforeAll(async () => {
  server = await startServer();
  const owner = await createUser(server, 'BUSINESS_OWNER', 'owner');
  businessId = await createBusiness(server, owner.token);
});

afterAll(async () => {
  await server.close();
});

const importAs = async (input: AudienceImportInput, token: string | undefined = server.adminToken) =>
  (await server.client(token).request(ImportAudienceDocument, { input })).importAudience;

async function profileCount(): Promise<number> {
  return (await server.client(server.adminToken).request(ProfilesDocument, { first: 1 })).profiles.totalCount;
}

const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

describe('importing audience data', () => {
  it('imports every kind of record in one batch, and importing it again changes nothing', async () => {
    const world = generateWorld(1, 60, businessId);
    const first = await importAs(world);
    if (first.__typename !== 'MutationImportAudienceSuccess') throw new Error(JSON.stringify(first));
    expect(first.data.profiles).toEqual({ received: 60, created: 60, updated: 0, unchanged: 0 });
    expect(first.data.activities.created).toBe(world.activities.length);
    expect(first.data.interactions.created).toBe(world.interactions.length);
    expect(first.data.friendships.created).toBe(world.friendships.length);
    expect(first.data.subscriptions.created).toBe(world.subscriptions.length);

    const again = await importAs(world);
    if (again.__typename !== 'MutationImportAudienceSuccess') throw new Error(JSON.stringify(again));
    for (const counts of Object.values(again.data).filter((value) => typeof value === 'object')) {
      expect(counts).toMatchObject({ created: 0, updated: 0 });
    }
    expect(again.data.profiles.unchanged).toBe(60);

    const changed = await importAs({ profiles: [{ ...world.profiles[0]!, city: 'Hamburg', interests: ['music', 'coffee', 'music'] }] });
    expect(changed).toMatchObject({ data: { profiles: { created: 0, updated: 1, unchanged: 0 } } });
    const sameSet = await importAs({ profiles: [{ ...world.profiles[0]!, city: 'Hamburg', interests: ['coffee', 'music'] }] });
    expect(sameSet).toMatchObject({ data: { profiles: { unchanged: 1 } } });
  });

  it('normalises phone numbers, email addresses, labels and ages', async () => {
    const result = await importAs({
      profiles: [
        {
          externalId: 'norm-1',
          city: '  New   York ',
          age: 29,
          phone: '0049 (30) 123-4567',
          email: ' Ada@Example.TEST ',
          interests: [' live  music '],
          createdAt: daysAgo(3),
        },
      ],
    });
    expect(result).toMatchObject({ data: { profiles: { created: 1 } } });
    const { profiles } = await server.client(server.adminToken).request(ProfilesDocument, { city: 'New York', first: 5 });
    expect(profiles.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({
        city: 'New York',
        ageRange: 'AGE_25_34',
        interests: ['live music'],
        personalData: expect.objectContaining({ phone: '+49301234567', email: 'ada@example.test', externalId: 'norm-1' }),
      }),
    ]);
  });

  it('refuses a batch with invalid rows as a whole, naming every problem', async () => {
    const before = await profileCount();
    const result = await importAs({
      profiles: [
        { externalId: 'ok-1', city: 'Berlin', createdAt: daysAgo(1) },
        { externalId: 'bad phone', city: 'Berlin', phone: '030 1234567', createdAt: daysAgo(1) },
        { externalId: 'young', city: '', age: 16, ageRange: 'AGE_25_34', latitude: 52.5, createdAt: daysAgo(-2) },
        { externalId: 'ok-1', city: 'Berlin', email: 'not-an-email', createdAt: daysAgo(1) },
      ],
      activities: [{ externalId: 'act-x', profileExternalId: 'ok-1', kind: 'REVIEW', occurredAt: daysAgo(-1) }],
      friendships: [{ profileExternalId: 'ok-1', friendExternalId: 'ok-1' }],
    });
    expect(result.__typename).toBe('ValidationError');
    if (result.__typename !== 'ValidationError') return;
    expect(result.issues).toEqual(
      expect.arrayContaining([
        { path: ['input', 'profiles', '1', 'externalId'], message: 'must be printable ASCII without spaces' },
        { path: ['input', 'profiles', '1', 'phone'], message: 'must be an international phone number starting with + or 00, e.g. +49 30 1234567' },
        { path: ['input', 'profiles', '2', 'city'], message: 'must not be empty' },
        { path: ['input', 'profiles', '2', 'age'], message: 'must be at least 18: audiences are adults only' },
        { path: ['input', 'profiles', '2', 'latitude'], message: 'latitude and longitude go together: give both or neither' },
        { path: ['input', 'profiles', '2', 'createdAt'], message: 'must not be in the future' },
        { path: ['input', 'profiles', '3', 'email'], message: 'must be an email address' },
        { path: ['input', 'profiles', '3'], message: 'repeats row 0' },
        { path: ['input', 'activities', '0', 'occurredAt'], message: 'must not be in the future' },
        { path: ['input', 'friendships', '0', 'friendExternalId'], message: 'must be another profile' },
      ]),
    );
    expect(await profileCount()).toBe(before);
  });

  it('refuses references to unknown profiles and businesses, and writes nothing of the batch', async () => {
    const before = await profileCount();
    const result = await importAs({
      profiles: [{ externalId: 'fresh-1', city: 'Berlin', createdAt: daysAgo(1) }],
      activities: [
        { externalId: 'ref-1', profileExternalId: 'fresh-1', kind: 'CHECK_IN', occurredAt: daysAgo(1) },
        { externalId: 'ref-2', profileExternalId: 'nobody', kind: 'CHECK_IN', occurredAt: daysAgo(1) },
      ],
      interactions: [{ externalId: 'int-1', profileExternalId: 'fresh-1', businessId: 'QnVzaW5lc3M6bm90LWEtdXVpZA==', kind: 'VISIT', occurredAt: daysAgo(1) }],
    });
    expect(result).toMatchObject({
      __typename: 'ValidationError',
      issues: [
        { path: ['input', 'activities', '1', 'profileExternalId'], message: 'no profile has the external id nobody' },
        { path: ['input', 'interactions', '0', 'businessId'], message: 'no such business' },
      ],
    });
    expect(await profileCount()).toBe(before);
  });

  it('keeps the latest subscription decision, whatever order decisions arrive in', async () => {
    await importAs({ profiles: [{ externalId: 'sub-1', city: 'Köln', phone: '+4922112345', createdAt: daysAgo(30) }] });
    const decide = (subscribed: boolean, changedAt: string) =>
      importAs({
        subscriptions: [{ profileExternalId: 'sub-1', channel: 'WHATSAPP', subscribed, changedAt, source: subscribed ? 'SIGNUP_FORM' : 'KEYWORD_REPLY' }],
      });
    const latest = daysAgo(2);
    expect(await decide(true, daysAgo(10))).toMatchObject({ data: { subscriptions: { created: 1 } } });
    expect(await decide(false, latest)).toMatchObject({ data: { subscriptions: { updated: 1 } } });
    expect(await decide(true, daysAgo(5))).toMatchObject({ data: { subscriptions: { unchanged: 1 } } });
    const { profiles } = await server.client(server.adminToken).request(ProfilesDocument, { city: 'Köln', first: 50 });
    const profile = profiles.edges.find((edge) => edge.node.personalData?.externalId === 'sub-1')!.node;
    expect(profile.personalData?.subscriptions).toEqual([{ channel: 'WHATSAPP', subscribed: false, changedAt: latest, source: 'KEYWORD_REPLY' }]);
  });

  it('lets only admins import', async () => {
    const owner = await createUser(server, 'BUSINESS_OWNER', 'importer');
    const partner = await createUser(server, 'PARTNER', 'partner');
    const input = { profiles: [{ externalId: 'sneaky', city: 'Berlin', createdAt: daysAgo(1) }] };
    for (const client of [server.client(owner.token), server.client(partner.token), server.client()]) {
      expect((await client.request(ImportAudienceDocument, { input })).importAudience).toMatchObject({ __typename: 'ForbiddenError' });
    }
  });

  it('refuses an empty batch and batches over 1,000 rows', async () => {
    expect(await importAs({})).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input'], message: 'must contain at least one row' }] });
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ externalId: `many-${i}`, city: 'Berlin', createdAt: daysAgo(1) }));
    expect(await importAs({ profiles: tooMany })).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['input', 'profiles'], message: 'must have at most 1000 rows per batch' }],
    });
  });
});
