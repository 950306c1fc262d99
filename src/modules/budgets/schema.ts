import { checkPageSize } from '../../schema/connections';
import { nonEmpty } from '../../schema/prisma-query';
import { builder } from '../../schema/builder';
import { lookupId } from '../../schema/ids';
import { money, MoneyRef } from '../../schema/money';
import { dayInTimeZone } from '../../time';
import { budgetUtilization, rate } from '../analytics/rates';
import { campaignErrors, CampaignRef, ChannelEnum } from '../campaigns/schema';
import { BusinessRef } from '../businesses/schema';
import { UserRef } from '../identity/schema';
import type { BudgetAlertMessage, SpendResult } from './service';

builder.prismaObject('BudgetAllocation', {
  select: { campaignId: true, channel: true },
  fields: (t) => ({
    channel: t.expose('channel', { type: ChannelEnum }),
    allocated: t.field({
      type: MoneyRef,
      select: { allocatedCents: true, budget: { select: { currency: true } } },
      resolve: (a) => money(a.allocatedCents, a.budget.currency),
    }),
    spent: t.field({
      type: MoneyRef,
      select: { spentCents: true, budget: { select: { currency: true } } },
      resolve: (a) => money(a.spentCents, a.budget.currency),
    }),
    remaining: t.field({
      type: MoneyRef,
      select: { allocatedCents: true, spentCents: true, budget: { select: { currency: true } } },
      resolve: (a) => money(a.allocatedCents - a.spentCents, a.budget.currency),
    }),
    share: t.float({
      nullable: true,
      description: 'This allocation as a fraction (0–1) of the total budget.',
      select: { allocatedCents: true, budget: { select: { totalCents: true } } },
      resolve: (a) => rate(Number(a.allocatedCents), Number(a.budget.totalCents)),
    }),
  }),
});

builder.prismaObject('BudgetAlert', {
  select: { campaignId: true, thresholdPercent: true },
  description: 'Raised once when spend first reaches a threshold of the total.',
  fields: (t) => ({
    thresholdPercent: t.exposeInt('thresholdPercent'),
    spent: t.field({
      type: MoneyRef,
      select: { spentCents: true, budget: { select: { currency: true } } },
      resolve: (a) => money(a.spentCents, a.budget.currency),
    }),
    raisedAt: t.expose('raisedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('CampaignBudget', {
  name: 'Budget',
  select: { campaignId: true, currency: true, totalCents: true, spentCents: true },
  description: 'Spent, remaining and utilization are sums of the append-only spend ledger.',
  fields: (t) => ({
    total: t.field({ type: MoneyRef, resolve: (b) => money(b.totalCents, b.currency) }),
    dailyCap: t.field({
      type: MoneyRef,
      nullable: true,
      select: { dailyCapCents: true },
      resolve: (b) => (b.dailyCapCents === null ? null : money(b.dailyCapCents, b.currency)),
    }),
    spent: t.field({ type: MoneyRef, resolve: (b) => money(b.spentCents, b.currency) }),
    remaining: t.field({ type: MoneyRef, resolve: (b) => money(b.totalCents - b.spentCents, b.currency) }),
    utilization: t.float({
      description: 'Spent as a fraction (0–1) of the total.',
      resolve: (b) => budgetUtilization(Number(b.spentCents), Number(b.totalCents)) ?? 0,
    }),
    spentToday: t.field({
      type: MoneyRef,
      description: "Spent on the current day in the campaign's time zone (what the daily cap limits).",
      select: {
        campaign: { select: { schedule: true } },
        // Today in any time zone is within a day of today in UTC.
        days: { where: { day: { gte: new Date(Date.now() - 2 * 86_400_000) } } },
      },
      resolve: (b) => {
        const today = dayInTimeZone(new Date(), (b.campaign.schedule as { timezone: string }).timezone);
        const row = b.days.find((d) => d.day.toISOString().startsWith(today));
        return money(row?.spentCents ?? 0n, b.currency);
      },
    }),
    allocations: t.relation('allocations', { query: { orderBy: { channel: 'asc' } } }),
    alerts: t.relation('alerts', { query: { orderBy: { thresholdPercent: 'asc' } } }),
  }),
});

const AllocationInput = builder.inputType('BudgetAllocationInput', {
  fields: (t) => ({ channel: t.field({ type: ChannelEnum }), amountCents: t.field({ type: 'SafeInt' }) }),
});

const SetBudgetInput = builder.inputType('SetBudgetInput', {
  fields: (t) => ({
    totalCents: t.field({ type: 'SafeInt', description: 'More than 0, and at least what is already spent.' }),
    currency: t.string({ description: "The business's ISO 4217 currency." }),
    dailyCapCents: t.field({ type: 'SafeInt', required: false }),
    allocations: t.field({ type: [AllocationInput], required: false, description: 'Per channel; they may not add up to more than the total.' }),
  }),
});

const SpendInput = builder.inputType('RecordSpendInput', {
  fields: (t) => ({
    amountCents: t.field({ type: 'SafeInt' }),
    channel: t.field({ type: ChannelEnum, required: false, description: "Charged to this channel's allocation; without it, to the unallocated part." }),
    reason: t.string(),
    idempotencyKey: t.string({ description: 'Repeating a spend with the same key returns the first result and spends nothing.' }),
  }),
});

const MoveBudgetInput = builder.inputType('MoveBudgetInput', {
  fields: (t) => ({
    fromChannel: t.field({ type: ChannelEnum }),
    toChannel: t.field({ type: ChannelEnum }),
    amountCents: t.field({ type: 'SafeInt' }),
  }),
});

const SpendResultRef = builder.objectRef<SpendResult & { campaignId: string }>('SpendResult').implement({
  fields: (t) => ({
    entryId: t.exposeID('entryId', { nullable: true }),
    amountCents: t.expose('amountCents', { type: 'SafeInt' }),
    replayed: t.exposeBoolean('replayed', { description: 'True when the idempotency key was seen before: nothing was spent this time.' }),
    campaign: t.prismaField({
      type: 'Campaign',
      resolve: (query, result, _args, context) => context.prisma.campaign.findUniqueOrThrow({ ...nonEmpty(query), where: { id: result.campaignId } }),
    }),
  }),
});

builder.mutationFields((t) => ({
  setCampaignBudget: t.prismaField({
    type: 'Campaign',
    errors: { types: campaignErrors },
    args: { campaignId: t.arg.globalID({ for: CampaignRef }), input: t.arg({ type: SetBudgetInput }) },
    resolve: async (query, _root, { campaignId, input }, context) => {
      const id = lookupId(campaignId.id);
      await context.services.budgets.setBudget(context.access, id, input);
      return context.prisma.campaign.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
  moveCampaignBudget: t.prismaField({
    type: 'Campaign',
    description: 'Moves allocated budget from one channel to another in one transaction.',
    errors: { types: campaignErrors },
    args: { campaignId: t.arg.globalID({ for: CampaignRef }), input: t.arg({ type: MoveBudgetInput }) },
    resolve: async (query, _root, { campaignId, input }, context) => {
      const id = lookupId(campaignId.id);
      await context.services.budgets.moveBudget(context.access, id, input);
      return context.prisma.campaign.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
  recordSpend: t.field({
    type: SpendResultRef,
    description: 'Appends to the spend ledger, or refuses the whole amount when a limit would be passed.',
    errors: { types: campaignErrors },
    args: { campaignId: t.arg.globalID({ for: CampaignRef }), input: t.arg({ type: SpendInput }) },
    resolve: async (_root, { campaignId, input }, context) => {
      const id = lookupId(campaignId.id);
      return { ...(await context.services.budgets.recordSpend(context.access, id, input)), campaignId: id };
    },
  }),
}));

const BudgetAlertEventRef = builder.objectRef<BudgetAlertMessage>('BudgetAlertEvent').implement({
  fields: (t) => ({
    campaignId: t.globalID({ resolve: (m) => ({ type: 'Campaign', id: m.campaignId }) }),
    thresholdPercent: t.exposeInt('thresholdPercent'),
    spentCents: t.expose('spentCents', { type: 'SafeInt' }),
    totalCents: t.expose('totalCents', { type: 'SafeInt' }),
    raisedAt: t.expose('raisedAt', { type: 'DateTime' }),
  }),
});

builder.subscriptionField('budgetAlerts', (t) =>
  t.field({
    type: BudgetAlertEventRef,
    description: "Budget alerts (75%, 90%, 100%) of a business's campaigns, as they are raised.",
    args: { businessId: t.arg.globalID({ for: BusinessRef }) },
    subscribe: async (_root, { businessId }, context) => {
      const business = await context.access.requireBusiness(lookupId(businessId.id), 'read');
      return context.services.budgets.alerts(business.id);
    },
    resolve: (message) => message,
  }),
);

builder.prismaObject('SpendEntry', {
  select: { id: true },
  description: 'One line of the append-only spend ledger: a charge for billed events, or spend recorded with recordSpend.',
  fields: (t) => ({
    id: t.exposeID('id'),
    amount: t.field({
      type: MoneyRef,
      select: { amountCents: true, campaign: { select: { budget: { select: { currency: true } } } } },
      // A ledger line exists only for a campaign with a budget, whose currency it is in.
      resolve: (entry) => money(entry.amountCents, entry.campaign.budget?.currency ?? ''),
    }),
    channel: t.expose('channel', { type: ChannelEnum, nullable: true, description: 'The allocation charged; null: the unallocated part.' }),
    reason: t.exposeString('reason'),
    actor: t.field({
      type: UserRef,
      nullable: true,
      description: 'Who recorded it; null when the system did (see systemActor).',
      select: { actorId: true },
      // Prisma batches the findUnique calls of one page into a single query.
      resolve: (entry, _args, context) => (entry.actorId ? context.prisma.user.findUnique({ where: { id: entry.actorId } }) : null),
    }),
    systemActor: t.exposeString('actorSystem', { nullable: true, description: 'Which part of the system recorded it (billing, a job, the demo data).' }),
    at: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields(CampaignRef, (t) => ({
  spendLedger: t.relatedConnection('spendEntries', {
    cursor: 'id',
    totalCount: true,
    description: "The campaign's spend ledger, newest first.",
    query: (args) => {
      checkPageSize(args);
      return { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] };
    },
  }),
}));
