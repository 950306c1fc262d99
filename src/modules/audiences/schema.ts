import { builder } from '../../schema/builder';
import { checkPageSize } from '../../schema/connections';
import { standardErrors } from '../../schema/errors';
import { lookupId } from '../../schema/ids';
import { BusinessRef } from '../businesses/schema';
import { CampaignRef } from '../campaigns/schema';
import type { AudienceImportResult, ImportCounts } from './import';
import { ACTIVITY_KINDS, BUSINESS_INTERACTION_KINDS, CONTACT_CHANNELS, SUBSCRIPTION_SOURCES } from './member-rules';
import type { AudienceEstimate, FunnelStep, MaterializedAudience } from './reach';
import { AGE_RANGES, type AgeRange } from './targeting-rules';
import { AgeRangeEnum, GenderEnum, IncomeLevelEnum, rulesFromInput, TargetingRulesInput, TargetingRulesRef } from './targeting-schema';
import { TARGETING_DIMENSIONS } from './targeting-sql';

export const ActivityKindEnum = builder.enumType('ActivityKind', { values: ACTIVITY_KINDS });
export const ContactChannelEnum = builder.enumType('ContactChannel', { values: CONTACT_CHANNELS });
const SubscriptionSourceEnum = builder.enumType('SubscriptionSource', { values: SUBSCRIPTION_SOURCES });
const BusinessInteractionKindEnum = builder.enumType('BusinessInteractionKind', { values: BUSINESS_INTERACTION_KINDS });
const TargetingDimensionEnum = builder.enumType('TargetingDimension', {
  description: 'A dimension of the targeting rules, named like its field in TargetingRulesInput.',
  values: Object.fromEntries(TARGETING_DIMENSIONS.map((dimension) => [dimension.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase(), { value: dimension }])),
});

const ageRangeOf = (value: string | null): AgeRange | null => AGE_RANGES.find((range) => range === value) ?? null;

export const ProfileRef = builder.prismaNode('Profile', {
  id: { field: 'id' },
  select: { id: true },
  nullable: true,
  description: 'A person campaigns can reach. Merchants see only the targets of their own campaigns, and no personal data.',
  findUnique: (id, context) => ({ id: lookupId(id), AND: [context.access.profileWhere()] }),
  fields: (t) => ({
    city: t.exposeString('city'),
    ageRange: t.field({ type: AgeRangeEnum, nullable: true, select: { ageRange: true }, resolve: (profile) => ageRangeOf(profile.ageRange) }),
    gender: t.expose('gender', { type: GenderEnum, nullable: true }),
    incomeLevel: t.expose('incomeLevel', { type: IncomeLevelEnum, nullable: true }),
    interests: t.exposeStringList('interests'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    personalData: t.variant(ProfilePersonalDataRef, {
      description: 'Contact details, exact location and subscriptions: admins only, null for everyone else.',
      isNull: (_profile, _args, context) => !context.access.seesPersonalData,
    }),
    driver: t.relation('driver', { nullable: true, description: 'Where the latest ranking run put this person; null before their first run.' }),
  }),
});

const ProfilePersonalDataRef = builder.prismaObject('Profile', {
  variant: 'ProfilePersonalData',
  select: { id: true },
  fields: (t) => ({
    externalId: t.exposeString('externalId', { description: 'The id the source system gave this person.' }),
    latitude: t.exposeFloat('latitude', { nullable: true }),
    longitude: t.exposeFloat('longitude', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true, description: 'E.164, e.g. +4930123456.' }),
    email: t.exposeString('email', { nullable: true }),
    subscriptions: t.relation('subscriptions', { query: { orderBy: { channel: 'asc' } } }),
    recentActivities: t.relation('activities', {
      description: 'The latest activities, newest first (at most 100).',
      args: { limit: t.arg.int({ defaultValue: 20 }) },
      query: ({ limit }) => {
        checkPageSize({ first: limit });
        return { orderBy: [{ occurredAt: 'desc' }, { externalId: 'asc' }], take: limit };
      },
    }),
  }),
});

builder.prismaObject('ProfileSubscription', {
  select: { profileId: true, channel: true },
  fields: (t) => ({
    channel: t.expose('channel', { type: ContactChannelEnum }),
    subscribed: t.exposeBoolean('subscribed'),
    changedAt: t.expose('changedAt', { type: 'DateTime' }),
    source: t.expose('source', { type: SubscriptionSourceEnum }),
  }),
});

builder.prismaObject('ProfileActivity', {
  select: { externalId: true },
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    kind: t.expose('kind', { type: ActivityKindEnum }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  profile: t.prismaField({
    type: 'Profile',
    nullable: true,
    args: { id: t.arg.globalID({ for: ProfileRef }) },
    resolve: (query, _root, { id }, context) =>
      context.prisma.profile.findFirst({ ...query, where: { AND: [{ id: lookupId(id.id) }, context.access.profileWhere()] } }),
  }),
  profiles: t.prismaConnection(
    {
      type: 'Profile',
      cursor: 'id',
      description: 'The people the caller may see (admins: everyone), optionally in one city.',
      args: { city: t.arg.string({ required: false }) },
      resolve: (query, _root, { city, ...args }, context) => {
        checkPageSize(args);
        return context.prisma.profile.findMany({ ...query, where: { AND: [context.access.profileWhere(), city ? { city } : {}] }, orderBy: { id: 'asc' } });
      },
      totalCount: (_connection, { city }, context) => context.prisma.profile.count({ where: { AND: [context.access.profileWhere(), city ? { city } : {}] } }),
    },
    {},
  ),
}));

// ── Import ─────────────────────────────────────────────────────────────────────────────────────

const ProfileImportInput = builder.inputType('ProfileImportInput', {
  fields: (t) => ({
    externalId: t.string({ description: "The source system's id (1–128 printable ASCII): importing it again updates, never duplicates." }),
    city: t.string(),
    latitude: t.float({ required: false }),
    longitude: t.float({ required: false }),
    age: t.int({ required: false, description: 'Kept only as its age range.' }),
    ageRange: t.field({ type: AgeRangeEnum, required: false }),
    gender: t.field({ type: GenderEnum, required: false }),
    incomeLevel: t.field({ type: IncomeLevelEnum, required: false }),
    interests: t.stringList({ required: false }),
    phone: t.string({ required: false, description: 'International, with + or 00; stored as E.164.' }),
    email: t.string({ required: false }),
    createdAt: t.field({ type: 'DateTime', description: 'When the person joined the source system.' }),
  }),
});

const SubscriptionImportInput = builder.inputType('SubscriptionImportInput', {
  fields: (t) => ({
    profileExternalId: t.string(),
    channel: t.field({ type: ContactChannelEnum }),
    subscribed: t.boolean(),
    changedAt: t.field({ type: 'DateTime', description: 'When the person decided; an older decision than the stored one is ignored.' }),
    source: t.field({ type: SubscriptionSourceEnum, description: 'How the person decided.' }),
  }),
});

const ActivityImportInput = builder.inputType('ActivityImportInput', {
  fields: (t) => ({
    externalId: t.string(),
    profileExternalId: t.string(),
    kind: t.field({ type: ActivityKindEnum }),
    occurredAt: t.field({ type: 'DateTime' }),
  }),
});

const BusinessInteractionImportInput = builder.inputType('BusinessInteractionImportInput', {
  fields: (t) => ({
    externalId: t.string(),
    profileExternalId: t.string(),
    businessId: t.globalID({ for: BusinessRef }),
    kind: t.field({ type: BusinessInteractionKindEnum }),
    occurredAt: t.field({ type: 'DateTime' }),
  }),
});

const FriendshipImportInput = builder.inputType('FriendshipImportInput', {
  fields: (t) => ({
    profileExternalId: t.string(),
    friendExternalId: t.string(),
  }),
});

const AudienceImportInput = builder.inputType('AudienceImportInput', {
  description: 'One batch: up to 1,000 rows per list. Profiles are written first, so the other lists may refer to profiles of the same batch.',
  fields: (t) => ({
    profiles: t.field({ type: [ProfileImportInput], required: false }),
    subscriptions: t.field({ type: [SubscriptionImportInput], required: false }),
    activities: t.field({ type: [ActivityImportInput], required: false }),
    interactions: t.field({ type: [BusinessInteractionImportInput], required: false }),
    friendships: t.field({ type: [FriendshipImportInput], required: false }),
  }),
});

const ImportCountsRef = builder.objectRef<ImportCounts>('ImportCounts').implement({
  fields: (t) => ({
    received: t.exposeInt('received'),
    created: t.exposeInt('created'),
    updated: t.exposeInt('updated'),
    unchanged: t.exposeInt('unchanged', { description: 'Rows that were already there as given (or older than what is stored).' }),
  }),
});

const AudienceImportResultRef = builder.objectRef<AudienceImportResult>('AudienceImportResult').implement({
  fields: (t) => ({
    profiles: t.expose('profiles', { type: ImportCountsRef }),
    subscriptions: t.expose('subscriptions', { type: ImportCountsRef }),
    activities: t.expose('activities', { type: ImportCountsRef }),
    interactions: t.expose('interactions', { type: ImportCountsRef }),
    friendships: t.expose('friendships', { type: ImportCountsRef }),
  }),
});

builder.mutationField('importAudience', (t) =>
  t.field({
    type: AudienceImportResultRef,
    description:
      'Admin only: imports a batch in one transaction. Any invalid row refuses the whole batch with every problem listed; a repeated batch changes nothing.',
    errors: { types: standardErrors },
    args: { input: t.arg({ type: AudienceImportInput }) },
    resolve: (_root, { input }, context) =>
      context.services.audienceImport.import(context.access, {
        ...input,
        interactions: input.interactions?.map((row) => ({ ...row, businessId: lookupId(row.businessId.id) })),
      }),
  }),
);

// ── Reach ──────────────────────────────────────────────────────────────────────────────────────

const FunnelStepRef = builder.objectRef<FunnelStep>('AudienceFunnelStep').implement({
  description: 'What one dimension did to the audience, applied after the ones before it.',
  fields: (t) => ({
    dimension: t.expose('dimension', { type: TargetingDimensionEnum }),
    before: t.exposeInt('before'),
    removed: t.exposeInt('removed'),
    remaining: t.exposeInt('remaining'),
  }),
});

const AgeRangeCountRef = builder.objectRef<AudienceEstimate['byAgeRange'][number]>('AgeRangeCount').implement({
  fields: (t) => ({
    ageRange: t.expose('ageRange', { type: AgeRangeEnum, nullable: true, description: 'Null: age unknown.' }),
    count: t.exposeInt('count'),
  }),
});

const GenderCountRef = builder.objectRef<AudienceEstimate['byGender'][number]>('GenderCount').implement({
  fields: (t) => ({
    gender: t.expose('gender', { type: GenderEnum, nullable: true, description: 'Null: gender unknown.' }),
    count: t.exposeInt('count'),
  }),
});

const CityCountRef = builder.objectRef<AudienceEstimate['byCity'][number]>('CityCount').implement({
  fields: (t) => ({
    city: t.exposeString('city'),
    count: t.exposeInt('count'),
  }),
});

const ChannelReachRef = builder.objectRef<AudienceEstimate['reachable'][number]>('ChannelReach').implement({
  fields: (t) => ({
    channel: t.expose('channel', { type: ContactChannelEnum }),
    count: t.exposeInt('count', {
      description: 'Subscribed people in the audience with what the channel needs (a phone for WhatsApp and SMS, an address for email).',
    }),
  }),
});

export const AudienceEstimateRef = builder.objectRef<AudienceEstimate>('AudienceEstimate').implement({
  description: 'Exactly who a rule set reaches (a count, not a range), and why it is that many.',
  fields: (t) => ({
    rules: t.field({ type: TargetingRulesRef, resolve: (estimate) => estimate.rules }),
    estimatedAt: t.expose('estimatedAt', { type: 'DateTime' }),
    total: t.exposeInt('total'),
    drivers: t.exposeInt('drivers', { description: 'How many of them are Drivers.' }),
    everyone: t.exposeInt('everyone', { description: 'Every profile on the platform: where the funnel starts.' }),
    funnel: t.field({ type: [FunnelStepRef], resolve: (estimate) => estimate.funnel }),
    byAgeRange: t.field({ type: [AgeRangeCountRef], resolve: (estimate) => estimate.byAgeRange }),
    byGender: t.field({ type: [GenderCountRef], resolve: (estimate) => estimate.byGender }),
    byCity: t.field({ type: [CityCountRef], resolve: (estimate) => estimate.byCity }),
    reachable: t.field({ type: [ChannelReachRef], resolve: (estimate) => estimate.reachable }),
  }),
});

builder.queryField('estimateAudience', (t) =>
  t.field({
    type: AudienceEstimateRef,
    description: 'Counts exactly who the rules reach for a business (its location for radiusKm, its customers for the exclusions).',
    errors: { types: standardErrors },
    args: { businessId: t.arg.globalID({ for: BusinessRef }), rules: t.arg({ type: TargetingRulesInput }) },
    resolve: (_root, { businessId, rules }, context) => context.services.reach.estimate(context.access, lookupId(businessId.id), rulesFromInput(rules)),
  }),
);

const MaterializedAudienceRef = builder.objectRef<MaterializedAudience>('MaterializedAudience').implement({
  fields: (t) => ({
    campaign: t.prismaField({
      type: 'Campaign',
      resolve: (query, result, _args, context) => context.prisma.campaign.findUniqueOrThrow({ ...query, where: { id: result.campaignId } }),
    }),
    total: t.exposeInt('total', { description: 'The campaign’s targets now.' }),
    added: t.exposeInt('added'),
    updated: t.exposeInt('updated', { description: 'Targets whose matched criteria or Driver flag changed.' }),
    removed: t.exposeInt('removed', { description: 'Targets the rules no longer reach.' }),
  }),
});

/** A campaign, and rules that default to the campaign's own targeting rules. */
const campaignRulesArgs = builder.args((t) => ({
  campaignId: t.globalID({ for: CampaignRef }),
  rules: t.field({ type: TargetingRulesInput, required: false, description: "Defaults to the campaign's own targetingRules." }),
}));

builder.mutationFields((t) => ({
  estimateCampaignAudience: t.field({
    type: AudienceEstimateRef,
    description: "Estimates the rules for the campaign's business and keeps the result as the campaign's latest estimate.",
    errors: { types: standardErrors },
    args: campaignRulesArgs,
    resolve: (_root, { campaignId, rules }, context) =>
      context.services.reach.estimateForCampaign(context.access, lookupId(campaignId.id), rules ? rulesFromInput(rules) : null),
  }),
  materializeCampaignAudience: t.field({
    type: MaterializedAudienceRef,
    description: 'Makes the campaign’s targets exactly the people the rules reach now; running it again changes nothing.',
    errors: { types: standardErrors },
    args: campaignRulesArgs,
    resolve: (_root, { campaignId, rules }, context) =>
      context.services.reach.materialize(context.access, lookupId(campaignId.id), rules ? rulesFromInput(rules) : null),
  }),
}));

builder.prismaObject('CampaignTarget', {
  select: { campaignId: true, profileId: true },
  fields: (t) => ({
    profile: t.relation('profile'),
    isDriver: t.exposeBoolean('isDriver', { description: 'Whether the person was a Driver when the audience was materialised.' }),
    matchedCriteria: t.expose('matchedCriteria', { type: 'JSON', description: 'The value the person matched each dimension with.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields('Campaign', (t) => ({
  audienceEstimate: t.field({
    type: AudienceEstimateRef,
    nullable: true,
    description: 'The latest estimate made with estimateCampaignAudience.',
    select: { audienceEstimate: true },
    resolve: (campaign, _args, context) => (campaign.audienceEstimate ? context.services.reach.storedEstimate(campaign.audienceEstimate) : null),
  }),
  targets: t.relatedConnection('targets', {
    cursor: 'campaignId_profileId',
    totalCount: true,
    description: 'The people the campaign reaches, as last materialised.',
    query: (args) => {
      checkPageSize(args);
      return { orderBy: { profileId: 'asc' } };
    },
  }),
}));
