import type { NamedStatement } from '../db';

/** Every statement of the job runner. Times come from the database's clock, so servers agree. */

/** Inserts a job; a repeated (kind, key) inserts nothing and returns the existing job's id. */
export const INSERT_JOB: NamedStatement = {
  name: 'jobs_insert',
  text: `
    WITH inserted AS (
      INSERT INTO jobs (kind, key, payload, run_at, max_attempts, give_up_at, created_by)
      VALUES ($1, $2, $3::jsonb, coalesce($4::timestamptz, now()), $5, now() + ($6::bigint * interval '1 millisecond'), $7)
      ON CONFLICT (kind, key) DO NOTHING
      RETURNING id
    )
    SELECT id::text AS id, true AS created FROM inserted
    UNION ALL
    SELECT id::text, false FROM jobs WHERE kind = $1 AND key = $2 AND NOT EXISTS (SELECT 1 FROM inserted)`,
};

/** Creates or updates a recurring job: one row per kind, leased like any other job. */
export const UPSERT_RECURRING: NamedStatement = {
  name: 'jobs_upsert_recurring',
  text: `
    INSERT INTO jobs (kind, key, payload, every_ms, max_attempts, created_by)
    VALUES ($1, 'recurring', '{}'::jsonb, $2, 2147483647, $3)
    ON CONFLICT (kind, key) DO UPDATE SET every_ms = excluded.every_ms,
      state = CASE WHEN jobs.state = 'DEAD' THEN 'PENDING'::job_state ELSE jobs.state END,
      run_at = CASE WHEN jobs.state = 'DEAD' THEN now() ELSE jobs.run_at END`,
};

/**
 * Leases up to $2 due jobs of the kinds this server handles: pending ones whose time has come, and
 * running ones whose lease ran out (their server died). SKIP LOCKED lets servers claim side by
 * side; a job another server is claiming right now is simply not seen.
 */
export const CLAIM_JOBS: NamedStatement = {
  name: 'jobs_claim',
  text: `
    WITH handled AS (
      SELECT * FROM unnest($1::text[], $4::bigint[]) AS h(kind, lease_ms)
    ), due AS (
      SELECT j.id, h.lease_ms, j.state AS was_state, j.leased_by AS was_leased_by, j.attempts AS was_attempts, j.updated_at AS was_started
      FROM jobs j JOIN handled h ON h.kind = j.kind
      WHERE (j.state = 'PENDING' AND j.run_at <= now()) OR (j.state = 'RUNNING' AND j.lease_until < now())
      ORDER BY j.run_at
      LIMIT $2
      FOR UPDATE OF j SKIP LOCKED
    ), abandoned AS (
      INSERT INTO job_attempts (job_id, attempt, server_id, outcome, error, started_at)
      SELECT id, was_attempts, coalesce(was_leased_by, 'unknown'), 'LEASE_EXPIRED', 'the server running it stopped renewing its lease', was_started
      FROM due WHERE was_state = 'RUNNING'
    )
    UPDATE jobs j SET state = 'RUNNING', attempts = j.attempts + 1, lease_token = gen_random_uuid(), leased_by = $3,
      lease_until = now() + (due.lease_ms * interval '1 millisecond'), updated_at = now(),
      last_error = CASE WHEN due.was_state = 'RUNNING' THEN 'the server running it stopped renewing its lease' ELSE j.last_error END
    FROM due WHERE j.id = due.id
    RETURNING j.id::text AS id, j.kind, j.key, j.payload, j.attempts, j.max_attempts, j.every_ms, j.lease_token::text AS lease_token,
              j.updated_at AS started_at, j.created_at, j.give_up_at`,
};

/** Extends a lease this server still holds; no row means it was lost. */
export const RENEW_LEASE: NamedStatement = {
  name: 'jobs_renew',
  text: `UPDATE jobs SET lease_until = now() + ($3::bigint * interval '1 millisecond')
         WHERE id = $1::uuid AND lease_token = $2::uuid AND state = 'RUNNING' RETURNING id`,
};

/** Finishes a successful run: a one-off job is done, a recurring one waits for its next time. */
export const SUCCEED_JOB: NamedStatement = {
  name: 'jobs_succeed',
  text: `
    WITH finished AS (
      UPDATE jobs SET
        state = CASE WHEN every_ms IS NULL THEN 'SUCCEEDED'::job_state ELSE 'PENDING'::job_state END,
        run_at = CASE WHEN every_ms IS NULL THEN run_at ELSE greatest(now(), run_at + every_ms * interval '1 millisecond') END,
        attempts = CASE WHEN every_ms IS NULL THEN attempts ELSE 0 END,
        finished_at = now(), updated_at = now(), lease_token = NULL, leased_by = NULL, lease_until = NULL,
        last_error = CASE WHEN every_ms IS NULL THEN last_error END
      WHERE id = $1::uuid AND lease_token = $2::uuid AND state = 'RUNNING'
      RETURNING id, attempts, every_ms
    )
    INSERT INTO job_attempts (job_id, attempt, server_id, outcome, started_at)
    SELECT id, $4, $3, 'SUCCEEDED', $5::timestamptz FROM finished WHERE every_ms IS NULL
    RETURNING job_id`,
};

/**
 * Records a failed run: the job is retried at $6 (the backoff, computed by the runner), or dead
 * when $7 says so. A recurring job is never dead: it runs again at its next time.
 */
export const FAIL_JOB: NamedStatement = {
  name: 'jobs_fail',
  text: `
    WITH failed AS (
      UPDATE jobs SET
        state = CASE WHEN $7 AND every_ms IS NULL THEN 'DEAD'::job_state ELSE 'PENDING'::job_state END,
        run_at = CASE WHEN every_ms IS NULL THEN now() + ($6::bigint * interval '1 millisecond')
                      ELSE greatest(now(), run_at + every_ms * interval '1 millisecond') END,
        finished_at = CASE WHEN $7 AND every_ms IS NULL THEN now() END,
        last_error = $4, updated_at = now(), lease_token = NULL, leased_by = NULL, lease_until = NULL
      WHERE id = $1::uuid AND lease_token = $2::uuid AND state = 'RUNNING'
      RETURNING id, state
    )
    INSERT INTO job_attempts (job_id, attempt, server_id, outcome, error, started_at)
    SELECT id, $5, $3, 'FAILED', $4, $8::timestamptz FROM failed
    RETURNING job_id`,
};

/** Gives a dead job a fresh set of attempts, due now. */
export const RETRY_DEAD_JOB: NamedStatement = {
  name: 'jobs_retry_dead',
  text: `UPDATE jobs SET state = 'PENDING', attempts = 0, run_at = now(), finished_at = NULL, updated_at = now(),
           give_up_at = CASE WHEN give_up_at IS NULL THEN NULL ELSE now() + (give_up_at - created_at) END
         WHERE id = $1::uuid AND state = 'DEAD' RETURNING id::text AS id`,
};

/** Forgets finished one-off jobs older than the retention: their effects are kept where they belong. */
export const DELETE_FINISHED: NamedStatement = {
  name: 'jobs_delete_finished',
  text: `DELETE FROM jobs WHERE state = 'SUCCEEDED' AND finished_at < now() - ($1::bigint * interval '1 millisecond')`,
};
