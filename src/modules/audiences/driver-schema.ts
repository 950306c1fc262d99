import { builder } from '../../schema/builder';
import { checkPageSize } from '../../schema/connections';
import { ErrorInterface, standardErrors } from '../../schema/errors';
import { lookupId, NO_ROW } from '../../schema/ids';
import { ACTIVITY_KIND_FIELDS, SCORE_COLUMNS, WEIGHT_COLUMNS, weightsOf, type ActivityWeights } from './driver-rules';
import { RankingInProgressError } from './errors';
import { ACTIVITY_KINDS } from './member-rules';
import type { CityDriverStats } from './ranking';
import { ActivityKindEnum } from './schema';
import { AgeRangeEnum, GenderEnum } from './targeting-schema';

builder.objectType(RankingInProgressError, {
  name: 'RankingInProgressError',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

const weightFields = {
  couponCollected: 'Coupons collected.',
  couponShared: 'Coupons shared.',
  couponRedeemed: 'Coupons redeemed.',
  checkIn: 'Check-ins.',
  review: 'Reviews.',
  socialInteraction: 'Social interactions.',
} satisfies Record<keyof ActivityWeights, string>;

const ActivityWeightsRef = builder.objectRef<ActivityWeights>('ActivityWeights').implement({
  description: 'Percentage points per activity kind; they add up to 100.',
  fields: (t) => ({
    couponCollected: t.exposeInt('couponCollected', { description: weightFields.couponCollected }),
    couponShared: t.exposeInt('couponShared', { description: weightFields.couponShared }),
    couponRedeemed: t.exposeInt('couponRedeemed', { description: weightFields.couponRedeemed }),
    checkIn: t.exposeInt('checkIn', { description: weightFields.checkIn }),
    review: t.exposeInt('review', { description: weightFields.review }),
    socialInteraction: t.exposeInt('socialInteraction', { description: weightFields.socialInteraction }),
  }),
});

const ActivityWeightsInput = builder.inputType('ActivityWeightsInput', {
  description: 'Whole percentage points per activity kind, adding up to 100.',
  fields: (t) => ({
    couponCollected: t.int({ description: weightFields.couponCollected }),
    couponShared: t.int({ description: weightFields.couponShared }),
    couponRedeemed: t.int({ description: weightFields.couponRedeemed }),
    checkIn: t.int({ description: weightFields.checkIn }),
    review: t.int({ description: weightFields.review }),
    socialInteraction: t.int({ description: weightFields.socialInteraction }),
  }),
});

const DriverAlgorithmConfigRef = builder.prismaNode('DriverAlgorithmConfig', {
  id: { field: 'id' },
  select: { id: true },
  nullable: true,
  description: 'One version of the Driver algorithm (admins only). Versions never change; exactly one is active.',
  findUnique: (id, context) => ({ id: context.access.isAdmin ? lookupId(id) : NO_ROW }),
  fields: (t) => ({
    version: t.exposeInt('version'),
    weights: t.field({
      type: ActivityWeightsRef,
      select: WEIGHT_COLUMNS,
      resolve: (config) => weightsOf(config),
    }),
    halfLifeDays: t.exposeFloat('halfLifeDays', { description: 'An activity this many days old counts half; twice as old, a quarter.' }),
    windowDays: t.exposeInt('windowDays', { description: 'Older activities do not count.' }),
    minActivities: t.exposeInt('minActivities', { description: 'Activities in the window a person needs before they can be a Driver.' }),
    percentileThreshold: t.exposeInt('percentileThreshold', { description: 'Drivers reach this percentile of their city: 90 is the top 10%.' }),
    isActive: t.exposeBoolean('isActive'),
    notes: t.exposeString('notes', { nullable: true }),
    createdBy: t.relation('createdBy', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    activatedAt: t.expose('activatedAt', { type: 'DateTime', nullable: true, description: 'When it last became the active version.' }),
  }),
});

const DriverRankingRunStatusEnum = builder.enumType('DriverRankingRunStatus', { values: ['SUCCEEDED', 'FAILED'] as const });

builder.prismaObject('DriverRankingRun', {
  select: { id: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    config: t.relation('config'),
    status: t.expose('status', { type: DriverRankingRunStatusEnum }),
    startedBy: t.relation('startedBy', { nullable: true, description: 'Null for a run nobody started by hand.' }),
    startedBySystem: t.exposeString('startedBySystem', {
      nullable: true,
      description: 'The system actor that started the run (the schedule, a script), when no person did.',
    }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    scoredAt: t.expose('scoredAt', {
      type: 'DateTime',
      nullable: true,
      description: "The moment activity ages are measured from: the start of the run's minute, so runs moments apart rank the same.",
    }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime' }),
    profilesRanked: t.exposeInt('profilesRanked'),
    qualifiedProfiles: t.exposeInt('qualifiedProfiles'),
    drivers: t.exposeInt('drivers'),
    cities: t.exposeInt('cities'),
    driversGained: t.exposeInt('driversGained'),
    driversLost: t.exposeInt('driversLost'),
    error: t.exposeString('error', { nullable: true }),
  }),
});

const ActivityScoreRef = builder.objectRef<{ kind: (typeof ACTIVITY_KINDS)[number]; score: number }>('ActivityScore').implement({
  fields: (t) => ({
    kind: t.expose('kind', { type: ActivityKindEnum }),
    score: t.exposeFloat('score'),
  }),
});

const DriverScoresRef = builder.prismaObject('DriverProfile', {
  variant: 'DriverScores',
  select: { profileId: true },
  description: "A person's score and rank: personal, so admins only.",
  fields: (t) => ({
    score: t.exposeFloat('score', { description: 'Decayed, weighted activity in the window.' }),
    components: t.field({
      type: [ActivityScoreRef],
      description: 'What each activity kind contributed to the score.',
      select: SCORE_COLUMNS,
      resolve: (driver) => ACTIVITY_KINDS.map((kind) => ({ kind, score: driver[ACTIVITY_KIND_FIELDS[kind].score] })),
    }),
    score30d: t.exposeFloat('score30d', { description: 'The same score over the last 30 days.' }),
    score90d: t.exposeFloat('score90d', { description: 'The same score over the last 90 days.' }),
    activityCount: t.exposeInt('activityCount', { description: 'Activities in the window.' }),
    qualified: t.exposeBoolean('qualified', { description: 'Has the minimum number of activities to be a Driver.' }),
    cityRank: t.exposeInt('cityRank'),
    citySize: t.exposeInt('citySize'),
    percentile: t.exposeFloat('percentile', { description: "Share of the city's profiles ranked below this one (0–100)." }),
    firstActivityAt: t.expose('firstActivityAt', { type: 'DateTime', nullable: true }),
    lastActivityAt: t.expose('lastActivityAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.prismaObject('DriverProfile', {
  select: { profileId: true },
  description: 'A person after the latest ranking run.',
  fields: (t) => ({
    profile: t.relation('profile'),
    city: t.exposeString('city'),
    isDriver: t.exposeBoolean('isDriver'),
    scores: t.variant(DriverScoresRef, { isNull: (_driver, _args, context) => !context.access.seesPersonalData }),
    rankedAt: t.expose('rankedAt', { type: 'DateTime', description: 'When the ranking run that computed this started.' }),
  }),
});

const DriverFilterInput = builder.inputType('DriverFilterInput', {
  fields: (t) => ({
    driversOnly: t.boolean({ required: false, defaultValue: true, description: 'Only Drivers (default), or everyone ranked.' }),
    minScore: t.float({ required: false }),
    ageRanges: t.field({ type: [AgeRangeEnum], required: false }),
    genders: t.field({ type: [GenderEnum], required: false }),
  }),
});

const CityDriverStatsRef = builder.objectRef<CityDriverStats>('CityDriverStats').implement({
  description: "Counts and aggregates of a city's Drivers: no individual's data.",
  fields: (t) => ({
    city: t.exposeString('city'),
    profiles: t.exposeInt('profiles'),
    rankedProfiles: t.exposeInt('rankedProfiles'),
    qualifiedProfiles: t.exposeInt('qualifiedProfiles'),
    drivers: t.exposeInt('drivers'),
    lowestDriverScore: t.exposeFloat('lowestDriverScore', { nullable: true, description: 'The score it takes to be a Driver here now.' }),
    averageDriverScore: t.exposeFloat('averageDriverScore', { nullable: true }),
    rankedAt: t.expose('rankedAt', { type: 'DateTime', nullable: true, description: 'When the latest successful run finished.' }),
  }),
});

builder.queryFields((t) => ({
  drivers: t.prismaConnection(
    {
      type: 'DriverProfile',
      cursor: 'profileId',
      description: "Admins only: a city's ranked people, best first.",
      args: { city: t.arg.string(), filter: t.arg({ type: DriverFilterInput, required: false }) },
      resolve: (query, _root, { city, filter, ...args }, context) => {
        context.access.requireAdmin();
        checkPageSize(args);
        return context.prisma.driverProfile.findMany({
          ...query,
          where: {
            city,
            isDriver: filter?.driversOnly === false ? undefined : true,
            score: filter?.minScore != null ? { gte: filter.minScore } : undefined,
            profile: { ageRange: filter?.ageRanges ? { in: filter.ageRanges } : undefined, gender: filter?.genders ? { in: filter.genders } : undefined },
          },
          orderBy: { cityRank: 'asc' },
        });
      },
    },
    {},
  ),
  driverStats: t.field({
    type: CityDriverStatsRef,
    description: "A city's Driver counts: admins for any city, business owners for the cities of their businesses.",
    errors: { types: standardErrors },
    args: { city: t.arg.string() },
    resolve: (_root, { city }, context) => context.services.driverRanking.cityStats(context.access, city),
  }),
  activeDriverAlgorithmConfig: t.prismaField({
    type: 'DriverAlgorithmConfig',
    description: 'Admins only: the version the next ranking run uses.',
    resolve: (query, _root, _args, context) => {
      context.access.requireAdmin();
      return context.prisma.driverAlgorithmConfig.findFirstOrThrow({ ...query, where: { isActive: true } });
    },
  }),
  driverAlgorithmConfigs: t.prismaConnection(
    {
      type: 'DriverAlgorithmConfig',
      cursor: 'id',
      description: 'Admins only: every version, newest first.',
      resolve: (query, _root, args, context) => {
        context.access.requireAdmin();
        checkPageSize(args);
        return context.prisma.driverAlgorithmConfig.findMany({ ...query, orderBy: { version: 'desc' } });
      },
    },
    {},
  ),
  driverRankingRuns: t.prismaConnection(
    {
      type: 'DriverRankingRun',
      cursor: 'id',
      description: 'Admins only: ranking runs, newest first.',
      resolve: (query, _root, args, context) => {
        context.access.requireAdmin();
        checkPageSize(args);
        return context.prisma.driverRankingRun.findMany({ ...query, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }] });
      },
    },
    {},
  ),
}));

const DriverAlgorithmConfigInput = builder.inputType('DriverAlgorithmConfigInput', {
  fields: (t) => ({
    weights: t.field({ type: ActivityWeightsInput }),
    halfLifeDays: t.float({ description: 'An activity this many days old counts half (1–365).' }),
    windowDays: t.int({ description: 'Activities older than this do not count (1–365).' }),
    minActivities: t.int({ description: 'Activities in the window needed to be a Driver.' }),
    percentileThreshold: t.int({ defaultValue: 90, description: 'Drivers reach this percentile of their city (50–99; 90 = top 10%).' }),
    notes: t.string({ required: false }),
  }),
});

builder.mutationFields((t) => ({
  createDriverAlgorithmConfig: t.prismaField({
    type: 'DriverAlgorithmConfig',
    description: 'Admin only: adds the next version; active at once when `activate` is true.',
    errors: { types: standardErrors },
    args: { input: t.arg({ type: DriverAlgorithmConfigInput }), activate: t.arg.boolean({ defaultValue: false }) },
    resolve: async (query, _root, { input, activate }, context) => {
      const config = await context.services.driverConfigs.create(context.access, input, activate);
      return context.prisma.driverAlgorithmConfig.findUniqueOrThrow({ ...query, where: { id: config.id } });
    },
  }),
  activateDriverAlgorithmConfig: t.prismaField({
    type: 'DriverAlgorithmConfig',
    description: 'Admin only: makes this version the active one for the next ranking run.',
    errors: { types: standardErrors },
    args: { id: t.arg.globalID({ for: DriverAlgorithmConfigRef }) },
    resolve: async (query, _root, { id }, context) => {
      const config = await context.services.driverConfigs.activate(context.access, lookupId(id.id));
      return context.prisma.driverAlgorithmConfig.findUniqueOrThrow({ ...query, where: { id: config.id } });
    },
  }),
  runDriverRanking: t.prismaField({
    type: 'DriverRankingRun',
    description: 'Admin only: ranks everyone now with the active version. Runs never overlap, across all servers.',
    errors: { types: [...standardErrors, RankingInProgressError] },
    resolve: async (query, _root, _args, context) => {
      const run = await context.services.driverRanking.run(context.access);
      return context.prisma.driverRankingRun.findUniqueOrThrow({ ...query, where: { id: run.id } });
    },
  }),
}));
