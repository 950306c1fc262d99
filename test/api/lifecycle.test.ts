import { print } from 'graphql';
import {
  ApprovalQueueDocument,
  ApproveCampaignDocument,
  CampaignLifecycleDocument,
  type CampaignLifecycleSubscription,
  CampaignStateDocument,
  CancelCampaignDocument,
  CompleteCampaignDocument,
  FilteredCampaignsDocument,
  PauseCampaignDocument,
  RejectCampaignDocument,
  ResumeCampaignDocument,
  SetCampaignBudgetDocument,
  SubmitCampaignDocument,
  UpdateCampaignDocument,
} from '../generated/graphql';
import { collect, createBusiness, createCampaign, launchCampaign, startWithOwner, type TestServer } from '../support/server';

let server: TestServer;
let owner: { id: string; token: string };
let businessId: string;

beforeAll(async () => {
  ({ server, owner, businessId } = await startWithOwner({ env: { LIFECYCLE_SWEEP_MS: '100' } }));
});

afterAll(async () => {
  await server.close();
});

const asOwner = () => server.client(owner.token);
const asAdmin = () => server.client(server.adminToken);
const steps = (history: Array<{ fromStatus: string; toStatus: string }>) => history.map((h) => `${h.fromStatus}>${h.toStatus}`);
const setBudget = (id: string, totalCents = 100_000) =>
  asOwner().request(SetCampaignBudgetDocument, { campaignId: id, input: { totalCents, currency: 'EUR' } });

async function waitForStatus(id: string, status: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { campaign } = await asOwner().request(CampaignStateDocument, { id });
    if (campaign?.status === status) return campaign;
    if (Date.now() > deadline) throw new Error(`campaign still ${campaign?.status}, expected ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the lifecycle', () => {
  it('goes from draft through approval to active, pause, resume and completion, recording every step', async () => {
    const id = await createCampaign(server, owner.token, businessId, 'Full cycle');
    const early = await asOwner().request(SubmitCampaignDocument, { id });
    expect(early.submitCampaign).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['budget'], message: 'set a budget before submitting' }] });

    await setBudget(id);
    expect((await asOwner().request(SubmitCampaignDocument, { id })).submitCampaign).toMatchObject({
      data: { status: 'PENDING_APPROVAL', allowedActions: ['CANCEL'] },
    });
    expect((await asOwner().request(ApproveCampaignDocument, { id })).approveCampaign).toMatchObject({ __typename: 'ForbiddenError' });

    const approved = await asAdmin().request(ApproveCampaignDocument, { id, reason: 'fine' });
    if (approved.approveCampaign.__typename !== 'MutationApproveCampaignSuccess') throw new Error(JSON.stringify(approved));
    expect(approved.approveCampaign.data.status).toBe('ACTIVE');
    expect(steps(approved.approveCampaign.data.history)).toEqual(['DRAFT>PENDING_APPROVAL', 'PENDING_APPROVAL>APPROVED', 'APPROVED>ACTIVE']);
    expect(approved.approveCampaign.data.history.map((h) => h.actor === null)).toEqual([false, false, true]);
    expect(approved.approveCampaign.data.history.map((h) => h.systemActor)).toEqual([null, null, 'launch on approval']);

    expect((await asOwner().request(PauseCampaignDocument, { id, reason: 'stock ran out' })).pauseCampaign).toMatchObject({
      data: { status: 'PAUSED', statusReason: 'stock ran out' },
    });
    expect((await asOwner().request(ResumeCampaignDocument, { id })).resumeCampaign).toMatchObject({ data: { status: 'ACTIVE' } });
    const done = await asOwner().request(CompleteCampaignDocument, { id, reason: 'all coupons redeemed' });
    expect(done.completeCampaign).toMatchObject({ data: { status: 'COMPLETED', allowedActions: [] } });

    const again = await asOwner().request(CancelCampaignDocument, { id });
    expect(again.cancelCampaign).toMatchObject({
      __typename: 'InvalidTransitionError',
      code: 'INVALID_TRANSITION',
      currentStatus: 'COMPLETED',
      action: 'CANCEL',
      allowedActions: [],
    });
  });

  it('names the current state and the allowed actions when a step is not allowed', async () => {
    const id = await createCampaign(server, owner.token, businessId, 'Too early');
    const result = await asOwner().request(ResumeCampaignDocument, { id });
    expect(result.resumeCampaign).toMatchObject({
      __typename: 'InvalidTransitionError',
      currentStatus: 'DRAFT',
      action: 'RESUME',
      allowedActions: ['SUBMIT', 'CANCEL'],
      message: 'Cannot resume a campaign that is DRAFT; allowed now: submit, cancel',
    });
  });

  it('lets a rejected campaign be edited back to draft and resubmitted', async () => {
    const id = await createCampaign(server, owner.token, businessId, 'Bold claims');
    await setBudget(id);
    await asOwner().request(SubmitCampaignDocument, { id });
    const noReason = await asAdmin().request(RejectCampaignDocument, { id });
    expect(noReason.rejectCampaign).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['reason'] }] });
    const rejected = await asAdmin().request(RejectCampaignDocument, { id, reason: 'Remove the "best in town" claim' });
    expect(rejected.rejectCampaign).toMatchObject({ data: { status: 'REJECTED', statusReason: 'Remove the "best in town" claim' } });

    const edited = await asOwner().request(UpdateCampaignDocument, { id, input: { name: 'Modest claims' } });
    expect(edited.updateCampaign).toMatchObject({ data: { status: 'DRAFT', name: 'Modest claims' } });
    expect((await asOwner().request(SubmitCampaignDocument, { id })).submitCampaign).toMatchObject({ data: { status: 'PENDING_APPROVAL' } });
  });

  it('allows edits only in DRAFT, PAUSED and REJECTED, and validates them', async () => {
    const id = await createCampaign(server, owner.token, businessId, 'Editable');
    const invalid = await asOwner().request(UpdateCampaignDocument, {
      id,
      input: { channels: [], schedule: { timezone: 'Mars/Olympus', hoursOfDay: [25] }, targetingRules: { cities: [], radiusKm: -1 } },
    });
    expect(invalid.updateCampaign).toMatchObject({
      __typename: 'ValidationError',
      issues: expect.arrayContaining([
        { path: ['input', 'channels'], message: 'must name at least one value' },
        { path: ['input', 'schedule', 'timezone'], message: 'must be an IANA time zone such as Europe/Berlin' },
        { path: ['input', 'schedule', 'hoursOfDay', '0'], message: 'must be 0–23' },
        { path: ['input', 'targetingRules', 'cities'], message: 'must name at least one value, or be left out' },
        { path: ['input', 'targetingRules', 'radiusKm'], message: 'must be more than 0' },
      ]),
    });
    const valid = await asOwner().request(UpdateCampaignDocument, {
      id,
      input: {
        schedule: { timezone: 'Europe/Berlin', daysOfWeek: ['SATURDAY', 'SUNDAY'], hoursOfDay: [9, 10] },
        targetingRules: { cities: ['Berlin'], driversOnly: true },
      },
    });
    expect(valid.updateCampaign).toMatchObject({
      data: {
        schedule: { daysOfWeek: ['SATURDAY', 'SUNDAY'], hoursOfDay: [9, 10] },
        targetingRules: { cities: ['Berlin'], driversOnly: true, ageRanges: null },
      },
    });

    await launchCampaign(server, owner.token, id);
    const whileActive = await asOwner().request(UpdateCampaignDocument, { id, input: { name: 'Renamed live' } });
    expect(whileActive.updateCampaign).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ message: 'a ACTIVE campaign cannot be edited; pause it first' }],
    });
    await asOwner().request(PauseCampaignDocument, { id });
    expect((await asOwner().request(UpdateCampaignDocument, { id, input: { name: 'Renamed paused' } })).updateCampaign).toMatchObject({
      data: { name: 'Renamed paused', status: 'PAUSED' },
    });
    const badEnd = await asOwner().request(UpdateCampaignDocument, { id, input: { endsAt: new Date(Date.now() - 86_400_000).toISOString() } });
    expect(badEnd.updateCampaign).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'endsAt'], message: 'must be after startsAt' }] });
  });

  it('publishes every step to the business’s lifecycle subscribers', async () => {
    const live = collect<CampaignLifecycleSubscription>(
      server.ws(owner.token),
      { query: print(CampaignLifecycleDocument), variables: { businessId } },
      (messages) => messages.length >= 3,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const id = await createCampaign(server, owner.token, businessId, 'Watched');
    await launchCampaign(server, owner.token, id);
    const messages = await live.done;
    expect(messages.map((m) => `${m.campaignLifecycle.fromStatus}>${m.campaignLifecycle.toStatus}`)).toEqual([
      'DRAFT>PENDING_APPROVAL',
      'PENDING_APPROVAL>APPROVED',
      'APPROVED>ACTIVE',
    ]);
    expect(messages.every((m) => m.campaignLifecycle.campaignId === id)).toBe(true);
  });
});

describe('scheduled launch and completion', () => {
  it('launches at the start date and completes at the end date by itself', async () => {
    const startsAt = new Date(Date.now() + 1_500);
    const id = await createCampaign(server, owner.token, businessId, { name: 'Flash sale', startsAt, endsAt: new Date(startsAt.getTime() + 1_500) });
    await launchCampaign(server, owner.token, id);
    expect((await asOwner().request(CampaignStateDocument, { id })).campaign?.status).toBe('SCHEDULED');
    const active = await waitForStatus(id, 'ACTIVE');
    expect(Date.now()).toBeGreaterThanOrEqual(startsAt.getTime());
    expect(active.statusReason).toBe('start date reached');
    const completed = await waitForStatus(id, 'COMPLETED');
    expect(steps(completed.history).slice(-2)).toEqual(['SCHEDULED>ACTIVE', 'ACTIVE>COMPLETED']);
    expect(completed.history.at(-1)?.actor).toBeNull();
    expect(completed.history.at(-1)?.systemActor).toBe('lifecycle sweep');
  });
});

describe('the approval queue', () => {
  it('lists pending campaigns oldest first for admins, filtered, and for nobody else', async () => {
    const queued: string[] = [];
    for (const [name, objective] of [
      ['Queue A', 'SALES'],
      ['Queue B', 'LEADS'],
      ['Queue C', 'SALES'],
    ] as const) {
      const id = await createCampaign(server, owner.token, businessId, { name, objective });
      await setBudget(id);
      await asOwner().request(SubmitCampaignDocument, { id });
      queued.push(id);
    }
    const all = await asAdmin().request(ApprovalQueueDocument, { first: 50 });
    const names = all.approvalQueue.edges.map((e) => e.node.name).filter((n) => n.startsWith('Queue'));
    expect(names).toEqual(['Queue A', 'Queue B', 'Queue C']);
    const sales = await asAdmin().request(ApprovalQueueDocument, { first: 50, filter: { objectives: ['SALES'] } });
    expect(sales.approvalQueue.edges.map((e) => e.node.name)).toEqual(['Queue A', 'Queue C']);
    await expect(asOwner().request(ApprovalQueueDocument, { first: 10 })).rejects.toThrow(/not allowed/);
    await expect(server.client().request(ApprovalQueueDocument, { first: 10 })).rejects.toThrow(/not allowed/);
  });
});

describe('listing campaigns', () => {
  it('filters by status, objective, channel, date range and name, and sorts by name', async () => {
    const other = await createBusiness(server, owner.token, { name: 'Filter Co' });
    const base = Date.now() + 7 * 86_400_000;
    const ids: Record<string, string> = {};
    for (const [i, name] of ['alpha 50% off', 'Beta', 'gamma'].entries()) {
      ids[name] = await createCampaign(server, owner.token, other, {
        name,
        startsAt: new Date(base + i * 86_400_000),
        channels: i === 1 ? ['WHATSAPP'] : ['EMAIL'],
        objective: i === 2 ? 'LEADS' : 'AWARENESS',
      });
    }
    const names = async (filter: object, orderBy?: object) =>
      (
        await asOwner().request(FilteredCampaignsDocument, { first: 50, filter: { businessId: other, ...filter }, orderBy: orderBy as never })
      ).campaigns.edges.map((e) => e.node.name);
    expect(await names({ channel: 'WHATSAPP' })).toEqual(['Beta']);
    expect(await names({ objectives: ['LEADS'] })).toEqual(['gamma']);
    expect(await names({ nameContains: 'ALPHA' })).toEqual(['alpha 50% off']);
    expect(await names({ nameContains: '50%' })).toEqual(['alpha 50% off']);
    expect(await names({ nameContains: '%' })).toEqual(['alpha 50% off']);
    expect(
      await names({ startsAfter: new Date(base + 86_400_000 - 1000).toISOString(), startsBefore: new Date(base + 86_400_000 + 1000).toISOString() }),
    ).toEqual(['Beta']);
    expect(await names({ statuses: ['DRAFT'] }, { field: 'NAME', direction: 'ASC' })).toEqual(['Beta', 'alpha 50% off', 'gamma']);
    expect(await names({ statuses: ['ACTIVE'] })).toEqual([]);
    const reversed = asOwner().request(FilteredCampaignsDocument, {
      first: 1,
      filter: { startsAfter: new Date(base).toISOString(), startsBefore: new Date(base - 1).toISOString() },
    });
    await expect(reversed).rejects.toThrow('filter.startsBefore: must not be before startsAfter');
  });
});
