import pg from 'pg';
import { RANKING_LOCK_KEY } from '../../src/modules/audiences/ranking';
import {
  ActivateDriverAlgorithmConfigDocument,
  CreateDriverAlgorithmConfigDocument,
  DriverAlgorithmConfigsDocument,
  DriverRankingRunsDocument,
  DriversDocument,
  ImportAudienceDocument,
  RunDriverRankingDocument,
  type ActivityImportInput,
  type AudienceImportInput,
  type DriverAlgorithmConfigInput,
} from '../generated/graphql';
import { createBusiness, createUser, startServer, type TestServer } from '../support/server';
import { DAY_MS, generateWorld, importWorld } from './fixtures';
import { rankByBruteForce, type Kind, type OracleConfig } from './oracle';

let server: TestServer;

const DEFAULT_CONFIG: OracleConfig = {
  weights: { COUPON_COLLECTED: 20, COUPON_SHARED: 25, COUPON_REDEEMED: 25, CHECK_IN: 15, REVIEW: 10, SOCIAL_INTERACTION: 5 },
  halfLifeDays: 30,
  windowDays: 90,
  minActivities: 5,
  percentileThreshold: 90,
};

beforeAll(async () => {
  server = await startServer();
  const owner = await createUser(server, 'BUSINESS_OWNER', 'owner');
  const businessId = await createBusiness(server, owner.token);
  await importWorld(server, server.adminToken, generateWorld(7, 300, businessId));
});

afterAll(async () => {
  await server.close();
});

async function runRanking() {
  const { runDriverRanking } = await server.client(server.adminToken).request(RunDriverRankingDocument);
  if (runDriverRanking.__typename !== 'MutationRunDriverRankingSuccess') throw new Error(JSON.stringify(runDriverRanking));
  return runDriverRanking.data;
}

async function importRows(input: AudienceImportInput): Promise<void> {
  const { importAudience } = await server.client(server.adminToken).request(ImportAudienceDocument, { input });
  if (importAudience.__typename !== 'MutationImportAudienceSuccess') throw new Error(JSON.stringify(importAudience));
}

/** The same activities for each of `people` profiles of a new city: what a tie looks like. */
async function importTown(
  city: string,
  people: number,
  activitiesOf: (person: number) => Array<Omit<ActivityImportInput, 'profileExternalId' | 'externalId'>>,
) {
  const created = new Date(Date.now() - 500 * DAY_MS).toISOString();
  const profiles = Array.from({ length: people }, (_, person) => ({ externalId: `${city}-${person}`, city, createdAt: created }));
  const activities = profiles.flatMap((profile, person) =>
    activitiesOf(person).map((activity, a) => ({ ...activity, externalId: `${profile.externalId}-a${a}`, profileExternalId: profile.externalId })),
  );
  await importRows({ profiles, activities });
}

const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString();

async function databaseState() {
  const prisma = server.app.db.prisma;
  const [profiles, activities, drivers] = await Promise.all([
    prisma.profile.findMany({ select: { id: true, city: true, externalId: true } }),
    prisma.profileActivity.findMany({ select: { profileId: true, kind: true, occurredAt: true } }),
    prisma.driverProfile.findMany(),
  ]);
  return { profiles, activities: activities.map((a) => ({ ...a, kind: a.kind as Kind })), drivers };
}

describe('Driver ranking', () => {
  it('gives every profile the score, rank and Driver flag a brute-force computation gives', async () => {
    const run = await runRanking();
    expect(run).toMatchObject({ status: 'SUCCEEDED', config: { version: 1 }, profilesRanked: 300, cities: 4 });
    const { profiles, activities, drivers } = await databaseState();
    const expected = rankByBruteForce(profiles, activities, DEFAULT_CONFIG, new Date(run.scoredAt!));
    expect(drivers).toHaveLength(profiles.length);
    const close = (a: number, b: number) => Math.abs(a - b) < 2e-6;
    const mismatches = drivers.flatMap((actual) => {
      const want = expected.get(actual.profileId)!;
      const same =
        actual.city === want.city &&
        actual.cityRank === want.cityRank &&
        actual.citySize === want.citySize &&
        actual.isDriver === want.isDriver &&
        actual.qualified === want.qualified &&
        actual.activityCount === want.activityCount &&
        close(actual.score, want.score) &&
        close(actual.score30d, want.score30d) &&
        close(actual.score90d, want.score90d) &&
        close(actual.percentile, want.percentile) &&
        close(actual.couponCollectedScore, want.components.COUPON_COLLECTED) &&
        close(actual.couponSharedScore, want.components.COUPON_SHARED) &&
        close(actual.couponRedeemedScore, want.components.COUPON_REDEEMED) &&
        close(actual.checkInScore, want.components.CHECK_IN) &&
        close(actual.reviewScore, want.components.REVIEW) &&
        close(actual.socialInteractionScore, want.components.SOCIAL_INTERACTION);
      return same ? [] : [{ actual, want }];
    });
    expect(mismatches).toEqual([]);
    expect(run.drivers).toBe([...expected.values()].filter((profile) => profile.isDriver).length);
    expect(run.drivers).toBeGreaterThan(0);
  });

  it('makes the most active tenth of each city its Drivers, and only qualified profiles', async () => {
    await runRanking();
    const { drivers } = await databaseState();
    for (const city of new Set(drivers.map((driver) => driver.city))) {
      const inCity = drivers.filter((driver) => driver.city === city);
      const chosen = inCity.filter((driver) => driver.isDriver);
      const others = inCity.filter((driver) => !driver.isDriver && driver.qualified);
      expect(chosen.length).toBeLessThanOrEqual(Math.floor(inCity.length / 10));
      expect(chosen.every((driver) => driver.qualified && driver.activityCount >= 5)).toBe(true);
      const lowestDriver = Math.min(...chosen.map((driver) => driver.score));
      expect(others.every((driver) => driver.score <= lowestDriver)).toBe(true);
    }
  });

  it('breaks ties by profile id, so every run gives the same list', async () => {
    await importTown('Tieville', 20, () => [0.5, 1.5, 2.5, 3.5, 4.5, 5.5].map((days) => ({ kind: 'CHECK_IN', occurredAt: at(days) })));
    await runRanking();
    const listOf = async () => {
      const { drivers } = await server.client(server.adminToken).request(DriversDocument, { city: 'Tieville', filter: { driversOnly: false }, first: 50 });
      return drivers.edges.map((edge) => ({
        id: edge.node.profile.id,
        rank: edge.node.scores!.cityRank,
        driver: edge.node.isDriver,
        score: edge.node.scores!.score,
      }));
    };
    const first = await listOf();
    expect(new Set(first.map((entry) => entry.score)).size).toBe(1);
    const prisma = server.app.db.prisma;
    const ids = (await prisma.profile.findMany({ where: { city: 'Tieville' }, select: { id: true } })).map((p) => p.id).sort();
    expect(first.map((entry) => entry.rank)).toEqual(ids.map((_, i) => i + 1));
    expect(first.map((entry) => (entry.driver ? 1 : 0))).toEqual(ids.map((_, i) => (i < 2 ? 1 : 0)));
    const firstGlobalIds = (
      await prisma.driverProfile.findMany({ where: { city: 'Tieville' }, orderBy: { cityRank: 'asc' }, select: { profileId: true } })
    ).map((d) => d.profileId);
    expect(firstGlobalIds).toEqual(ids);
    await runRanking();
    // Scores decay between runs; the order and the Drivers stay.
    const withoutScores = (list: typeof first) => list.map(({ id, rank, driver }) => ({ id, rank, driver }));
    expect(withoutScores(await listOf())).toEqual(withoutScores(first));
  });

  it('never makes a profile below the minimum a Driver, however high its score', async () => {
    // Person 0: four coupons shared today (the highest score in town) but below the minimum of 5.
    await importTown('Minville', 10, (person) =>
      person === 0
        ? [0.5, 0.6, 0.7, 0.8].map((days) => ({ kind: 'COUPON_SHARED', occurredAt: at(days) }))
        : Array.from({ length: 5 + person }, (_, a) => ({ kind: 'SOCIAL_INTERACTION', occurredAt: at(a + 1.5) })),
    );
    await runRanking();
    const prisma = server.app.db.prisma;
    const town = await prisma.driverProfile.findMany({
      where: { city: 'Minville' },
      include: { profile: { select: { externalId: true } } },
      orderBy: { cityRank: 'asc' },
    });
    const eager = town.find((driver) => driver.profile.externalId === 'Minville-0')!;
    expect(eager).toMatchObject({ qualified: false, isDriver: false, cityRank: 10 });
    expect(eager.score).toBeGreaterThan(Math.max(...town.filter((d) => d !== eager).map((d) => d.score)));
    expect(town.filter((driver) => driver.isDriver).map((driver) => driver.profile.externalId)).toEqual(['Minville-9']);
  });

  it('weighs each activity by its own age: a month older counts half, older than the window nothing', async () => {
    await importTown('Decayville', 3, (person) => Array.from({ length: 5 }, () => ({ kind: 'REVIEW', occurredAt: at([1.5, 31.5, 100.5][person]!) })));
    await runRanking();
    const town = await server.app.db.prisma.driverProfile.findMany({ where: { city: 'Decayville' }, include: { profile: { select: { externalId: true } } } });
    const score = (externalId: string) => town.find((driver) => driver.profile.externalId === externalId)!;
    expect(score('Decayville-1').score / score('Decayville-0').score).toBeCloseTo(0.5, 5);
    // Ages are measured from the start of the run's minute, so up to a minute younger than 1.5 days.
    expect(score('Decayville-0').score).toBeCloseTo(5 * 10 * 0.5 ** (1.5 / 30), 2);
    expect(score('Decayville-2')).toMatchObject({ score: 0, activityCount: 0, qualified: false, score90d: 0 });
    expect(score('Decayville-1')).toMatchObject({ score30d: 0 });
  });

  it('records every run with its config version and the Drivers it gained and lost', async () => {
    const before = await runRanking();
    const after = await runRanking();
    expect(after).toMatchObject({ status: 'SUCCEEDED', driversGained: 0, driversLost: 0, drivers: before.drivers, error: null });
    const { driverRankingRuns } = await server.client(server.adminToken).request(DriverRankingRunsDocument);
    expect(driverRankingRuns.edges[0]!.node.id).toBe(after.id);
    expect(driverRankingRuns.edges[1]!.node.id).toBe(before.id);
  });
});

describe('Driver algorithm versions', () => {
  const valid: DriverAlgorithmConfigInput = {
    weights: { couponCollected: 10, couponShared: 10, couponRedeemed: 10, checkIn: 10, review: 50, socialInteraction: 10 },
    halfLifeDays: 14,
    windowDays: 60,
    minActivities: 2,
    percentileThreshold: 80,
    notes: 'Reviews matter most',
  };

  it('refuses invalid versions with every problem named', async () => {
    const { createDriverAlgorithmConfig } = await server.client(server.adminToken).request(CreateDriverAlgorithmConfigDocument, {
      input: { ...valid, weights: { ...valid.weights, review: 40, checkIn: -5 }, percentileThreshold: 40, halfLifeDays: 0, windowDays: 400 },
    });
    expect(createDriverAlgorithmConfig).toMatchObject({
      __typename: 'ValidationError',
      issues: expect.arrayContaining([
        { path: ['input', 'weights', 'checkIn'], message: 'must not be negative' },
        { path: ['input', 'percentileThreshold'], message: 'must be at least 50' },
        { path: ['input', 'halfLifeDays'], message: 'must be at least 1 day' },
        { path: ['input', 'windowDays'], message: 'must be at most 365 days' },
      ]),
    });
    const sum = await server
      .client(server.adminToken)
      .request(CreateDriverAlgorithmConfigDocument, { input: { ...valid, weights: { ...valid.weights, review: 40 } } });
    expect(sum.createDriverAlgorithmConfig).toMatchObject({ issues: [{ path: ['input', 'weights'], message: 'must add up to 100, not 90' }] });
  });

  it('adds versions, keeps exactly one active, and ranks with the active one', async () => {
    const admin = server.client(server.adminToken);
    const created = await admin.request(CreateDriverAlgorithmConfigDocument, { input: valid });
    if (created.createDriverAlgorithmConfig.__typename !== 'MutationCreateDriverAlgorithmConfigSuccess') throw new Error('create failed');
    const version2 = created.createDriverAlgorithmConfig.data;
    expect(version2).toMatchObject({ version: 2, isActive: false, weights: valid.weights, percentileThreshold: 80 });
    expect((await admin.request(DriverAlgorithmConfigsDocument)).activeDriverAlgorithmConfig.version).toBe(1);

    const activated = await admin.request(ActivateDriverAlgorithmConfigDocument, { id: version2.id });
    expect(activated.activateDriverAlgorithmConfig).toMatchObject({ data: { version: 2, isActive: true } });
    const { driverAlgorithmConfigs } = await admin.request(DriverAlgorithmConfigsDocument);
    expect(driverAlgorithmConfigs.edges.map((edge) => [edge.node.version, edge.node.isActive])).toEqual([
      [2, true],
      [1, false],
    ]);

    const run = await runRanking();
    expect(run.config.version).toBe(2);
    const { profiles, activities, drivers } = await databaseState();
    const expected = rankByBruteForce(
      profiles,
      activities,
      {
        weights: { COUPON_COLLECTED: 10, COUPON_SHARED: 10, COUPON_REDEEMED: 10, CHECK_IN: 10, REVIEW: 50, SOCIAL_INTERACTION: 10 },
        halfLifeDays: 14,
        windowDays: 60,
        minActivities: 2,
        percentileThreshold: 80,
      },
      new Date(run.scoredAt!),
    );
    expect(
      drivers
        .filter((d) => d.isDriver)
        .map((d) => d.profileId)
        .sort(),
    ).toEqual(
      [...expected.values()]
        .filter((p) => p.isDriver)
        .map((p) => p.profileId)
        .sort(),
    );

    const back = await admin.request(ActivateDriverAlgorithmConfigDocument, {
      id: (await admin.request(DriverAlgorithmConfigsDocument)).driverAlgorithmConfigs.edges[1]!.node.id,
    });
    expect(back.activateDriverAlgorithmConfig).toMatchObject({ data: { version: 1, isActive: true } });
  });

  it('lets the database itself refuse a second active version', async () => {
    await expect(server.app.db.prisma.driverAlgorithmConfig.updateMany({ data: { isActive: true } })).rejects.toThrow(/Unique constraint|unique/i);
    expect(await server.app.db.prisma.driverAlgorithmConfig.count({ where: { isActive: true } })).toBe(1);
  });

  it('lets only admins manage versions and start runs', async () => {
    const owner = await createUser(server, 'BUSINESS_OWNER', 'curious');
    for (const client of [server.client(owner.token), server.client()]) {
      expect((await client.request(CreateDriverAlgorithmConfigDocument, { input: valid })).createDriverAlgorithmConfig).toMatchObject({
        __typename: 'ForbiddenError',
      });
      expect((await client.request(RunDriverRankingDocument)).runDriverRanking).toMatchObject({ __typename: 'ForbiddenError' });
      await expect(client.request(DriverAlgorithmConfigsDocument)).rejects.toThrow(/Only an admin can do this|Sign in/);
    }
  });
});

describe('one ranking run at a time', () => {
  it('never lets two runs overlap', async () => {
    const attempts = await Promise.all([1, 2, 3].map(() => server.client(server.adminToken).request(RunDriverRankingDocument)));
    const done = attempts
      .map((attempt) => attempt.runDriverRanking)
      .flatMap((result) => (result.__typename === 'MutationRunDriverRankingSuccess' ? [result.data] : []));
    expect(done.length).toBeGreaterThan(0);
    for (const result of attempts.map((attempt) => attempt.runDriverRanking)) {
      expect(['MutationRunDriverRankingSuccess', 'RankingInProgressError']).toContain(result.__typename);
    }
    const intervals = done.map((run) => [Date.parse(run.startedAt), Date.parse(run.finishedAt)] as const).sort((a, b) => a[0] - b[0]);
    intervals.slice(1).forEach(([start], i) => expect(start).toBeGreaterThanOrEqual(intervals[i]![1]));
  });

  // Embedded PGlite is a single connection, so no second server can hold the lock there.
  const onPostgres = process.env.DATABASE_URL ? it : it.skip;
  onPostgres('refuses a run while another server holds the ranking lock, and records nothing', async () => {
    const holder = new pg.Client({ connectionString: server.app.config.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1)', [RANKING_LOCK_KEY]);
      const runsBefore = await server.app.db.prisma.driverRankingRun.count();
      const { runDriverRanking } = await server.client(server.adminToken).request(RunDriverRankingDocument);
      expect(runDriverRanking).toMatchObject({ __typename: 'RankingInProgressError', code: 'RANKING_IN_PROGRESS' });
      expect(await server.app.db.prisma.driverRankingRun.count()).toBe(runsBefore);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    expect((await server.client(server.adminToken).request(RunDriverRankingDocument)).runDriverRanking.__typename).toBe('MutationRunDriverRankingSuccess');
  });
});
