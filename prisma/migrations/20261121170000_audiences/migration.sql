-- Audiences and Drivers: the people campaigns reach, what they do, the Driver ranking, and the
-- audiences campaigns estimate and materialise. The services validate every input with clear
-- errors; the CHECK constraints here are a safety net for data that bypasses them.

CREATE TYPE "gender" AS ENUM ('FEMALE', 'MALE', 'NON_BINARY', 'UNDISCLOSED');
CREATE TYPE "income_level" AS ENUM ('LOW', 'LOWER_MIDDLE', 'MIDDLE', 'UPPER_MIDDLE', 'HIGH');
CREATE TYPE "contact_channel" AS ENUM ('WHATSAPP', 'SMS', 'EMAIL', 'PUSH');
CREATE TYPE "subscription_source" AS ENUM ('IMPORT', 'SIGNUP_FORM', 'KEYWORD_REPLY', 'UNSUBSCRIBE_LINK', 'SUPPORT');
CREATE TYPE "activity_kind" AS ENUM ('COUPON_COLLECTED', 'COUPON_SHARED', 'COUPON_REDEEMED', 'CHECK_IN', 'REVIEW', 'SOCIAL_INTERACTION');
CREATE TYPE "business_interaction_kind" AS ENUM ('VISIT', 'PURCHASE');
CREATE TYPE "driver_ranking_run_status" AS ENUM ('SUCCEEDED', 'FAILED');

CREATE TABLE "profiles" (
  "id"           UUID NOT NULL DEFAULT gen_random_uuid(),
  "external_id"  TEXT NOT NULL,
  "city"         TEXT NOT NULL,
  "latitude"     DOUBLE PRECISION,
  "longitude"    DOUBLE PRECISION,
  "age_range"    TEXT,
  "gender"       "gender",
  "income_level" "income_level",
  "interests"    TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  "phone"        TEXT,
  "email"        TEXT,
  "created_at"   TIMESTAMPTZ(3) NOT NULL,
  "updated_at"   TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "profiles_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "profiles_age_range_check" CHECK ("age_range" IN ('18-24', '25-34', '35-44', '45-54', '55-64', '65+')),
  CONSTRAINT "profiles_location_check" CHECK (("latitude" IS NULL) = ("longitude" IS NULL))
);
CREATE UNIQUE INDEX "profiles_external_id_key" ON "profiles"("external_id");
-- Audiences almost always start from cities. A city's profiles are spread over the whole table, so
-- this index carries every column the targeting dimensions read: an estimate reads the entries of
-- its cities, in order, and never the table.
CREATE INDEX "profiles_city_age_range_idx" ON "profiles"("city", "age_range")
  INCLUDE ("id", "gender", "income_level", "interests", "latitude", "longitude");

-- Every audience funnel starts from the number of all profiles; triggers keep it exact, so an
-- estimate reads one row instead of counting every profile.
CREATE TABLE "profile_count" (
  "singleton" BOOLEAN NOT NULL DEFAULT true,
  "profiles"  BIGINT NOT NULL,
  CONSTRAINT "profile_count_pkey" PRIMARY KEY ("singleton"),
  CONSTRAINT "profile_count_singleton_check" CHECK ("singleton")
);
INSERT INTO "profile_count" ("singleton", "profiles") VALUES (true, 0);

CREATE FUNCTION "count_inserted_profiles"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "profile_count" SET "profiles" = "profiles" + (SELECT count(*) FROM "inserted_profiles");
  RETURN NULL;
END $$;
CREATE FUNCTION "count_deleted_profiles"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "profile_count" SET "profiles" = "profiles" - (SELECT count(*) FROM "deleted_profiles");
  RETURN NULL;
END $$;
CREATE FUNCTION "count_no_profiles"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "profile_count" SET "profiles" = 0;
  RETURN NULL;
END $$;
CREATE TRIGGER "profiles_counted_on_insert" AFTER INSERT ON "profiles"
  REFERENCING NEW TABLE AS "inserted_profiles" FOR EACH STATEMENT EXECUTE FUNCTION "count_inserted_profiles"();
CREATE TRIGGER "profiles_counted_on_delete" AFTER DELETE ON "profiles"
  REFERENCING OLD TABLE AS "deleted_profiles" FOR EACH STATEMENT EXECUTE FUNCTION "count_deleted_profiles"();
CREATE TRIGGER "profiles_counted_on_truncate" AFTER TRUNCATE ON "profiles"
  FOR EACH STATEMENT EXECUTE FUNCTION "count_no_profiles"();

CREATE TABLE "profile_subscriptions" (
  "profile_id" UUID NOT NULL,
  "channel"    "contact_channel" NOT NULL,
  "subscribed" BOOLEAN NOT NULL,
  "changed_at" TIMESTAMPTZ(3) NOT NULL,
  "source"     "subscription_source" NOT NULL,
  CONSTRAINT "profile_subscriptions_pkey" PRIMARY KEY ("profile_id", "channel"),
  CONSTRAINT "profile_subscriptions_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "profile_activities" (
  "external_id" TEXT NOT NULL,
  "profile_id"  UUID NOT NULL,
  "kind"        "activity_kind" NOT NULL,
  "occurred_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "profile_activities_pkey" PRIMARY KEY ("external_id"),
  CONSTRAINT "profile_activities_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Covers the ranking run: it reads each profile's activities in order, without touching the table.
CREATE INDEX "profile_activities_profile_id_occurred_at_idx" ON "profile_activities"("profile_id", "occurred_at") INCLUDE ("kind");

CREATE TABLE "business_interactions" (
  "external_id" TEXT NOT NULL,
  "profile_id"  UUID NOT NULL,
  "business_id" UUID NOT NULL,
  "kind"        "business_interaction_kind" NOT NULL,
  "occurred_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "business_interactions_pkey" PRIMARY KEY ("external_id"),
  CONSTRAINT "business_interactions_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "business_interactions_business_id_fkey" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "business_interactions_business_kind_profile_idx" ON "business_interactions"("business_id", "kind", "profile_id", "occurred_at");
CREATE INDEX "business_interactions_profile_id_idx" ON "business_interactions"("profile_id");

CREATE TABLE "friendships" (
  "profile_id" UUID NOT NULL,
  "friend_id"  UUID NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "friendships_pkey" PRIMARY KEY ("profile_id", "friend_id"),
  CONSTRAINT "friendships_not_self_check" CHECK ("profile_id" <> "friend_id"),
  CONSTRAINT "friendships_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "friendships_friend_id_fkey" FOREIGN KEY ("friend_id") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "friendships_friend_id_idx" ON "friendships"("friend_id");

CREATE TABLE "driver_algorithm_configs" (
  "id"                        UUID NOT NULL DEFAULT gen_random_uuid(),
  "version"                   INTEGER NOT NULL,
  "coupon_collected_weight"   INTEGER NOT NULL,
  "coupon_shared_weight"      INTEGER NOT NULL,
  "coupon_redeemed_weight"    INTEGER NOT NULL,
  "check_in_weight"           INTEGER NOT NULL,
  "review_weight"             INTEGER NOT NULL,
  "social_interaction_weight" INTEGER NOT NULL,
  "half_life_days"            DOUBLE PRECISION NOT NULL,
  "window_days"               INTEGER NOT NULL,
  "min_activities"            INTEGER NOT NULL,
  "percentile_threshold"      INTEGER NOT NULL,
  "is_active"                 BOOLEAN NOT NULL DEFAULT false,
  "notes"                     TEXT,
  "created_by_id"             UUID,
  "created_at"                TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "activated_at"              TIMESTAMPTZ(3),
  CONSTRAINT "driver_algorithm_configs_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "driver_algorithm_configs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "driver_algorithm_configs_weights_check" CHECK (
    LEAST("coupon_collected_weight", "coupon_shared_weight", "coupon_redeemed_weight", "check_in_weight", "review_weight", "social_interaction_weight") >= 0
    AND "coupon_collected_weight" + "coupon_shared_weight" + "coupon_redeemed_weight" + "check_in_weight" + "review_weight" + "social_interaction_weight" = 100
  ),
  CONSTRAINT "driver_algorithm_configs_parameters_check" CHECK (
    "half_life_days" > 0 AND "window_days" > 0 AND "min_activities" >= 0 AND "percentile_threshold" BETWEEN 50 AND 99
  )
);
CREATE UNIQUE INDEX "driver_algorithm_configs_version_key" ON "driver_algorithm_configs"("version");
-- Exactly one version is active at a time.
CREATE UNIQUE INDEX "driver_algorithm_configs_one_active_idx" ON "driver_algorithm_configs"("is_active") WHERE "is_active";

-- Version 1: seed 000's weights; an activity counts half after 30 days and not at all after 90.
INSERT INTO "driver_algorithm_configs" (
  "version", "coupon_collected_weight", "coupon_shared_weight", "coupon_redeemed_weight", "check_in_weight",
  "review_weight", "social_interaction_weight", "half_life_days", "window_days", "min_activities",
  "percentile_threshold", "is_active", "notes", "activated_at"
) VALUES (1, 20, 25, 25, 15, 10, 5, 30, 90, 5, 90, true, 'Default: seed 000 weights, 30-day half-life, top 10% per city', CURRENT_TIMESTAMP);

CREATE TABLE "driver_ranking_runs" (
  "id"                 UUID NOT NULL DEFAULT gen_random_uuid(),
  "config_id"          UUID NOT NULL,
  "status"             "driver_ranking_run_status" NOT NULL,
  "started_by_id"      UUID,
  "started_at"         TIMESTAMPTZ(3) NOT NULL,
  "finished_at"        TIMESTAMPTZ(3) NOT NULL,
  "scored_at"          TIMESTAMPTZ(3),
  "profiles_ranked"    INTEGER NOT NULL DEFAULT 0,
  "qualified_profiles" INTEGER NOT NULL DEFAULT 0,
  "drivers"            INTEGER NOT NULL DEFAULT 0,
  "cities"             INTEGER NOT NULL DEFAULT 0,
  "drivers_gained"     INTEGER NOT NULL DEFAULT 0,
  "drivers_lost"       INTEGER NOT NULL DEFAULT 0,
  "error"              TEXT,
  CONSTRAINT "driver_ranking_runs_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "driver_ranking_runs_config_id_fkey" FOREIGN KEY ("config_id") REFERENCES "driver_algorithm_configs"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "driver_ranking_runs_started_by_id_fkey" FOREIGN KEY ("started_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "driver_ranking_runs_started_at_idx" ON "driver_ranking_runs"("started_at");

CREATE TABLE "driver_profiles" (
  "profile_id"               UUID NOT NULL,
  "city"                     TEXT NOT NULL,
  "score"                    DOUBLE PRECISION NOT NULL,
  "coupon_collected_score"   DOUBLE PRECISION NOT NULL,
  "coupon_shared_score"      DOUBLE PRECISION NOT NULL,
  "coupon_redeemed_score"    DOUBLE PRECISION NOT NULL,
  "check_in_score"           DOUBLE PRECISION NOT NULL,
  "review_score"             DOUBLE PRECISION NOT NULL,
  "social_interaction_score" DOUBLE PRECISION NOT NULL,
  "score_30d"                DOUBLE PRECISION NOT NULL,
  "score_90d"                DOUBLE PRECISION NOT NULL,
  "activity_count"           INTEGER NOT NULL,
  "qualified"                BOOLEAN NOT NULL,
  "city_rank"                INTEGER NOT NULL,
  "city_size"                INTEGER NOT NULL,
  "percentile"               DOUBLE PRECISION NOT NULL,
  "is_driver"                BOOLEAN NOT NULL,
  "first_activity_at"        TIMESTAMPTZ(3),
  "last_activity_at"         TIMESTAMPTZ(3),
  "ranked_at"                TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "driver_profiles_pkey" PRIMARY KEY ("profile_id"),
  CONSTRAINT "driver_profiles_percentile_check" CHECK ("percentile" BETWEEN 0 AND 100),
  CONSTRAINT "driver_profiles_driver_qualified_check" CHECK (NOT "is_driver" OR "qualified"),
  CONSTRAINT "driver_profiles_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE
)
-- Every run rewrites every row. With room left in each page and no index on a column that changes,
-- those updates are HOT: no index entry is written, which is most of what an update costs.
WITH (fillfactor = 50);

CREATE TABLE "campaign_audience_estimates" (
  "campaign_id"  UUID NOT NULL,
  "rules"        JSONB NOT NULL,
  "total"        INTEGER NOT NULL,
  "drivers"      INTEGER NOT NULL,
  "details"      JSONB NOT NULL,
  "estimated_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "campaign_audience_estimates_pkey" PRIMARY KEY ("campaign_id"),
  CONSTRAINT "campaign_audience_estimates_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "campaign_targets" (
  "campaign_id"      UUID NOT NULL,
  "profile_id"       UUID NOT NULL,
  "matched_criteria" JSONB NOT NULL,
  "is_driver"        BOOLEAN NOT NULL,
  "created_at"       TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at"       TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "campaign_targets_pkey" PRIMARY KEY ("campaign_id", "profile_id"),
  CONSTRAINT "campaign_targets_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "campaign_targets_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "campaign_targets_profile_id_idx" ON "campaign_targets"("profile_id");
