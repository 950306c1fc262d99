-- Foundation: identity, businesses, campaigns, tracked events and their running counters.

CREATE TYPE "role" AS ENUM ('ADMIN', 'BUSINESS_OWNER', 'PARTNER');

CREATE TYPE "campaign_status" AS ENUM (
  'DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'SCHEDULED', 'ACTIVE', 'PAUSED', 'COMPLETED', 'CANCELLED'
);

CREATE TYPE "event_type" AS ENUM ('IMPRESSION', 'CLICK');

CREATE TABLE "users" (
  "id"         UUID NOT NULL DEFAULT gen_random_uuid(),
  "email"      TEXT NOT NULL,
  "name"       TEXT NOT NULL,
  "role"       "role" NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TABLE "api_tokens" (
  "id"         UUID NOT NULL DEFAULT gen_random_uuid(),
  "user_id"    UUID NOT NULL,
  "token_hash" TEXT NOT NULL,
  "label"      TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "revoked_at" TIMESTAMPTZ(3),
  CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

CREATE TABLE "businesses" (
  "id"         UUID NOT NULL DEFAULT gen_random_uuid(),
  "owner_id"   UUID NOT NULL,
  "name"       TEXT NOT NULL,
  "city"       TEXT NOT NULL,
  "latitude"   DOUBLE PRECISION,
  "longitude"  DOUBLE PRECISION,
  "currency"   CHAR(3) NOT NULL,
  "timezone"   TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "businesses_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "businesses_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "businesses_owner_id_idx" ON "businesses"("owner_id");

CREATE TABLE "campaigns" (
  "id"            UUID NOT NULL DEFAULT gen_random_uuid(),
  "business_id"   UUID NOT NULL,
  "name"          TEXT NOT NULL,
  "status"        "campaign_status" NOT NULL DEFAULT 'DRAFT',
  "starts_at"     TIMESTAMPTZ(3) NOT NULL,
  "ends_at"       TIMESTAMPTZ(3),
  "created_by_id" UUID NOT NULL,
  "created_at"    TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at"    TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "campaigns_business_id_fkey" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "campaigns_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "campaigns_business_id_created_at_idx" ON "campaigns"("business_id", "created_at");
CREATE INDEX "campaigns_status_idx" ON "campaigns"("status");

CREATE TABLE "campaign_events" (
  "campaign_id" UUID NOT NULL,
  "event_id"    TEXT NOT NULL,
  "type"        "event_type" NOT NULL,
  "occurred_at" TIMESTAMPTZ(3) NOT NULL,
  "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "campaign_events_pkey" PRIMARY KEY ("campaign_id", "event_id"),
  CONSTRAINT "campaign_events_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "campaign_stats" (
  "campaign_id" UUID NOT NULL,
  "impressions" BIGINT NOT NULL DEFAULT 0,
  "clicks"      BIGINT NOT NULL DEFAULT 0,
  "sequence"    BIGINT NOT NULL DEFAULT 0,
  "updated_at"  TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "campaign_stats_pkey" PRIMARY KEY ("campaign_id"),
  CONSTRAINT "campaign_stats_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
