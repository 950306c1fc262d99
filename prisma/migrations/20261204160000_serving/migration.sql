-- Serving: where and how often a campaign is shown, and its experiment's variants.
CREATE TABLE "campaign_serving" (
  "campaign_id" UUID NOT NULL,
  "placements" TEXT[] NOT NULL,
  "channel" "channel" NOT NULL,
  "priority" INTEGER NOT NULL DEFAULT 5,
  "frequency_cap" JSONB,
  "placement_frequency_cap" JSONB,
  "holdout_percent" INTEGER NOT NULL DEFAULT 0,
  "confidence_level" DOUBLE PRECISION NOT NULL DEFAULT 0.95,
  "auto_promote_winner" BOOLEAN NOT NULL DEFAULT false,
  "winner_variant" TEXT,
  "winner_declared_at" TIMESTAMPTZ(3),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "campaign_serving_pkey" PRIMARY KEY ("campaign_id"),
  CONSTRAINT "campaign_serving_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "campaign_serving_priority_check" CHECK ("priority" BETWEEN 0 AND 10),
  CONSTRAINT "campaign_serving_holdout_check" CHECK ("holdout_percent" BETWEEN 0 AND 50)
);

CREATE TABLE "campaign_variants" (
  "campaign_id" UUID NOT NULL,
  "key" TEXT NOT NULL,
  "position" INTEGER NOT NULL,
  "is_control" BOOLEAN NOT NULL DEFAULT false,
  "traffic_percent" INTEGER NOT NULL,
  "headline" TEXT NOT NULL,
  "body" TEXT,
  "image_url" TEXT,
  "call_to_action" TEXT NOT NULL,
  "landing_url" TEXT NOT NULL,
  CONSTRAINT "campaign_variants_pkey" PRIMARY KEY ("campaign_id", "key"),
  CONSTRAINT "campaign_variants_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign_serving"("campaign_id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "campaign_variants_traffic_check" CHECK ("traffic_percent" BETWEEN 1 AND 100)
);

-- Frequency caps are rebuilt from recorded impressions of a person (a profile, or a session).
CREATE INDEX "campaign_events_session_idx" ON "campaign_events" ("campaign_id", "session_id") WHERE "session_id" IS NOT NULL;
