-- Tokens may end: after expires_at the token is refused like a revoked one.
ALTER TABLE "api_tokens" ADD COLUMN "expires_at" TIMESTAMPTZ(3);
