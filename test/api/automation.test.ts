import { print } from 'graphql';
import {
  type AutomationRuleInput,
  AutomationRulesDocument,
  CampaignRuleStateDocument,
  CreateAutomationRuleDocument,
  CreateCampaignDocument,
  PreviewRuleDocument,
  RecordEventsDocument,
  RecordSpendDocument,
  ResumeCampaignDocument,
  RuleAlertsDocument,
  type RuleAlertsSubscription,
  RuleFiringsDocument,
  SetAutomationRuleEnabledDocument,
  SetCampaignBudgetDocument,
} from '../generated/graphql';
import { collect, createActiveCampaign, createBusiness, createUser, launchCampaign, startWithOwner, type TestServer } from '../support/server';

let server: TestServer;
let owner: { id: string; token: string };
let businessId: string;

beforeAll(async () => {
  ({ server, owner, businessId } = await startWithOwner({ env: { RULE_SWEEP_MS: '500', RULE_COALESCE_MS: '50' } }));
});

afterAll(async () => {
  await server?.close();
});

let eventSequence = 0;
const event = (campaignId: string, type: 'CLICK' | 'CONVERSION' | 'IMPRESSION') => ({
  id: `e-${(eventSequence += 1)}`,
  campaignId,
  type,
  occurredAt: new Date().toISOString(),
});
const events = (campaignId: string, type: 'CLICK' | 'CONVERSION' | 'IMPRESSION', count: number) => Array.from({ length: count }, () => event(campaignId, type));

async function record(campaignId: string, batch: ReturnType<typeof event>[]): Promise<void> {
  const result = await server.client(owner.token).request(RecordEventsDocument, { events: batch });
  if (result.recordEvents.__typename !== 'MutationRecordEventsSuccess' || result.recordEvents.data.accepted !== batch.length) {
    throw new Error(`recordEvents failed: ${JSON.stringify(result)}`);
  }
  void campaignId;
}

let spendKey = 0;
async function spend(campaignId: string, amountCents: number): Promise<void> {
  const result = await server.client(owner.token).request(RecordSpendDocument, {
    campaignId,
    input: { amountCents, reason: 'media', idempotencyKey: `spend-${(spendKey += 1)}` },
  });
  if (result.recordSpend.__typename !== 'MutationRecordSpendSuccess') throw new Error(`recordSpend failed: ${JSON.stringify(result)}`);
}

async function createRule(input: AutomationRuleInput, business = businessId, token = owner.token): Promise<string> {
  const { createAutomationRule: result } = await server.client(token).request(CreateAutomationRuleDocument, { businessId: business, input });
  if (result.__typename !== 'MutationCreateAutomationRuleSuccess') throw new Error(`createAutomationRule failed: ${JSON.stringify(result)}`);
  return result.data.id;
}

const campaignState = async (id: string) => (await server.client(owner.token).request(CampaignRuleStateDocument, { id })).campaign!;

async function firings(ruleId: string) {
  const { node } = await server.client(owner.token).request(RuleFiringsDocument, { id: ruleId });
  if (node?.__typename !== 'AutomationRule') throw new Error('rule not found');
  return node.firings.edges.map((edge) => edge.node).reverse();
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Long enough for the change path (50 ms coalescing) and a sweep (500 ms) to have run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

const cpaRule = (campaignId: string, extra: Partial<AutomationRuleInput> = {}): AutomationRuleInput => ({
  name: 'Pause on expensive conversions',
  scope: { campaignIds: [campaignId] },
  conditions: [{ metric: 'CPA_CENTS', comparison: 'GT', threshold: 500, window: { kind: 'LIFETIME' }, minimum: { metric: 'CONVERSIONS', atLeast: 10 } }],
  actions: [{ type: 'PAUSE' }],
  ...extra,
});

describe('automation rules', () => {
  it('a CPA rule with a minimum of 10 conversions pauses within seconds of the batch that crosses it, once per episode', async () => {
    const campaignId = await createActiveCampaign(server, owner.token, businessId, { name: 'CPA watch' });
    const ruleId = await createRule(cpaRule(campaignId));
    await spend(campaignId, 6_000);
    await record(campaignId, events(campaignId, 'CONVERSION', 9));
    await settle();
    // CPA 666 is above 500, but 9 conversions are below the minimum.
    expect((await campaignState(campaignId)).status).toBe('ACTIVE');
    expect(await firings(ruleId)).toEqual([]);

    const sent = Date.now();
    await record(campaignId, [event(campaignId, 'CONVERSION')]);
    const paused = await eventually(
      () => campaignState(campaignId),
      (c) => c.status === 'PAUSED',
      'the pause',
    );
    expect(Date.now() - sent).toBeLessThan(5_000);
    expect(paused.history.at(-1)).toEqual({
      fromStatus: 'ACTIVE',
      toStatus: 'PAUSED',
      reason: 'rule "Pause on expensive conversions"',
      systemActor: `rule ${ruleLocalId(ruleId)}`,
    });
    const [first] = await firings(ruleId);
    expect(first).toMatchObject({
      ruleVersion: 1,
      // The change path, or the sweep when it ran between the batch and the evaluation.
      cause: expect.stringMatching(/^(CHANGE|SCHEDULE)$/),
      systemActor: `rule ${ruleLocalId(ruleId)}`,
      actions: [{ type: 'PAUSE', outcome: 'DONE' }],
      conditions: [
        {
          kind: 'METRIC',
          metric: 'CPA_CENTS',
          comparison: 'GT',
          threshold: 500,
          value: 600,
          met: true,
          minimum: { metric: 'CONVERSIONS', atLeast: 10, value: 10 },
        },
      ],
    });

    // The owner resumes; the condition is still true, so the rule does not pause again.
    const resumed = await server.client(owner.token).request(ResumeCampaignDocument, { id: campaignId });
    expect(resumed.resumeCampaign.__typename).toBe('MutationResumeCampaignSuccess');
    await record(campaignId, events(campaignId, 'CLICK', 3));
    await settle();
    expect((await campaignState(campaignId)).status).toBe('ACTIVE');
    expect(await firings(ruleId)).toHaveLength(1);

    // False (CPA 461) ends the episode; true again (CPA 538) fires again.
    await record(campaignId, events(campaignId, 'CONVERSION', 3));
    await settle();
    expect(await firings(ruleId)).toHaveLength(1);
    await spend(campaignId, 1_000);
    await eventually(
      () => campaignState(campaignId),
      (c) => c.status === 'PAUSED',
      'the second pause',
    );
    const both = await firings(ruleId);
    expect(both).toHaveLength(2);
    expect(both[1]!.conditions[0]).toMatchObject({ value: 7_000 / 13, met: true });
  });

  it('a budget increase stops at its ceiling, and says so', async () => {
    const campaignId = await createActiveCampaign(server, owner.token, businessId, { name: 'Scale up' });
    await server.client(owner.token).request(SetCampaignBudgetDocument, { campaignId, input: { totalCents: 10_000, currency: 'EUR' } });
    const ruleId = await createRule({
      name: 'Scale winners',
      scope: { campaignIds: [campaignId] },
      conditions: [{ metric: 'BUDGET_UTILIZATION', comparison: 'GTE', threshold: 0.5, window: { kind: 'LIFETIME' } }],
      actions: [{ type: 'CHANGE_BUDGET', budget: 'TOTAL', changeByPercent: 50, ceilingCents: 12_000, maxTimesPerDay: 3 }],
    });
    await spend(campaignId, 6_000);
    const changed = await eventually(
      () => campaignState(campaignId),
      (c) => c.budget?.total.amountCents === 12_000,
      'the budget change',
    );
    expect(changed.budget?.total.amountCents).toBe(12_000);
    const [firing] = await firings(ruleId);
    expect(firing!.actions).toEqual([
      { type: 'CHANGE_BUDGET', outcome: 'DONE', detail: 'total from 10000 to 12000 cents (stopped at its ceiling)', beforeCents: 10_000, afterCents: 12_000 },
    ]);
  });

  it('a rule that would resume a campaign whose budget is exhausted is refused, and the refusal is recorded', async () => {
    const campaignId = await createActiveCampaign(server, owner.token, businessId, { name: 'Exhausted' });
    await server.client(owner.token).request(SetCampaignBudgetDocument, { campaignId, input: { totalCents: 1_000, currency: 'EUR' } });
    const ruleId = await createRule({
      name: 'Keep it running',
      scope: { campaignIds: [campaignId] },
      trigger: { event: 'LIFECYCLE_CHANGE', toStatuses: ['PAUSED'] },
      actions: [{ type: 'RESUME' }, { type: 'ALERT', message: 'tried to resume' }],
    });
    await spend(campaignId, 1_000);
    const [firing] = await eventually(
      () => firings(ruleId),
      (list) => list.length === 1,
      'the firing',
    );
    expect(firing).toMatchObject({
      cause: 'EVENT',
      triggerKey: expect.stringMatching(/^lifecycle:PAUSED:/),
      actions: [
        { type: 'RESUME', outcome: 'REFUSED', detail: 'Invalid input: budget: is exhausted; raise the total budget before resuming' },
        { type: 'ALERT', outcome: 'DONE' },
      ],
    });
    const campaign = await campaignState(campaignId);
    expect(campaign.status).toBe('PAUSED');
    expect(campaign.statusReason).toBe('budget exhausted');
    await settle();
    expect(await firings(ruleId)).toHaveLength(1);
  });

  it('a dry run shows what a real run then does, and changes nothing', async () => {
    const campaignId = await createActiveCampaign(server, owner.token, businessId, { name: 'Dry run' });
    await spend(campaignId, 9_000);
    await record(campaignId, events(campaignId, 'CONVERSION', 12));
    const ruleId = await createRule(cpaRule(campaignId, { name: 'Dry CPA', enabled: false }));

    const { previewRule } = await server.client(owner.token).request(PreviewRuleDocument, { id: ruleId });
    if (previewRule.__typename !== 'QueryPreviewRuleSuccess') throw new Error(JSON.stringify(previewRule));
    expect(previewRule.data).toHaveLength(1);
    const [preview] = previewRule.data;
    expect(preview).toMatchObject({
      campaign: { id: campaignId, status: 'ACTIVE' },
      conditionsMet: true,
      decision: 'FIRE',
      actions: [{ type: 'PAUSE', outcome: 'DONE' }],
    });
    await settle();
    expect((await campaignState(campaignId)).status).toBe('ACTIVE');
    expect(await firings(ruleId)).toEqual([]);

    await server.client(owner.token).request(SetAutomationRuleEnabledDocument, { id: ruleId, enabled: true });
    await eventually(
      () => campaignState(campaignId),
      (c) => c.status === 'PAUSED',
      'the real run',
    );
    const [firing] = await firings(ruleId);
    expect(firing!.conditions).toEqual(preview!.conditions);
    expect(firing!.actions).toEqual(preview!.actions);

    // Now the same dry run says it would hold: it already fired in this episode.
    const again = await server.client(owner.token).request(PreviewRuleDocument, { id: ruleId });
    if (again.previewRule.__typename !== 'QueryPreviewRuleSuccess') throw new Error(JSON.stringify(again));
    expect(again.previewRule.data[0]).toMatchObject({ decision: 'HOLD', reason: 'already fired while the condition stays true', actions: [] });
  });

  it("judges time conditions on the campaign's clock, and alerts ruleAlerts subscribers", async () => {
    // UTC+14: its clock is never at the UTC hour.
    const { createCampaign } = await server.client(owner.token).request(CreateCampaignDocument, {
      input: {
        businessId,
        name: 'Far east',
        objective: 'TRAFFIC',
        kind: 'AD',
        channels: ['IN_APP_AD'],
        startsAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
        schedule: { timezone: 'Pacific/Kiritimati' },
      },
    });
    if (createCampaign.__typename !== 'MutationCreateCampaignSuccess') throw new Error(JSON.stringify(createCampaign));
    const campaignId = createCampaign.data.id;
    await launchCampaign(server, owner.token, campaignId);
    const utcHour = new Date().getUTCHours();
    const localHour = (utcHour + 14) % 24;
    const alerts = collect<RuleAlertsSubscription>(
      server.ws(owner.token),
      { query: print(RuleAlertsDocument), variables: { businessId } },
      (messages) => messages.length >= 1,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const local = await createRule({
      name: 'Local hours',
      scope: { campaignIds: [campaignId] },
      timeConditions: [
        { kind: 'LOCAL_TIME', fromHour: localHour, toHour: (localHour + 2) % 24 },
        { kind: 'HOURS_AFTER_START', hours: 2 },
      ],
      actions: [{ type: 'ALERT', message: 'it is time' }],
    });
    const utc = await createRule({
      name: 'UTC hours',
      scope: { campaignIds: [campaignId] },
      timeConditions: [{ kind: 'LOCAL_TIME', fromHour: utcHour, toHour: (utcHour + 2) % 24 }],
      actions: [{ type: 'ALERT' }],
    });
    const [alert] = await alerts.done;
    expect(alert!.ruleAlerts).toMatchObject({ ruleId: local, ruleName: 'Local hours', campaignId, message: 'it is time' });
    await settle();
    const [firing] = await firings(local);
    expect(firing!.conditions[0]).toMatchObject({ kind: 'TIME', value: localHour, met: true });
    expect(firing!.conditions[1]).toMatchObject({ kind: 'TIME', threshold: 2, met: true });
    expect(await firings(utc)).toEqual([]);
  });

  it('refuses bad rules with errors that name the bad part, and changes nothing', async () => {
    const campaignId = await createActiveCampaign(server, owner.token, businessId, { name: 'Validation' });
    const other = await createUser(server, 'BUSINESS_OWNER', 'other');
    const othersCampaign = await createActiveCampaign(server, other.token, await createBusiness(server, other.token));
    const count = async () => (await server.client(owner.token).request(AutomationRulesDocument, { businessId })).automationRules.totalCount;
    const before = await count();
    const attempt = async (input: AutomationRuleInput) => {
      const { createAutomationRule: result } = await server.client(owner.token).request(CreateAutomationRuleDocument, { businessId, input });
      if (result.__typename !== 'ValidationError') throw new Error(`expected a validation error: ${JSON.stringify(result)}`);
      return result.issues;
    };
    expect(await attempt(cpaRule(campaignId, { conditions: [{ metric: 'CTR', comparison: 'LT', threshold: 0.01, window: { kind: 'LAST_HOURS' } }] }))).toEqual([
      { path: ['input', 'conditions', '0', 'window', 'size'], message: 'is required for LAST_HOURS' },
    ]);
    expect(await attempt(cpaRule(campaignId, { conditions: [{ metric: 'FREQUENCY', comparison: 'GT', threshold: 3, window: { kind: 'TODAY' } }] }))).toEqual([
      { path: ['input', 'conditions', '0', 'window', 'kind'], message: 'FREQUENCY is only known over LIFETIME' },
    ]);
    expect(await attempt(cpaRule(campaignId, { actions: [{ type: 'CHANGE_BUDGET', budget: 'TOTAL', changeByPercent: 20 }] }))).toEqual([
      { path: ['input', 'actions', '0', 'ceilingCents'], message: 'is required when the budget is raised, so a rule cannot raise it without limit' },
    ]);
    expect(await attempt(cpaRule(campaignId, { actions: [{ type: 'PAUSE', ceilingCents: 5 }] }))).toEqual([
      { path: ['input', 'actions', '0'], message: 'Unrecognized key: "ceilingCents"' },
    ]);
    expect(await attempt(cpaRule(othersCampaign))).toEqual([{ path: ['input', 'scope', 'campaignIds', '0'], message: 'is not a campaign of this business' }]);
    expect(await count()).toBe(before);
  });

  it("reaches only the owner's rules, on every path", async () => {
    const campaignId = await createActiveCampaign(server, owner.token, businessId, { name: 'Private' });
    const ruleId = await createRule(cpaRule(campaignId, { name: 'Mine' }));
    const other = await createUser(server, 'BUSINESS_OWNER', 'stranger');
    const strangers = server.client(other.token);
    expect((await strangers.request(RuleFiringsDocument, { id: ruleId })).node).toBeNull();
    const preview = await strangers.request(PreviewRuleDocument, { id: ruleId });
    expect(preview.previewRule).toMatchObject({ __typename: 'NotFoundError' });
    const disable = await strangers.request(SetAutomationRuleEnabledDocument, { id: ruleId, enabled: false });
    expect(disable.setAutomationRuleEnabled).toMatchObject({ __typename: 'NotFoundError' });
    const { createAutomationRule } = await strangers.request(CreateAutomationRuleDocument, { businessId, input: cpaRule(campaignId) });
    expect(createAutomationRule).toMatchObject({ __typename: 'NotFoundError' });
    const admin = server.client(server.adminToken);
    expect((await admin.request(RuleFiringsDocument, { id: ruleId })).node).toMatchObject({ name: 'Mine' });
  });
});

function ruleLocalId(globalId: string): string {
  return Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;
}
