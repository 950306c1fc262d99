import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { IssueApiTokenDocument, RevokeApiTokenDocument, ViewerDocument, ViewerTokensDocument } from '../generated/graphql';
import { createUser, startServer, type TestServer } from '../support/server';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server.close();
});

const VIEWER_QUERY = '{ viewer { id } }';

async function post(headers: Record<string, string>, accept = 'application/json'): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, ...headers },
    body: JSON.stringify({ query: VIEWER_QUERY }),
  });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

function expectUnauthenticated(answer: { status: number; body: string; headers: Headers }): void {
  expect(answer.status).toBe(401);
  expect(answer.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  const errors = (
    JSON.parse(answer.body.replace(/^[\s\S]*?data: /, '').split('\n')[0]!) as { errors: Array<{ message: string; extensions: { code: string } }> }
  ).errors;
  expect(errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  expect(errors[0]!.message).toMatch(/bearer token is not valid/);
}

/** Opens a graphql-ws connection and reports how it ended: the close code, or 'open' once a query answers. */
function webSocketOutcome(connectionParams: Record<string, unknown>): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const client = createClient({
      url: server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
    });
    client.on('closed', (event) => {
      resolve((event as { code: number }).code);
    });
    client.subscribe(
      { query: VIEWER_QUERY },
      {
        next: () => {
          resolve('open');
          void client.dispose();
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
  });
}

describe('credentials that are not valid are refused with 401 UNAUTHENTICATED', () => {
  it('over HTTP: an unknown token, a malformed header, or the wrong scheme', async () => {
    expectUnauthenticated(await post({ authorization: 'Bearer cg_not_a_real_token' }));
    expectUnauthenticated(await post({ authorization: 'Bearer' }));
    expectUnauthenticated(await post({ authorization: `Token ${server.adminToken}` }));
  });

  it('over SSE', async () => {
    expectUnauthenticated(await post({ authorization: 'Bearer cg_not_a_real_token' }, 'text/event-stream'));
  });

  it('over graphql-ws: the socket closes with 4401', async () => {
    expect(await webSocketOutcome({ authorization: 'Bearer cg_not_a_real_token' })).toBe(4401);
    expect(await webSocketOutcome({ authorization: 42 })).toBe(4401);
    expect(await webSocketOutcome({ token: 'cg_not_a_real_token' })).toBe(4401);
    expect(await webSocketOutcome({ authorization: `Bearer ${server.adminToken}` })).toBe('open');
  });

  it('on the event beacon', async () => {
    const response = await fetch(server.url.replace(/\/graphql$/, '/events?token=cg_not_a_real_token'), { method: 'POST', body: '{"events":[]}' });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('while no credentials at all stay anonymous', async () => {
    const answer = await post({});
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { viewer: null } });
    expect(await webSocketOutcome({})).toBe('open');
  });
});

describe('revoking and expiring tokens', () => {
  it('a revoked token is refused at once, on every transport', async () => {
    const owner = await createUser(server, 'BUSINESS_OWNER', 'revoker');
    const { viewer } = await server.client(owner.token).request(ViewerTokensDocument);
    const [first] = viewer!.apiTokens!;
    expect(first).toMatchObject({ label: 'first token', revokedAt: null, expiresAt: null });

    const { revokeApiToken } = await server.client(owner.token).request(RevokeApiTokenDocument, { tokenId: first!.tokenId });
    if (revokeApiToken.__typename !== 'MutationRevokeApiTokenSuccess') throw new Error(JSON.stringify(revokeApiToken));
    expect(revokeApiToken.data.revokedAt).not.toBeNull();

    expectUnauthenticated(await post({ authorization: `Bearer ${owner.token}` }));
    expect(await webSocketOutcome({ authorization: `Bearer ${owner.token}` })).toBe(4401);
    const again = await server.client(server.adminToken).request(RevokeApiTokenDocument, { tokenId: first!.tokenId });
    if (again.revokeApiToken.__typename !== 'MutationRevokeApiTokenSuccess') throw new Error(JSON.stringify(again));
    expect(again.revokeApiToken.data.revokedAt).toBe(revokeApiToken.data.revokedAt);
  });

  it("a user cannot revoke someone else's token, and cannot tell it exists", async () => {
    const victim = await createUser(server, 'BUSINESS_OWNER', 'victim');
    const other = await createUser(server, 'BUSINESS_OWNER', 'other');
    const { viewer } = await server.client(victim.token).request(ViewerTokensDocument);
    const { revokeApiToken } = await server.client(other.token).request(RevokeApiTokenDocument, { tokenId: viewer!.apiTokens![0]!.tokenId });
    expect(revokeApiToken).toMatchObject({ __typename: 'NotFoundError', message: `ApiToken ${viewer!.apiTokens![0]!.tokenId} was not found` });
    expect((await server.client(victim.token).request(ViewerDocument)).viewer).not.toBeNull();
  });

  it('a token issued with an expiry works until then and is refused after', async () => {
    const partner = await createUser(server, 'PARTNER', 'expiring');
    const expiresAt = new Date(Date.now() + 1_500).toISOString();
    const { issueApiToken } = await server.client(server.adminToken).request(IssueApiTokenDocument, { userId: partner.id, label: 'short', expiresAt });
    if (issueApiToken.__typename !== 'MutationIssueApiTokenSuccess') throw new Error(JSON.stringify(issueApiToken));
    expect(issueApiToken.data.expiresAt).toBe(expiresAt);
    const token = issueApiToken.data.token;
    expect((await server.client(token).request(ViewerDocument)).viewer?.id).toBe(partner.id);
    await new Promise((resolve) => setTimeout(resolve, 1_700));
    expectUnauthenticated(await post({ authorization: `Bearer ${token}` }));
  });

  it('refuses an expiry in the past, naming the argument', async () => {
    const user = await createUser(server, 'PARTNER', 'past');
    const { issueApiToken } = await server
      .client(server.adminToken)
      .request(IssueApiTokenDocument, { userId: user.id, label: 'late', expiresAt: new Date(Date.now() - 1_000).toISOString() });
    expect(issueApiToken).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('expiresAt: must be in the future') });
  });
});
