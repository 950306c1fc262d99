import { builder } from '../../schema/builder';
import { standardErrors } from '../../schema/errors';
import { lookupId } from '../../schema/ids';
import { CampaignRef } from '../campaigns/schema';
import type { EventResult, IngestResult } from './ingest';
import { CampaignStatsRef } from './types';

const EventTypeEnum = builder.enumType('EventType', { values: ['IMPRESSION', 'CLICK'] as const });
const EventOutcomeEnum = builder.enumType('EventOutcome', { values: ['ACCEPTED', 'DUPLICATE', 'REJECTED'] as const });

const EventInput = builder.inputType('EventInput', {
  fields: (t) => ({
    id: t.string({ description: "The client's own id for this event (1–128 printable ASCII); a repeated id is not counted again." }),
    campaignId: t.globalID({ for: CampaignRef }),
    type: t.field({ type: EventTypeEnum }),
    occurredAt: t.field({ type: 'DateTime' }),
  }),
});

const EventResultRef = builder.objectRef<EventResult>('EventResult').implement({
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Position of the event in the batch.' }),
    id: t.exposeString('id'),
    outcome: t.expose('outcome', { type: EventOutcomeEnum }),
    reason: t.exposeString('reason', { nullable: true }),
  }),
});

const RecordEventsPayload = builder.objectRef<IngestResult>('RecordEventsPayload').implement({
  fields: (t) => ({
    accepted: t.exposeInt('accepted'),
    duplicates: t.exposeInt('duplicates'),
    rejected: t.exposeInt('rejected'),
    results: t.field({ type: [EventResultRef], resolve: (result) => result.results }),
  }),
});

builder.mutationField('recordEvents', (t) =>
  t.field({
    type: RecordEventsPayload,
    description: 'Records up to 1,000 events in one transaction and answers per event.',
    errors: { types: standardErrors },
    args: { events: t.arg({ type: [EventInput] }) },
    resolve: (_root, { events }, context) =>
      context.services.ingestion.record(
        context.access,
        events.map((event) => ({ ...event, campaignId: lookupId(event.campaignId.id) })),
      ),
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
