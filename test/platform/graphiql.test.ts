import { startServer, type TestServer } from '../support/server';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server.close();
});

/** Hosts GraphiQL pages usually load from; none may appear in ours. */
const CDN_HOSTS = /unpkg\.com|jsdelivr\.net|cdnjs|esm\.sh|googleapis\.com|gstatic\.com|skypack\.dev/;

describe('GraphiQL works without the internet', () => {
  it('serves its page with every asset from this server', async () => {
    const response = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const page = await response.text();
    expect(page).toContain('campaign-graph');
    expect(page).not.toMatch(CDN_HOSTS);

    // The markup itself, without the inlined script and style bodies: what a browser fetches first.
    const markup = page.replace(/<script>[\s\S]*?<\/script>/g, '').replace(/<style>[\s\S]*?<\/style>/g, '');
    const references = [...markup.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)].map((match) => match[1]!);
    // From styles and scripts: stylesheet imports, CSS url(), and modules imported by address.
    const embedded = [
      ...page.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g),
      ...page.matchAll(/url\(\s*["']?((?:https?:)?\/\/[^"')]+)/g),
      ...page.matchAll(/import\(\s*["'`]((?:https?:)?\/\/[^"'`]+)/g),
    ].map((match) => match[1]!);
    expect(embedded).toEqual([]);
    const origin = new URL(server.url).origin;
    for (const reference of references) {
      if (reference.startsWith('data:')) continue;
      const address = new URL(reference, server.url);
      expect(address.origin).toBe(origin);
      expect((await fetch(address)).status).toBe(200);
    }
  });
});
