-- Campaign management: one campaign model for all promotion types, lifecycle history, budgets with
-- a spend ledger, and partner grants.

CREATE TYPE "campaign_objective" AS ENUM (
  'AWARENESS', 'TRAFFIC', 'ENGAGEMENT', 'LEADS', 'SALES', 'APP_PROMOTION', 'LOCAL', 'REMARKETING', 'OFFERS_EVENTS'
);
CREATE TYPE "campaign_kind" AS ENUM ('COUPON', 'AD', 'EVENT', 'PROMOTION');
CREATE TYPE "channel" AS ENUM ('IN_APP_AD', 'WHATSAPP', 'EMAIL', 'SMS', 'PUSH', 'SOCIAL', 'SEARCH', 'DISPLAY');

-- Campaigns created before this migration become in-app awareness ads on the business's time zone.
ALTER TABLE "campaigns"
  ADD COLUMN "description"     TEXT,
  ADD COLUMN "objective"       "campaign_objective" NOT NULL DEFAULT 'AWARENESS',
  ADD COLUMN "kind"            "campaign_kind" NOT NULL DEFAULT 'AD',
  ADD COLUMN "channels"        TEXT[] NOT NULL DEFAULT ARRAY['IN_APP_AD'],
  ADD COLUMN "status_reason"   TEXT,
  ADD COLUMN "schedule"        JSONB NOT NULL DEFAULT '{}',
  ADD COLUMN "cpm_cents"       INTEGER,
  ADD COLUMN "cpc_cents"       INTEGER,
  ADD COLUMN "cpa_cents"       INTEGER,
  ADD COLUMN "kpi_targets"     JSONB NOT NULL DEFAULT '[]',
  ADD COLUMN "targeting_rules" JSONB NOT NULL DEFAULT '{}',
  ADD COLUMN "settings"        JSONB NOT NULL DEFAULT '{}',
  ADD COLUMN "submitted_at"    TIMESTAMPTZ(3);

UPDATE "campaigns" c SET "schedule" = jsonb_build_object('timezone', b."timezone")
FROM "businesses" b WHERE b."id" = c."business_id";

ALTER TABLE "campaigns"
  ALTER COLUMN "objective" DROP DEFAULT,
  ALTER COLUMN "kind" DROP DEFAULT,
  ALTER COLUMN "channels" DROP DEFAULT,
  ALTER COLUMN "schedule" DROP DEFAULT;

-- channels is text[] (see schema.prisma); the database still admits only known channels.
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_channels_known"
  CHECK (cardinality("channels") > 0 AND "channels" <@ ARRAY['IN_APP_AD', 'WHATSAPP', 'EMAIL', 'SMS', 'PUSH', 'SOCIAL', 'SEARCH', 'DISPLAY']);

CREATE INDEX "campaigns_status_starts_at_idx" ON "campaigns"("status", "starts_at");
CREATE INDEX "campaigns_status_submitted_at_idx" ON "campaigns"("status", "submitted_at");

CREATE TABLE "campaign_transitions" (
  "id"          UUID NOT NULL DEFAULT gen_random_uuid(),
  "position"    BIGSERIAL NOT NULL,
  "campaign_id" UUID NOT NULL,
  "from_status" "campaign_status" NOT NULL,
  "to_status"   "campaign_status" NOT NULL,
  "actor_id"    UUID,
  "reason"      TEXT,
  "created_at"  TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "campaign_transitions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "campaign_transitions_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "campaign_transitions_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "campaign_transitions_campaign_id_created_at_idx" ON "campaign_transitions"("campaign_id", "created_at");

CREATE TABLE "campaign_budgets" (
  "campaign_id"     UUID NOT NULL,
  "currency"        CHAR(3) NOT NULL,
  "total_cents"     BIGINT NOT NULL,
  "daily_cap_cents" BIGINT,
  "spent_cents"     BIGINT NOT NULL DEFAULT 0,
  "updated_at"      TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "campaign_budgets_pkey" PRIMARY KEY ("campaign_id"),
  CONSTRAINT "campaign_budgets_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  -- The last line of defence against overspending, whatever the code does.
  CONSTRAINT "campaign_budgets_within_total" CHECK ("total_cents" > 0 AND "spent_cents" >= 0 AND "spent_cents" <= "total_cents"),
  CONSTRAINT "campaign_budgets_daily_cap_positive" CHECK ("daily_cap_cents" IS NULL OR "daily_cap_cents" > 0)
);

CREATE TABLE "budget_allocations" (
  "campaign_id"     UUID NOT NULL,
  "channel"         "channel" NOT NULL,
  "allocated_cents" BIGINT NOT NULL,
  "spent_cents"     BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT "budget_allocations_pkey" PRIMARY KEY ("campaign_id", "channel"),
  CONSTRAINT "budget_allocations_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign_budgets"("campaign_id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "budget_allocations_within_allocation" CHECK ("allocated_cents" >= 0 AND "spent_cents" >= 0 AND "spent_cents" <= "allocated_cents")
);

CREATE TABLE "budget_days" (
  "campaign_id" UUID NOT NULL,
  "day"         DATE NOT NULL,
  "spent_cents" BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT "budget_days_pkey" PRIMARY KEY ("campaign_id", "day"),
  CONSTRAINT "budget_days_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign_budgets"("campaign_id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "budget_alerts" (
  "campaign_id"       UUID NOT NULL,
  "threshold_percent" INTEGER NOT NULL,
  "spent_cents"       BIGINT NOT NULL,
  "raised_at"         TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "budget_alerts_pkey" PRIMARY KEY ("campaign_id", "threshold_percent"),
  CONSTRAINT "budget_alerts_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign_budgets"("campaign_id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "spend_entries" (
  "id"              UUID NOT NULL DEFAULT gen_random_uuid(),
  "campaign_id"     UUID NOT NULL,
  "amount_cents"    BIGINT NOT NULL,
  "channel"         "channel",
  "reason"          TEXT NOT NULL,
  "idempotency_key" TEXT NOT NULL,
  "actor_id"        UUID,
  "created_at"      TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "spend_entries_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "spend_entries_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "spend_entries_amount_positive" CHECK ("amount_cents" > 0)
);
CREATE UNIQUE INDEX "spend_entries_campaign_id_idempotency_key_key" ON "spend_entries"("campaign_id", "idempotency_key");
CREATE INDEX "spend_entries_campaign_id_created_at_idx" ON "spend_entries"("campaign_id", "created_at");

CREATE TABLE "partner_grants" (
  "token_id"    UUID NOT NULL,
  "business_id" UUID NOT NULL,
  "created_at"  TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "partner_grants_pkey" PRIMARY KEY ("token_id", "business_id"),
  CONSTRAINT "partner_grants_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_tokens"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "partner_grants_business_id_fkey" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "partner_grants_business_id_idx" ON "partner_grants"("business_id");
