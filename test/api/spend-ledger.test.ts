import { CreateCampaignDocument, RecordEventsDocument, RecordSpendDocument, SpendLedgerDocument } from '../generated/graphql';
import { createActiveCampaign, createBusiness, createUser, launchCampaign, startWithOwner, type TestServer } from '../support/server';

let server: TestServer;
let owner: { id: string; token: string };
let businessId: string;

beforeAll(async () => {
  ({ server, owner, businessId } = await startWithOwner());
});

afterAll(async () => {
  await server.close();
});

describe('Campaign.spendLedger', () => {
  it('lists recorded spend newest first, with who recorded it, in pages of at most 100', async () => {
    const campaignId = await createActiveCampaign(server, owner.token, businessId, { name: 'Ledger' });
    const client = server.client(owner.token);
    for (const [key, amountCents] of [
      ['print', 1_200],
      ['radio', 3_400],
    ] as const) {
      const { recordSpend } = await client.request(RecordSpendDocument, {
        campaignId,
        input: { amountCents, reason: key, idempotencyKey: key, channel: 'IN_APP_AD' },
      });
      expect(recordSpend.__typename).toBe('MutationRecordSpendSuccess');
    }
    // A repeated key spends nothing and adds no line.
    await client.request(RecordSpendDocument, { campaignId, input: { amountCents: 3_400, reason: 'radio', idempotencyKey: 'radio', channel: 'IN_APP_AD' } });

    const first = await client.request(SpendLedgerDocument, { id: campaignId, first: 1 });
    const ledger = first.campaign!.spendLedger;
    expect(ledger.totalCount).toBe(2);
    expect(ledger.pageInfo.hasNextPage).toBe(true);
    expect(ledger.edges[0]!.node).toMatchObject({
      amount: { amountCents: 3_400, currency: 'EUR' },
      channel: 'IN_APP_AD',
      reason: 'radio',
      actor: { id: owner.id },
      systemActor: null,
    });
    const second = await client.request(SpendLedgerDocument, { id: campaignId, first: 1, after: ledger.pageInfo.endCursor });
    expect(second.campaign!.spendLedger.edges.map((edge) => edge.node.reason)).toEqual(['print']);
    expect(second.campaign!.spendLedger.pageInfo.hasNextPage).toBe(false);
    const refused = await client.request(SpendLedgerDocument, { id: campaignId, first: 101 }).catch((error: Error) => error);
    expect(String(refused)).toMatch(/100/);
  });

  it("shows the charge of billed events as the system's", async () => {
    const client = server.client(owner.token);
    const { createCampaign } = await client.request(CreateCampaignDocument, {
      input: {
        businessId,
        name: 'Billed',
        objective: 'TRAFFIC',
        kind: 'AD',
        channels: ['IN_APP_AD'],
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        pricing: { cpcCents: 40 },
      },
    });
    if (createCampaign.__typename !== 'MutationCreateCampaignSuccess') throw new Error(JSON.stringify(createCampaign));
    const campaignId = createCampaign.data.id;
    await launchCampaign(server, owner.token, campaignId);
    const occurredAt = new Date().toISOString();
    const { recordEvents } = await client.request(RecordEventsDocument, {
      events: [1, 2, 3].map((n) => ({ id: `ledger-click-${n}`, campaignId, type: 'CLICK' as const, occurredAt, channel: 'IN_APP_AD' as const })),
    });
    expect(recordEvents.__typename).toBe('MutationRecordEventsSuccess');
    const { campaign } = await client.request(SpendLedgerDocument, { id: campaignId, first: 10 });
    const lines = campaign!.spendLedger.edges.map((edge) => edge.node);
    expect(lines.reduce((sum, line) => sum + line.amount.amountCents, 0)).toBe(120);
    for (const line of lines) expect(line).toMatchObject({ actor: null, systemActor: expect.any(String), channel: 'IN_APP_AD' });
  });

  it("is not reachable through another owner's campaign", async () => {
    const campaignId = await createActiveCampaign(server, owner.token, businessId, { name: 'Private ledger' });
    await server.client(owner.token).request(RecordSpendDocument, { campaignId, input: { amountCents: 500, reason: 'secret', idempotencyKey: 'secret' } });
    const rival = await createUser(server, 'BUSINESS_OWNER', 'rival');
    await createBusiness(server, rival.token, { name: 'Rival' });
    const { campaign } = await server.client(rival.token).request(SpendLedgerDocument, { id: campaignId, first: 10 });
    expect(campaign).toBeNull();
    const asAdmin = await server.client(server.adminToken).request(SpendLedgerDocument, { id: campaignId, first: 10 });
    expect(asAdmin.campaign!.spendLedger.edges.map((edge) => edge.node.reason)).toEqual(['secret']);
  });
});
