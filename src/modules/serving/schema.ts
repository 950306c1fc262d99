import { builder } from '../../schema/builder';
import { standardErrors } from '../../schema/errors';
import { lookupId } from '../../schema/ids';
import { nonEmpty } from '../../schema/prisma-query';
import { campaignErrors, CampaignRef } from '../campaigns/schema';
import { EventOutcomeEnum } from '../analytics/schema';
import type { ExperimentResult, Interval, VariantResult, Comparison } from './experiment-stats';
import type { FrequencyCap, ServingConfigInput } from './rules';
import { SERVING_CHANNELS } from './rules';
import { type CandidateDecision, DEVICES, type ServedPromotion, type ServeResult, TRACKED_EVENT_TYPES } from './service';

const ServingChannelEnum = builder.enumType('ServingChannel', {
  description: 'The channels a served promotion is shown and billed on.',
  values: SERVING_CHANNELS,
});
const DeviceEnum = builder.enumType('Device', { values: DEVICES });
const TrackedEventTypeEnum = builder.enumType('TrackedEventType', { values: TRACKED_EVENT_TYPES });
const CandidateOutcomeEnum = builder.enumType('ServeCandidateOutcome', {
  values: {
    SERVED: { description: 'Chosen for this serve.' },
    NOT_ELIGIBLE: { description: 'Left out by its schedule, budget or targeting.' },
    HOLDOUT: { description: 'This person is in the experiment’s holdout.' },
    CAPPED: { description: 'A frequency cap allows no more impressions for this person now.' },
    OUTRANKED: { description: 'Eligible, but a campaign of higher priority or eCPM was chosen.' },
  } as const,
});

const FrequencyCapInput = builder.inputType('FrequencyCapInput', {
  description: 'Limits per person; counted across every server. Give at least one.',
  fields: (t) => ({
    perDay: t.int({ required: false, description: 'Impressions in any 24 hours.' }),
    perWeek: t.int({ required: false, description: 'Impressions in any 7 days.' }),
    lifetime: t.int({ required: false, description: 'Impressions in total.' }),
    minSecondsBetween: t.int({ required: false, description: 'The least time between two impressions.' }),
  }),
});

const CreativeInput = builder.inputType('CreativeInput', {
  fields: (t) => ({
    headline: t.string({ description: 'At most 90 characters.' }),
    body: t.string({ required: false }),
    imageUrl: t.string({ required: false }),
    callToAction: t.string({ description: 'E.g. "Book now"; at most 30 characters.' }),
    landingUrl: t.string({ description: 'Where a click goes; UTM parameters are added consistently.' }),
  }),
});

const VariantInput = builder.inputType('VariantInput', {
  fields: (t) => ({
    key: t.string({ description: 'Letters, digits, _ or -; unique within the campaign.' }),
    control: t.boolean({ required: false, description: 'Exactly one variant is control when there are several.' }),
    trafficPercent: t.int({ description: 'The share of (non-holdout) people who see it; all variants add up to 100.' }),
    creative: t.field({ type: CreativeInput }),
  }),
});

const CampaignServingInput = builder.inputType('CampaignServingInput', {
  fields: (t) => ({
    placements: t.stringList({ description: 'Where it may appear, e.g. ["home_banner", "checkout"].' }),
    channel: t.field({ type: ServingChannelEnum, description: 'One of the campaign’s channels: what its impressions are billed to.' }),
    priority: t.int({ required: false, description: '0–10, default 5: higher priority is chosen before higher eCPM.' }),
    frequencyCap: t.field({ type: FrequencyCapInput, required: false, description: 'Per person across all placements.' }),
    placementFrequencyCap: t.field({ type: FrequencyCapInput, required: false, description: 'Per person on each placement.' }),
    holdoutPercent: t.int({ required: false, description: '0–50: people who never see it, to measure its effect.' }),
    confidenceLevel: t.float({ required: false, description: '0.8, 0.9, 0.95 (default) or 0.99: when a result counts as significant.' }),
    autoPromoteWinner: t.boolean({ required: false, description: 'Send all traffic to the winner once one is significant.' }),
    variants: t.field({ type: [VariantInput] }),
  }),
});

const FrequencyCapRef = builder.objectRef<FrequencyCap>('FrequencyCap').implement({
  fields: (t) => ({
    perDay: t.int({ nullable: true, resolve: (c) => c.perDay ?? null }),
    perWeek: t.int({ nullable: true, resolve: (c) => c.perWeek ?? null }),
    lifetime: t.int({ nullable: true, resolve: (c) => c.lifetime ?? null }),
    minSecondsBetween: t.int({ nullable: true, resolve: (c) => c.minSecondsBetween ?? null }),
  }),
});

builder.prismaObject('CampaignVariant', {
  select: { campaignId: true, key: true },
  fields: (t) => ({
    key: t.exposeString('key'),
    control: t.exposeBoolean('isControl'),
    trafficPercent: t.exposeInt('trafficPercent'),
    headline: t.exposeString('headline'),
    body: t.exposeString('body', { nullable: true }),
    imageUrl: t.exposeString('imageUrl', { nullable: true }),
    callToAction: t.exposeString('callToAction'),
    landingUrl: t.exposeString('landingUrl'),
  }),
});

builder.prismaObject('CampaignServing', {
  select: { campaignId: true },
  fields: (t) => ({
    placements: t.exposeStringList('placements'),
    channel: t.field({ type: ServingChannelEnum, select: { channel: true }, resolve: (s) => s.channel as (typeof SERVING_CHANNELS)[number] }),
    priority: t.exposeInt('priority'),
    frequencyCap: t.field({ type: FrequencyCapRef, nullable: true, select: { frequencyCap: true }, resolve: (s) => s.frequencyCap as FrequencyCap | null }),
    placementFrequencyCap: t.field({
      type: FrequencyCapRef,
      nullable: true,
      select: { placementFrequencyCap: true },
      resolve: (s) => s.placementFrequencyCap as FrequencyCap | null,
    }),
    holdoutPercent: t.exposeInt('holdoutPercent'),
    confidenceLevel: t.exposeFloat('confidenceLevel'),
    autoPromoteWinner: t.exposeBoolean('autoPromoteWinner'),
    promotedVariant: t.exposeString('winnerVariant', { nullable: true, description: 'The variant that takes all traffic outside the holdout, once declared.' }),
    variants: t.relation('variants', { query: { orderBy: { position: 'asc' } } }),
  }),
});

const IntervalRef = builder.objectRef<Interval>('Interval').implement({
  fields: (t) => ({ low: t.exposeFloat('low'), high: t.exposeFloat('high') }),
});

const ComparisonRef = builder.objectRef<Comparison>('VariantComparison').implement({
  description: 'A variant against control: two-proportion z-test, pooled, two-sided.',
  fields: (t) => ({
    lift: t.float({ nullable: true, description: 'Relative change against control (0.3 = 30% higher).', resolve: (c) => c.lift }),
    pValue: t.float({ nullable: true, resolve: (c) => c.pValue }),
    significant: t.exposeBoolean('significant', { description: 'p-value below 1 − the confidence level.' }),
  }),
});

const VariantResultRef = builder.objectRef<VariantResult>('VariantResult').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    control: t.exposeBoolean('control'),
    impressions: t.exposeInt('impressions'),
    clicks: t.exposeInt('clicks'),
    conversions: t.exposeInt('conversions'),
    ctr: t.float({ nullable: true, resolve: (v) => v.ctr }),
    ctrInterval: t.field({ type: IntervalRef, nullable: true, description: 'Wilson score interval at the experiment’s level.', resolve: (v) => v.ctrInterval }),
    conversionRate: t.float({ nullable: true, description: 'Conversions per click.', resolve: (v) => v.conversionRate }),
    conversionRateInterval: t.field({ type: IntervalRef, nullable: true, resolve: (v) => v.conversionRateInterval }),
    ctrVsControl: t.field({ type: ComparisonRef, nullable: true, resolve: (v) => v.ctrVsControl }),
    conversionsVsControl: t.field({
      type: ComparisonRef,
      nullable: true,
      description: 'Conversions per impression against control.',
      resolve: (v) => v.conversionsVsControl,
    }),
  }),
});

const ExperimentRef = builder.objectRef<ExperimentResult & { promotedVariant: string | null }>('ExperimentResults').implement({
  fields: (t) => ({
    confidenceLevel: t.exposeFloat('confidenceLevel'),
    variants: t.field({ type: [VariantResultRef], resolve: (e) => e.variants }),
    winner: t.exposeString('winner', {
      nullable: true,
      description: 'The variant that beats control significantly on CTR and is beaten by none; null until there is one.',
    }),
    promotedVariant: t.exposeString('promotedVariant', { nullable: true }),
    sampleSizePerVariant: t.int({
      nullable: true,
      description: 'Impressions per variant to detect a 10% lift on control’s CTR at 80% power.',
      resolve: (e) => e.sampleSizePerVariant,
    }),
    estimatedDaysRemaining: t.float({ nullable: true, description: 'At the last 7 days’ pace.', resolve: (e) => e.estimatedDaysRemaining }),
  }),
});

builder.prismaObjectFields(CampaignRef, (t) => ({
  serving: t.relation('serving', { nullable: true, description: 'Where and how often it is served, and its experiment’s variants.' }),
  experiment: t.field({
    type: ExperimentRef,
    nullable: true,
    errors: { types: standardErrors },
    description: 'Per-variant results of its experiment: the owner’s and admins’ only. Null before serving is set up.',
    resolve: (campaign, _args, context) => context.services.serving.experiment(context.access, campaign.id),
  }),
}));

const ServedPromotionRef = builder.objectRef<ServedPromotion>('ServedPromotion').implement({
  description: 'What to show, and the signed token its impression, view and click are tracked with.',
  fields: (t) => ({
    campaignId: t.globalID({ resolve: (p) => ({ type: 'Campaign', id: p.campaignId }) }),
    campaignName: t.exposeString('campaignName'),
    variant: t.exposeString('variant'),
    headline: t.exposeString('headline'),
    body: t.exposeString('body', { nullable: true }),
    imageUrl: t.exposeString('imageUrl', { nullable: true }),
    callToAction: t.exposeString('callToAction'),
    landingUrl: t.exposeString('landingUrl', { description: 'With UTM parameters; link to clickUrl to have the click counted.' }),
    trackingToken: t.exposeString('trackingToken'),
    impressionUrl: t.exposeString('impressionUrl', { description: 'Load (as a pixel) when it is rendered: that counts the impression.' }),
    viewableUrl: t.exposeString('viewableUrl', { description: 'Load when at least 50% of it was visible for 1 second.' }),
    clickUrl: t.exposeString('clickUrl', { description: 'Counts the click and redirects to the landing page.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'Views and clicks after this are refused.' }),
  }),
});

const CandidateDecisionRef = builder.objectRef<CandidateDecision>('ServeCandidate').implement({
  fields: (t) => ({
    campaignId: t.globalID({ resolve: (d) => ({ type: 'Campaign', id: d.campaignId }) }),
    outcome: t.field({ type: CandidateOutcomeEnum, resolve: (d) => d.outcome }),
    reason: t.exposeString('reason', { nullable: true }),
  }),
});

const ServeResultRef = builder.objectRef<ServeResult>('ServeResult').implement({
  fields: (t) => ({
    served: t.field({ type: ServedPromotionRef, nullable: true, resolve: (r) => r.served }),
    candidates: t.field({
      type: [CandidateDecisionRef],
      nullable: true,
      description: 'With debug: each candidate you may see (admins: all) and why it was or was not served.',
      resolve: (r) => r.candidates,
    }),
  }),
});

const ServeContextInput = builder.inputType('ServeContextInput', {
  fields: (t) => ({
    city: t.string({ required: false, description: 'Where the person is now; else their profile’s city.' }),
    latitude: t.float({ required: false }),
    longitude: t.float({ required: false }),
    device: t.field({ type: DeviceEnum, required: false }),
    page: t.string({ required: false }),
  }),
});

const ServeInput = builder.inputType('ServeInput', {
  fields: (t) => ({
    placement: t.string(),
    profileId: t.id({ required: false, description: 'The person, when known (a Profile id).' }),
    sessionId: t.string({ required: false, description: 'Otherwise the browser or app session: caps and variants follow it.' }),
    context: t.field({ type: ServeContextInput, required: false }),
    debug: t.boolean({ required: false }),
  }),
});

const TrackResultRef = builder.objectRef<{ outcome: 'ACCEPTED' | 'DUPLICATE' | 'REJECTED'; reason: string | null }>('TrackResult').implement({
  fields: (t) => ({
    outcome: t.field({ type: EventOutcomeEnum, resolve: (r) => r.outcome }),
    reason: t.exposeString('reason', { nullable: true }),
  }),
});

builder.mutationFields((t) => ({
  serve: t.field({
    type: ServeResultRef,
    description: 'Chooses a promotion for a placement and a person, and takes one impression of its frequency caps. Public.',
    errors: { types: standardErrors },
    args: { input: t.arg({ type: ServeInput }) },
    resolve: (_root, { input }, context) => context.services.serving.serve(context.access, input),
  }),
  trackPromotion: t.field({
    type: TrackResultRef,
    description: 'Records an impression, viewable impression or click of a served promotion by its token; repeats count once.',
    errors: { types: standardErrors },
    args: { token: t.arg.string(), type: t.arg({ type: TrackedEventTypeEnum }) },
    resolve: async (_root, { token, type }, context) => {
      const { outcome, reason } = await context.services.serving.track(token, type);
      return { outcome, reason };
    },
  }),
  setCampaignServing: t.prismaField({
    type: 'Campaign',
    description: 'Replaces where and how often a campaign is served and its variants (draft, paused or rejected campaigns).',
    errors: { types: campaignErrors },
    args: { campaignId: t.arg.globalID({ for: CampaignRef }), input: t.arg({ type: CampaignServingInput }) },
    resolve: async (query, _root, { campaignId, input }, context) => {
      const id = lookupId(campaignId.id);
      await context.services.serving.configure(context.access, id, input as ServingConfigInput);
      return context.prisma.campaign.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
  promoteVariant: t.prismaField({
    type: 'Campaign',
    description: 'Sends all traffic outside the holdout to one variant.',
    errors: { types: campaignErrors },
    args: { campaignId: t.arg.globalID({ for: CampaignRef }), variant: t.arg.string() },
    resolve: async (query, _root, { campaignId, variant }, context) => {
      const id = lookupId(campaignId.id);
      await context.services.serving.promoteVariant(context.access, id, variant);
      return context.prisma.campaign.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
}));
