import { builder } from '../../schema/builder';
import { standardErrors } from '../../schema/errors';
import { lookupId } from '../../schema/ids';
import { CampaignRef, ChannelEnum } from '../campaigns/schema';
import { CONVERSION_TYPES, EVENT_TYPES, type EventInput, type EventProblem, type IngestResult } from './ingest';
import { CampaignStatsRef } from './types';

const EventTypeEnum = builder.enumType('EventType', { values: EVENT_TYPES });
const ConversionTypeEnum = builder.enumType('ConversionType', { values: CONVERSION_TYPES });
export const EventOutcomeEnum = builder.enumType('EventOutcome', { values: ['ACCEPTED', 'DUPLICATE', 'REJECTED'] as const });

const EventInput = builder.inputType('EventInput', {
  fields: (t) => ({
    id: t.string({ description: "The client's own id for this event (1–128 printable ASCII); a repeated id is not counted again." }),
    campaignId: t.id({ description: 'The campaign; an event with an id of anything else is rejected on its own.' }),
    type: t.field({ type: EventTypeEnum }),
    occurredAt: t.field({ type: 'DateTime', description: 'When it happened; at most 5 minutes in the future.' }),
    profileId: t.id({ required: false, description: 'The audience member, when known (counts toward reach).' }),
    sessionId: t.string({ required: false }),
    channel: t.field({ type: ChannelEnum, required: false, description: 'One of the campaign’s channels; billed against its allocation.' }),
    placement: t.string({ required: false }),
    variant: t.string({ required: false, description: 'The creative variant shown.' }),
    valueCents: t.field({ type: 'SafeInt', required: false, description: 'Conversions only: the value, in cents of the business’s currency.' }),
    currency: t.string({ required: false, description: 'Required with valueCents; must be the business’s currency.' }),
    conversionType: t.field({ type: ConversionTypeEnum, required: false, description: 'Conversions only; OTHER when left out.' }),
    properties: t.field({ type: 'JSON', required: false, description: 'Free properties (a JSON object, at most 4 KB).' }),
  }),
});

const EventProblemRef = builder.objectRef<EventProblem>('EventProblem').implement({
  description: 'An event that was not counted: a duplicate, or rejected for the reason given.',
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Position of the event in the batch.' }),
    id: t.exposeString('id'),
    outcome: t.field({ type: EventOutcomeEnum, resolve: (problem) => problem.outcome }),
    reason: t.exposeString('reason'),
  }),
});

const RecordEventsPayload = builder.objectRef<IngestResult>('RecordEventsPayload').implement({
  fields: (t) => ({
    accepted: t.exposeInt('accepted'),
    duplicates: t.exposeInt('duplicates'),
    rejected: t.exposeInt('rejected'),
    outcomes: t.field({ type: [EventOutcomeEnum], description: 'One outcome per event, in the order sent.', resolve: (result) => result.outcomes }),
    problems: t.field({ type: [EventProblemRef], description: 'Every event that was not accepted, with the reason.', resolve: (result) => result.problems }),
  }),
});

builder.mutationField('recordEvents', (t) =>
  t.field({
    type: RecordEventsPayload,
    description: 'Records up to 1,000 events in one transaction and answers per event.',
    errors: { types: standardErrors },
    args: { events: t.arg({ type: [EventInput] }) },
    resolve: (_root, { events }, context) => context.services.ingestion.record(context.access, events as EventInput[]),
  }),
);

builder.subscriptionField('campaignStats', (t) =>
  t.field({
    type: CampaignStatsRef,
    description: 'A snapshot of the counters first, then an update after every committed change.',
    args: { campaignId: t.arg.globalID({ for: CampaignRef }) },
    subscribe: (_root, { campaignId }, context) => context.services.live.subscribe(context.access, lookupId(campaignId.id)),
    resolve: (stats) => stats,
  }),
);
