import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, extname, join } from 'node:path';

export const DASHBOARD_PATH = '/dashboard';
const ASSETS_PREFIX = `${DASHBOARD_PATH}/assets/`;

/** Where `npm run build:dashboard` writes the page and its hashed assets, relative to the package root. */
export const DASHBOARD_BUILD_DIR = join('dist', 'dashboard');

/** The package root: the nearest folder above this module with a package.json (from src/ under tsx, dist/src/ when compiled). */
function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Everything the page may load comes from this server: scripts, styles, and the GraphQL endpoint
 * over HTTP and WebSocket ('self' covers ws: and wss: of the same host). The browser enforces it.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

interface Asset {
  body: Buffer;
  contentType: string;
}

interface Build {
  page: Buffer;
  assets: Map<string, Asset>;
}

/** Reads the built page once; until it exists every request finds out again, so a build made later is picked up. */
function buildLoader(dir: string): () => Promise<Build | undefined> {
  let loaded: Build | undefined;
  return async () => {
    if (loaded) return loaded;
    const page = await readFile(join(dir, 'index.html')).catch(() => undefined);
    if (!page) return undefined;
    const assets = new Map<string, Asset>();
    for (const name of await readdir(join(dir, 'assets'))) {
      const contentType = CONTENT_TYPES[extname(name)];
      if (contentType) assets.set(name, { body: await readFile(join(dir, 'assets', name)), contentType });
    }
    loaded = { page, assets };
    return loaded;
  };
}

/** True for the requests the dashboard answers: /dashboard, /dashboard/ and /dashboard/assets/…. */
export function isDashboardRequest(url: string | undefined): boolean {
  const path = url?.split('?')[0];
  return path === DASHBOARD_PATH || path?.startsWith(`${DASHBOARD_PATH}/`) === true;
}

/** Serves the dashboard's page and its assets from the build, with a policy that allows nothing from another host. */
export function dashboardHandler(dir = join(packageRoot(), DASHBOARD_BUILD_DIR)): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const load = buildLoader(dir);
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('The dashboard only answers GET.\n');
      return;
    }
    const build = await load();
    if (!build) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' });
      res.end('The dashboard is not built yet: run `npm run build:dashboard` (npm start and npm run build do it).\n');
      return;
    }
    const path = (req.url ?? '').split('?')[0]!;
    if (path === DASHBOARD_PATH || path === `${DASHBOARD_PATH}/`) {
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : build.page);
      return;
    }
    const asset = path.startsWith(ASSETS_PREFIX) ? build.assets.get(path.slice(ASSETS_PREFIX.length)) : undefined;
    if (!asset) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found.\n');
      return;
    }
    // Asset names carry a hash of their content: a new build gets new names, so they never go stale.
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': asset.contentType, 'cache-control': 'public, max-age=31536000, immutable' });
    res.end(req.method === 'HEAD' ? undefined : asset.body);
  };
}
