import { getIntrospectionQuery } from 'graphql';
import { startServer, type TestServer } from '../support/server';

/** Production mode: no GraphiQL, no introspection, and graphql-armor's limits on every request. */
let server: TestServer;

beforeAll(async () => {
  server = await startServer({ env: { NODE_ENV: 'production', DEMO_DATA: 'false' } });
});

afterAll(async () => {
  await server.close();
});

const post = (query: string) =>
  fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).then(async (response) => ({
    status: response.status,
    body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string }> },
  }));

it('answers ordinary queries, over POST and GET', async () => {
  expect((await post('{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
  const get = await fetch(`${server.url}?query=${encodeURIComponent('{ viewer { id } }')}`);
  expect(await get.json()).toEqual({ data: { viewer: null } });
});

it('refuses introspection', async () => {
  const { body } = await post(getIntrospectionQuery());
  expect(body.errors?.[0]?.message).toMatch(/introspection/i);
});

it('serves no GraphiQL page', async () => {
  const page = await fetch(server.url, { headers: { accept: 'text/html' } });
  expect(await page.text()).not.toMatch(/graphiql/i);
});

it('refuses queries past the depth and alias limits, naming the limit', async () => {
  const deep = `{ campaigns { edges { node { business { campaigns { edges { node { business { campaigns { edges { node { id } } } } } } } } } } } }`;
  expect((await post(deep)).body.errors?.[0]?.message).toMatch(/depth/i);
  const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`;
  expect((await post(aliases)).body.errors?.[0]?.message).toMatch(/aliases/i);
});

it('never shows a stack trace or an internal message to the client', async () => {
  const { body } = await post('{ campaign(id: "not-a-global-id") { id } }');
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+/);
});
