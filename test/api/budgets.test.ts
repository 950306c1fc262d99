import { print } from 'graphql';
import {
  BudgetAlertsDocument,
  type BudgetAlertsSubscription,
  BudgetStateDocument,
  FilteredCampaignsDocument,
  MoveCampaignBudgetDocument,
  RecordSpendDocument,
  ResumeCampaignDocument,
  SetCampaignBudgetDocument,
  type SetBudgetInput,
} from '../generated/graphql';
import { collect, createActiveCampaign, createBusiness, createCampaign, startWithOwner, type TestServer } from '../support/server';

let server: TestServer;
let owner: { id: string; token: string };
let businessId: string;

beforeAll(async () => {
  ({ server, owner, businessId } = await startWithOwner());
});

afterAll(async () => {
  await server.close();
});

const asOwner = () => server.client(owner.token);
let keys = 0;
const spend = (campaignId: string, amountCents: number, extra: { channel?: 'IN_APP_AD' | 'EMAIL'; idempotencyKey?: string } = {}) =>
  asOwner().request(RecordSpendDocument, {
    campaignId,
    input: { amountCents, reason: 'test spend', idempotencyKey: extra.idempotencyKey ?? `key-${(keys += 1)}`, channel: extra.channel },
  });
const setBudget = (campaignId: string, input: SetBudgetInput) => asOwner().request(SetCampaignBudgetDocument, { campaignId, input });
const budgetOf = async (id: string) => (await asOwner().request(BudgetStateDocument, { id })).campaign!;

describe('setting a budget', () => {
  it('validates totals, caps, currency and allocations, and changes nothing when refused', async () => {
    const id = await createCampaign(server, owner.token, businessId, 'Budgeted');
    const refused = await setBudget(id, {
      totalCents: 1000,
      currency: 'USD',
      dailyCapCents: 2000,
      allocations: [
        { channel: 'IN_APP_AD', amountCents: 800 },
        { channel: 'SEARCH', amountCents: 300 },
      ],
    });
    expect(refused.setCampaignBudget).toMatchObject({
      __typename: 'ValidationError',
      issues: expect.arrayContaining([
        { path: ['input', 'allocations'], message: 'must not add up to more than totalCents' },
        { path: ['input', 'dailyCapCents'], message: 'must not be more than totalCents' },
      ]),
    });
    const wrongCurrency = await setBudget(id, { totalCents: 1000, currency: 'USD' });
    expect(wrongCurrency.setCampaignBudget).toMatchObject({ issues: [{ path: ['input', 'currency'], message: "must be the business's currency, EUR" }] });
    const wrongChannel = await setBudget(id, { totalCents: 1000, currency: 'EUR', allocations: [{ channel: 'SEARCH', amountCents: 10 }] });
    expect(wrongChannel.setCampaignBudget).toMatchObject({ issues: [{ path: ['input', 'allocations', '0', 'channel'] }] });
    for (const totalCents of [0, -5]) {
      expect((await setBudget(id, { totalCents, currency: 'EUR' })).setCampaignBudget).toMatchObject({ __typename: 'ValidationError' });
    }
    await expect(setBudget(id, { totalCents: 1.5, currency: 'EUR' })).rejects.toThrow('SafeInt cannot represent non-integer value: 1.5');
    expect((await budgetOf(id)).budget).toBeNull();
  });
});

describe('spending', () => {
  it('refuses a spend past the total, the daily cap or the channel allocation, whole', async () => {
    const id = await createActiveCampaign(server, owner.token, businessId, { name: 'Limits' });
    await setBudget(id, { totalCents: 10_000, currency: 'EUR', dailyCapCents: 6_000, allocations: [{ channel: 'IN_APP_AD', amountCents: 4_000 }] });
    expect((await spend(id, 3_000, { channel: 'IN_APP_AD' })).recordSpend).toMatchObject({ data: { amountCents: 3_000, replayed: false } });
    expect((await spend(id, 1_500, { channel: 'IN_APP_AD' })).recordSpend).toMatchObject({
      __typename: 'BudgetExceededError',
      limit: 'CHANNEL_ALLOCATION',
      requestedCents: 1_500,
      availableCents: 1_000,
    });
    expect((await spend(id, 2_500)).recordSpend).toMatchObject({ data: { amountCents: 2_500 } });
    expect((await spend(id, 1_000)).recordSpend).toMatchObject({ __typename: 'BudgetExceededError', limit: 'DAILY_CAP', availableCents: 500 });
    await setBudget(id, { totalCents: 10_000, currency: 'EUR', allocations: [{ channel: 'IN_APP_AD', amountCents: 4_000 }] });
    expect((await spend(id, 3_600)).recordSpend).toMatchObject({ __typename: 'BudgetExceededError', limit: 'UNALLOCATED', availableCents: 3_500 });

    const state = await budgetOf(id);
    expect(state.budget).toMatchObject({
      spent: { amountCents: 5_500 },
      remaining: { amountCents: 4_500 },
      utilization: 0.55,
      spentToday: { amountCents: 5_500 },
      allocations: [{ channel: 'IN_APP_AD', allocated: { amountCents: 4_000 }, spent: { amountCents: 3_000 }, remaining: { amountCents: 1_000 }, share: 0.4 }],
    });
    const lower = await setBudget(id, { totalCents: 5_000, currency: 'EUR' });
    expect(lower.setCampaignBudget).toMatchObject({ issues: [{ path: ['input', 'totalCents'], message: 'must be at least the 5500 cents already spent' }] });
  });

  it('returns the first result for a repeated idempotency key and spends nothing', async () => {
    const id = await createActiveCampaign(server, owner.token, businessId, { name: 'Idempotent' });
    const first = await spend(id, 700, { idempotencyKey: 'invoice-17' });
    const again = await spend(id, 700, { idempotencyKey: 'invoice-17' });
    if (first.recordSpend.__typename !== 'MutationRecordSpendSuccess' || again.recordSpend.__typename !== 'MutationRecordSpendSuccess')
      throw new Error('spend failed');
    expect(again.recordSpend.data).toEqual({ ...first.recordSpend.data, replayed: true });
    const different = await spend(id, 900, { idempotencyKey: 'invoice-17' });
    expect(different.recordSpend).toMatchObject({ issues: [{ path: ['input', 'idempotencyKey'], message: 'was already used for a different spend' }] });
    expect((await budgetOf(id)).budget?.spent.amountCents).toBe(700);
  });

  it('lets exactly as many concurrent spends through as the budget fits', async () => {
    const id = await createActiveCampaign(server, owner.token, businessId, { name: 'Contended' });
    await setBudget(id, { totalCents: 1_000, currency: 'EUR' });
    const results = await Promise.all(Array.from({ length: 50 }, () => spend(id, 100)));
    const accepted = results.filter((r) => r.recordSpend.__typename === 'MutationRecordSpendSuccess');
    const refused = results.filter((r) => r.recordSpend.__typename === 'BudgetExceededError');
    expect(accepted).toHaveLength(10);
    expect(refused).toHaveLength(40);
    const state = await budgetOf(id);
    expect(state.budget?.spent.amountCents).toBe(1_000);
    expect(state.status).toBe('PAUSED');
  });

  it('lets exactly as many concurrent spends through as a channel allocation and the daily cap fit', async () => {
    const allocated = await createActiveCampaign(server, owner.token, businessId, { name: 'Contended channel', channels: ['IN_APP_AD', 'EMAIL'] });
    await setBudget(allocated, { totalCents: 100_000, currency: 'EUR', allocations: [{ channel: 'IN_APP_AD', amountCents: 1_000 }] });
    const onChannel = await Promise.all(Array.from({ length: 30 }, () => spend(allocated, 100, { channel: 'IN_APP_AD' })));
    expect(onChannel.filter((r) => r.recordSpend.__typename === 'MutationRecordSpendSuccess')).toHaveLength(10);
    expect(
      onChannel
        .filter((r) => r.recordSpend.__typename === 'BudgetExceededError')
        .every((r) => 'limit' in r.recordSpend && r.recordSpend.limit === 'CHANNEL_ALLOCATION'),
    ).toBe(true);
    expect((await budgetOf(allocated)).budget?.allocations).toEqual([expect.objectContaining({ channel: 'IN_APP_AD', spent: { amountCents: 1_000 } })]);

    const capped = await createActiveCampaign(server, owner.token, businessId, { name: 'Contended day' });
    await setBudget(capped, { totalCents: 100_000, currency: 'EUR', dailyCapCents: 500 });
    const today = await Promise.all(Array.from({ length: 20 }, () => spend(capped, 100)));
    expect(today.filter((r) => r.recordSpend.__typename === 'MutationRecordSpendSuccess')).toHaveLength(5);
    expect((await budgetOf(capped)).budget).toMatchObject({ spent: { amountCents: 500 }, spentToday: { amountCents: 500 } });
  });

  it('raises each alert once at 75%, 90% and 100%, and pauses the campaign when exhausted', async () => {
    const id = await createActiveCampaign(server, owner.token, businessId, { name: 'Alerting' });
    await setBudget(id, { totalCents: 1_000, currency: 'EUR' });
    const live = collect<BudgetAlertsSubscription>(
      server.ws(owner.token),
      { query: print(BudgetAlertsDocument), variables: { businessId } },
      (messages) => messages.filter((m) => m.budgetAlerts.campaignId === id).length >= 3,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await spend(id, 760);
    await spend(id, 10);
    await spend(id, 140);
    await spend(id, 90);
    const state = await budgetOf(id);
    expect(state.budget?.alerts.map((a) => [a.thresholdPercent, a.spent.amountCents])).toEqual([
      [75, 760],
      [90, 910],
      [100, 1_000],
    ]);
    expect(state).toMatchObject({ status: 'PAUSED', statusReason: 'budget exhausted' });
    const alerts = (await live.done).filter((m) => m.budgetAlerts.campaignId === id).map((m) => m.budgetAlerts.thresholdPercent);
    expect(alerts).toEqual([75, 90, 100]);
    const resume = await asOwner().request(ResumeCampaignDocument, { id });
    expect(resume.resumeCampaign).toMatchObject({ issues: [{ path: ['budget'], message: 'is exhausted; raise the total budget before resuming' }] });
    await setBudget(id, { totalCents: 2_000, currency: 'EUR' });
    expect((await asOwner().request(ResumeCampaignDocument, { id })).resumeCampaign).toMatchObject({ data: { status: 'ACTIVE' } });
    await spend(id, 1_000);
    expect((await budgetOf(id)).budget?.alerts.map((a) => a.thresholdPercent)).toEqual([75, 90, 100]);
  });

  it('moves budget between channels in one step and never below what a channel spent', async () => {
    const id = await createActiveCampaign(server, owner.token, businessId, { name: 'Moving' });
    await setBudget(id, {
      totalCents: 10_000,
      currency: 'EUR',
      allocations: [
        { channel: 'IN_APP_AD', amountCents: 6_000 },
        { channel: 'EMAIL', amountCents: 2_000 },
      ],
    });
    await spend(id, 5_000, { channel: 'IN_APP_AD' });
    const tooMuch = await asOwner().request(MoveCampaignBudgetDocument, {
      campaignId: id,
      input: { fromChannel: 'IN_APP_AD', toChannel: 'EMAIL', amountCents: 1_500 },
    });
    expect(tooMuch.moveCampaignBudget).toMatchObject({ __typename: 'BudgetExceededError', limit: 'CHANNEL_ALLOCATION', availableCents: 1_000 });
    const moved = await asOwner().request(MoveCampaignBudgetDocument, {
      campaignId: id,
      input: { fromChannel: 'IN_APP_AD', toChannel: 'EMAIL', amountCents: 1_000 },
    });
    expect(moved.moveCampaignBudget).toMatchObject({
      data: {
        budget: {
          allocations: [
            { channel: 'IN_APP_AD', allocated: { amountCents: 5_000 } },
            { channel: 'EMAIL', allocated: { amountCents: 3_000 } },
          ],
        },
      },
    });
    const same = await asOwner().request(MoveCampaignBudgetDocument, { campaignId: id, input: { fromChannel: 'EMAIL', toChannel: 'EMAIL', amountCents: 1 } });
    expect(same.moveCampaignBudget).toMatchObject({ issues: [{ path: ['input', 'toChannel'], message: 'must differ from fromChannel' }] });
  });

  it('refuses spend on a campaign that was never approved', async () => {
    const id = await createCampaign(server, owner.token, businessId, 'Unapproved');
    await setBudget(id, { totalCents: 1_000, currency: 'EUR' });
    expect((await spend(id, 10)).recordSpend).toMatchObject({ issues: [{ message: 'a DRAFT campaign cannot spend' }] });
  });

  it('sorts campaigns by spend', async () => {
    const sorter = await createBusiness(server, owner.token, { name: 'Sorter' });
    const spends = [300, 100, 200];
    for (const amount of spends) {
      const id = await createActiveCampaign(server, owner.token, sorter, { name: `spend ${amount}` });
      await spend(id, amount);
    }
    const { campaigns } = await asOwner().request(FilteredCampaignsDocument, {
      first: 10,
      filter: { businessId: sorter },
      orderBy: { field: 'SPEND', direction: 'DESC' },
    });
    expect(campaigns.edges.map((e) => e.node.budget?.spent.amountCents)).toEqual([300, 200, 100]);
  });
});
