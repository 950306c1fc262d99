-- Live metrics: richer events, time buckets, exact reach, revenue and billing counters.

ALTER TYPE "event_type" ADD VALUE 'VIEWABLE_IMPRESSION';
ALTER TYPE "event_type" ADD VALUE 'CONVERSION';

CREATE TYPE "conversion_type" AS ENUM ('SALE', 'PURCHASE', 'LEAD', 'SIGNUP', 'INSTALL', 'RSVP', 'OTHER');

ALTER TABLE "campaign_events"
  ADD COLUMN "profile_id"      UUID,
  ADD COLUMN "session_id"      TEXT,
  ADD COLUMN "channel"         "channel",
  ADD COLUMN "placement"       TEXT,
  ADD COLUMN "variant"         TEXT,
  ADD COLUMN "value_cents"     BIGINT,
  ADD COLUMN "conversion_type" "conversion_type",
  ADD COLUMN "properties"      JSONB NOT NULL DEFAULT '{}';
CREATE INDEX "campaign_events_campaign_id_occurred_at_idx" ON "campaign_events"("campaign_id", "occurred_at");
CREATE INDEX "campaign_events_campaign_id_profile_id_idx" ON "campaign_events"("campaign_id", "profile_id");

ALTER TABLE "campaign_stats"
  ADD COLUMN "viewable_impressions" BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN "conversions"          BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN "revenue_cents"        BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN "reach"                    BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN "unbilled_cents"           BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN "billing_carry_millicents" BIGINT NOT NULL DEFAULT 0;

CREATE TABLE "campaign_hourly_buckets" (
  "campaign_id"          UUID NOT NULL,
  "hour"                 TIMESTAMPTZ(3) NOT NULL,
  "channel"              TEXT NOT NULL DEFAULT '',
  "placement"            TEXT NOT NULL DEFAULT '',
  "variant"              TEXT NOT NULL DEFAULT '',
  "impressions"          BIGINT NOT NULL DEFAULT 0,
  "viewable_impressions" BIGINT NOT NULL DEFAULT 0,
  "clicks"               BIGINT NOT NULL DEFAULT 0,
  "conversions"          BIGINT NOT NULL DEFAULT 0,
  "revenue_cents"        BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT "campaign_hourly_buckets_pkey" PRIMARY KEY ("campaign_id", "hour", "channel", "placement", "variant"),
  CONSTRAINT "campaign_hourly_buckets_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "campaign_daily_buckets" (
  "campaign_id"          UUID NOT NULL,
  "day"                  DATE NOT NULL,
  "impressions"          BIGINT NOT NULL DEFAULT 0,
  "viewable_impressions" BIGINT NOT NULL DEFAULT 0,
  "clicks"               BIGINT NOT NULL DEFAULT 0,
  "conversions"          BIGINT NOT NULL DEFAULT 0,
  "revenue_cents"        BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT "campaign_daily_buckets_pkey" PRIMARY KEY ("campaign_id", "day"),
  CONSTRAINT "campaign_daily_buckets_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "campaign_reach" (
  "campaign_id" UUID NOT NULL,
  "profile_id"  UUID NOT NULL,
  CONSTRAINT "campaign_reach_pkey" PRIMARY KEY ("campaign_id", "profile_id"),
  CONSTRAINT "campaign_reach_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
