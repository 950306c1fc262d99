import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, ValidationError } from '../../errors';
import type { PrismaClient } from '../../generated/prisma/client';
import { encodeGlobalId } from '../../schema/ids';
import { Access } from '../access/policy';
import type { ViewerResolver } from '../identity/service';
import { credentialFromHeader } from '../identity/tokens';
import { CLICK_PATH, SERVE_PATH, type ServingService, TRACKED_EVENT_TYPES, TRACKING_PATH, type TrackedEventType } from './service';

const STATUS_OF: Record<string, number> = { VALIDATION: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };
/** A transparent 1×1 GIF: what an <img> pixel gets back. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, error: DomainError): void {
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (error instanceof ValidationError) body.issues = error.issues;
  sendJson(res, STATUS_OF[error.code] ?? 400, { error: body });
}

const numberParam = (url: URL, name: string): number | null => {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return null;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw ValidationError.single([name], 'must be a number');
  return value;
};

export interface ServingHttpServices {
  serving: ServingService;
  viewers: ViewerResolver;
}

/** Whether `path` is one of serving's lean endpoints. */
export function isServingPath(path: string): boolean {
  return path === SERVE_PATH || path === TRACKING_PATH || path === CLICK_PATH;
}

/**
 * GET /serve?placement=…&profileId=…|sessionId=…[&city&latitude&longitude&device&page&debug]:
 * the same decision as the `serve` mutation, as JSON, for pages and apps that do not speak GraphQL.
 * GET|POST /track?type=IMPRESSION|VIEWABLE_IMPRESSION&t=<token>: a pixel (GET answers a GIF) or a
 * beacon. GET /click?t=<token>: records the click and redirects to the landing page.
 */
export async function handleServing(req: IncomingMessage, res: ServerResponse, prisma: PrismaClient, services: ServingHttpServices): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const allowed = url.pathname === TRACKING_PATH ? ['GET', 'POST'] : ['GET'];
  if (!allowed.includes(req.method ?? '')) {
    res.setHeader('allow', allowed.join(', '));
    sendJson(res, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: `Use ${allowed.join(' or ')}` } });
    return;
  }
  try {
    if (url.pathname === SERVE_PATH) {
      // Anonymous is the normal case; a token only widens what `debug` may explain.
      const viewer = req.headers.authorization === undefined ? null : await services.viewers.authenticate(credentialFromHeader(req.headers.authorization));
      const latitude = numberParam(url, 'latitude');
      const longitude = numberParam(url, 'longitude');
      const result = await services.serving.serve(new Access(viewer, prisma), {
        placement: url.searchParams.get('placement') ?? '',
        profileId: url.searchParams.get('profileId'),
        sessionId: url.searchParams.get('sessionId'),
        context: {
          city: url.searchParams.get('city'),
          latitude,
          longitude,
          device: url.searchParams.get('device') as never,
          page: url.searchParams.get('page'),
        },
        debug: url.searchParams.get('debug') === 'true',
      });
      // The same ids as the GraphQL API hands out.
      sendJson(res, 200, {
        served: result.served && { ...result.served, campaignId: encodeGlobalId('Campaign', result.served.campaignId) },
        candidates: result.candidates?.map((c) => ({ ...c, campaignId: encodeGlobalId('Campaign', c.campaignId) })) ?? null,
      });
      return;
    }
    const token = url.searchParams.get('t') ?? '';
    if (url.pathname === CLICK_PATH) {
      const { location } = await services.serving.click(token);
      res.writeHead(302, { location, 'cache-control': 'no-store' });
      res.end();
      return;
    }
    const type = (url.searchParams.get('type') ?? 'IMPRESSION') as TrackedEventType;
    if (!TRACKED_EVENT_TYPES.includes(type)) throw ValidationError.single(['type'], `must be one of ${TRACKED_EVENT_TYPES.join(', ')}`);
    const { outcome, reason } = await services.serving.track(token, type);
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'image/gif', 'cache-control': 'no-store', 'x-tracking-outcome': outcome });
      res.end(PIXEL);
    } else {
      sendJson(res, 200, { outcome, reason });
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    sendError(res, error);
  }
}
