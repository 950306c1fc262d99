import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ValidationError } from '../../errors';

/** Views and clicks are accepted this long after the serve. */
export const TRACKING_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/** What a served impression's token vouches for; every later event of that impression names it. */
export interface TrackedImpression {
  impressionId: string;
  campaignId: string;
  variant: string;
  placement: string;
  channel: string;
  profileId: string | null;
  sessionId: string | null;
  servedAt: number;
  expiresAt: number;
}

const payloadSchema = z.object({
  i: z.string(),
  c: z.string(),
  v: z.string(),
  p: z.string(),
  ch: z.string(),
  pr: z.string().nullable(),
  s: z.string().nullable(),
  t: z.number(),
  e: z.number(),
});

const encode = (value: Buffer | string) => Buffer.from(value).toString('base64url');

/**
 * Signed tracking tokens: `<payload>.<signature>`, the payload base64url JSON and the signature
 * HMAC-SHA256 of it. Every server of one deployment must share the secret (SERVING_SECRET).
 */
export class TrackingTokens {
  constructor(private readonly secret: string) {}

  private sign(payload: string): Buffer {
    return createHmac('sha256', this.secret).update(payload).digest();
  }

  issue(impression: TrackedImpression): string {
    const payload = encode(
      JSON.stringify({
        i: impression.impressionId,
        c: impression.campaignId,
        v: impression.variant,
        p: impression.placement,
        ch: impression.channel,
        pr: impression.profileId,
        s: impression.sessionId,
        t: impression.servedAt,
        e: impression.expiresAt,
      }),
    );
    return `${payload}.${encode(this.sign(payload))}`;
  }

  /** The impression a token names; a forged, altered, malformed or expired token is refused by name. */
  verify(token: string, nowMs: number): TrackedImpression {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined || token.length > 2048) throw ValidationError.single(['token'], 'is not a tracking token');
    const expected = this.sign(payload);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw ValidationError.single(['token'], 'has an invalid signature');
    let parsed: z.output<typeof payloadSchema>;
    try {
      parsed = payloadSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    } catch {
      throw ValidationError.single(['token'], 'is not a tracking token');
    }
    if (parsed.e <= nowMs) throw ValidationError.single(['token'], 'has expired');
    return {
      impressionId: parsed.i,
      campaignId: parsed.c,
      variant: parsed.v,
      placement: parsed.p,
      channel: parsed.ch,
      profileId: parsed.pr,
      sessionId: parsed.s,
      servedAt: parsed.t,
      expiresAt: parsed.e,
    };
  }
}
