-- Automation rules: owned by a business, evaluated on every committed change of a campaign and on a
-- schedule. A rule fires once per episode: rule_campaign_states holds whether its condition is met
-- for a campaign (the row each firing locks), and rule_firings explains every firing.

CREATE TYPE "rule_firing_cause" AS ENUM ('CHANGE', 'SCHEDULE', 'EVENT');

CREATE TABLE "automation_rules" (
  "id"            UUID NOT NULL DEFAULT gen_random_uuid(),
  "business_id"   UUID NOT NULL,
  "name"          TEXT NOT NULL,
  "enabled"       BOOLEAN NOT NULL DEFAULT true,
  "version"       INTEGER NOT NULL DEFAULT 1,
  "definition"    JSONB NOT NULL,
  "created_by_id" UUID,
  "created_at"    TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at"    TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "automation_rules_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "automation_rules_business_id_fkey" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "automation_rules_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "automation_rules_business_id_enabled_idx" ON "automation_rules"("business_id", "enabled");

CREATE TABLE "rule_campaign_states" (
  "rule_id"       UUID NOT NULL,
  "campaign_id"   UUID NOT NULL,
  "condition_met" BOOLEAN NOT NULL DEFAULT false,
  "last_fired_at" TIMESTAMPTZ(3),
  "updated_at"    TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "rule_campaign_states_pkey" PRIMARY KEY ("rule_id", "campaign_id"),
  CONSTRAINT "rule_campaign_states_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "automation_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "rule_campaign_states_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "rule_campaign_states_campaign_id_idx" ON "rule_campaign_states"("campaign_id");

CREATE TABLE "rule_firings" (
  "id"           UUID NOT NULL DEFAULT gen_random_uuid(),
  "rule_id"      UUID NOT NULL,
  "campaign_id"  UUID NOT NULL,
  "rule_version" INTEGER NOT NULL,
  "cause"        "rule_firing_cause" NOT NULL,
  "trigger_key"  TEXT,
  "evaluation"   JSONB NOT NULL,
  "actions"      JSONB NOT NULL,
  "actor_system" TEXT NOT NULL,
  "fired_at"     TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "rule_firings_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "rule_firings_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "automation_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "rule_firings_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "rule_firings_rule_id_campaign_id_trigger_key_key" ON "rule_firings"("rule_id", "campaign_id", "trigger_key");
CREATE INDEX "rule_firings_rule_id_fired_at_idx" ON "rule_firings"("rule_id", "fired_at");
CREATE INDEX "rule_firings_campaign_id_fired_at_idx" ON "rule_firings"("campaign_id", "fired_at");
