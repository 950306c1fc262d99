-- The durable outbox and job runner: anything that leaves the process is a job row written in the
-- same transaction as the change that causes it; servers lease due jobs with FOR UPDATE SKIP LOCKED.
-- Also: the system actor recorded in histories.

CREATE TYPE "job_state" AS ENUM ('PENDING', 'RUNNING', 'SUCCEEDED', 'DEAD');
CREATE TYPE "job_attempt_outcome" AS ENUM ('SUCCEEDED', 'FAILED', 'LEASE_EXPIRED');

CREATE TABLE "jobs" (
  "id"           UUID NOT NULL DEFAULT gen_random_uuid(),
  "kind"         TEXT NOT NULL,
  "key"          TEXT,
  "payload"      JSONB NOT NULL DEFAULT '{}',
  "state"        "job_state" NOT NULL DEFAULT 'PENDING',
  "run_at"       TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "attempts"     INTEGER NOT NULL DEFAULT 0,
  "max_attempts" INTEGER NOT NULL,
  "give_up_at"   TIMESTAMPTZ(3),
  "every_ms"     INTEGER,
  "lease_token"  UUID,
  "leased_by"    TEXT,
  "lease_until"  TIMESTAMPTZ(3),
  "last_error"   TEXT,
  "created_by"   TEXT NOT NULL,
  "created_at"   TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at"   TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "finished_at"  TIMESTAMPTZ(3),
  CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "jobs_kind_key_key" ON "jobs"("kind", "key");
CREATE INDEX "jobs_state_run_at_idx" ON "jobs"("state", "run_at");
CREATE INDEX "jobs_state_lease_until_idx" ON "jobs"("state", "lease_until");
CREATE INDEX "jobs_state_updated_at_idx" ON "jobs"("state", "updated_at");

CREATE TABLE "job_attempts" (
  "id"          UUID NOT NULL DEFAULT gen_random_uuid(),
  "job_id"      UUID NOT NULL,
  "attempt"     INTEGER NOT NULL,
  "server_id"   TEXT NOT NULL,
  "outcome"     "job_attempt_outcome" NOT NULL,
  "error"       TEXT,
  "started_at"  TIMESTAMPTZ(3) NOT NULL,
  "finished_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "job_attempts_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "job_attempts_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "job_attempts_job_id_attempt_idx" ON "job_attempts"("job_id", "attempt");

ALTER TABLE "campaign_transitions" ADD COLUMN "actor_system" TEXT;
ALTER TABLE "spend_entries" ADD COLUMN "actor_system" TEXT;
ALTER TABLE "driver_ranking_runs" ADD COLUMN "started_by_system" TEXT;
ALTER TABLE "driver_algorithm_configs" ADD COLUMN "created_by_system" TEXT;
