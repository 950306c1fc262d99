import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import type { CampaignStatus } from '../../generated/prisma/enums';
import type { LifecycleEvents, LifecycleMessage } from './events';
import { TRANSITIONS } from './lifecycle';

/** How the sweep is recorded in campaign histories: the system actor with this reason. */
const SWEEP_ACTOR = 'lifecycle sweep';

interface SweptRow {
  campaign_id: string;
  business_id: string;
  from_status: CampaignStatus;
  to_status: CampaignStatus;
  reason: string;
  created_at: Date;
}

/**
 * Launches campaigns whose start date has come and completes those whose end date has passed.
 * Every server runs it; PostgreSQL makes each step happen once: each sweep is one statement that
 * locks the due rows with FOR UPDATE SKIP LOCKED, so a row another server (or a person) holds is
 * left to the next sweep, and a row already moved no longer matches. The state lives in the
 * database, so a restart loses nothing: the next sweep after start catches up.
 */
export class LifecycleSweeper {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly lifecycle: LifecycleEvents,
  ) {}

  /** One sweep: returns the steps it made (already committed and published). */
  async sweep(): Promise<LifecycleMessage[]> {
    // The database's clock decides what is due, so servers with drifting clocks agree.
    const launched = await this.step(['SCHEDULED'], TRANSITIONS.ACTIVATE.to, Prisma.sql`starts_at <= now()`, 'start date reached');
    const completed = await this.step(TRANSITIONS.COMPLETE.from, TRANSITIONS.COMPLETE.to, Prisma.sql`ends_at <= now()`, 'end date passed');
    const messages = [...launched, ...completed];
    this.lifecycle.publish(messages);
    return messages;
  }

  private async step(from: readonly CampaignStatus[], to: CampaignStatus, due: Prisma.Sql, reason: string): Promise<LifecycleMessage[]> {
    const rows = await this.prisma.$queryRaw<SweptRow[]>(Prisma.sql`
      WITH due AS (
        SELECT id, status FROM campaigns
        WHERE status = ANY(${[...from]}::text[]::campaign_status[]) AND ${due}
        ORDER BY id
        FOR UPDATE SKIP LOCKED
      ), moved AS (
        UPDATE campaigns c SET status = ${to}::campaign_status, status_reason = ${reason}, updated_at = now()
        FROM due WHERE c.id = due.id
        RETURNING c.id, c.business_id, due.status AS from_status
      ), logged AS (
        INSERT INTO campaign_transitions (campaign_id, from_status, to_status, reason, actor_system)
        SELECT id, from_status, ${to}::campaign_status, ${reason}, ${SWEEP_ACTOR} FROM moved
        RETURNING campaign_id, to_status, reason, created_at
      )
      SELECT moved.id AS campaign_id, moved.business_id, moved.from_status, logged.to_status, logged.reason, logged.created_at
      FROM moved JOIN logged ON logged.campaign_id = moved.id`);
    return rows.map((row) => ({
      campaignId: row.campaign_id,
      businessId: row.business_id,
      fromStatus: row.from_status,
      toStatus: row.to_status,
      reason: row.reason,
      actorId: null,
      actorSystem: SWEEP_ACTOR,
      at: row.created_at.toISOString(),
    }));
  }
}
