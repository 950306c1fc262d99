import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PrismaClient } from '../../generated/prisma/client';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../../errors';
import { Access } from '../access/policy';
import type { ViewerResolver } from '../identity/service';
import { credentialFromHeader, type Credential } from '../identity/tokens';
import type { EventInput, IngestionService } from './ingest';

export const BEACON_PATH = '/events';
/** A full batch of 1,000 events with properties fits comfortably; more is refused unread. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

const STATUS_OF: Record<string, number> = { VALIDATION: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw ValidationError.single(['body'], `must be at most ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON has no dates; everything else, global ids included, the ingestion service checks itself. */
function eventFromJson(raw: unknown): EventInput {
  const event = (raw ?? {}) as Record<string, unknown>;
  return { ...event, occurredAt: typeof event.occurredAt === 'string' ? new Date(event.occurredAt) : event.occurredAt } as EventInput;
}

/**
 * POST /events: the same batch, rules and per-event answers as the recordEvents mutation, for
 * browsers and beacons. `navigator.sendBeacon` cannot set headers, so the token may also come as
 * `?token=`; request logs never include the query string.
 */
export async function handleBeacon(
  req: IncomingMessage,
  res: ServerResponse,
  prisma: PrismaClient,
  services: { viewers: ViewerResolver; ingestion: IngestionService },
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    send(res, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: 'Send events with POST' } });
    return;
  }
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const queryToken = url.searchParams.get('token');
    const credential: Credential =
      req.headers.authorization !== undefined || queryToken === null
        ? credentialFromHeader(req.headers.authorization)
        : queryToken
          ? { kind: 'token', token: queryToken }
          : { kind: 'malformed' };
    const viewer = await services.viewers.authenticate(credential);
    if (!viewer) throw new ForbiddenError('Send a bearer token (Authorization header or ?token=)');
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw ValidationError.single(['body'], 'must be JSON');
    }
    const events = (body as { events?: unknown }).events;
    if (!Array.isArray(events)) throw ValidationError.single(['events'], 'must be a list of events');
    send(res, 200, await services.ingestion.record(new Access(viewer, prisma), events.map(eventFromJson)));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const body: Record<string, unknown> = { code: error.code, message: error.message };
    if (error instanceof ValidationError) body.issues = error.issues;
    if (error instanceof NotFoundError) body.entity = error.entity;
    send(res, STATUS_OF[error.code] ?? 400, { error: body });
  }
}
