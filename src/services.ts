import type { Database } from './platform/db';
import { IngestionService } from './modules/analytics/ingest';
import { LiveStats } from './modules/analytics/live';
import { ReportService } from './modules/analytics/reports';
import { DriverConfigService } from './modules/audiences/driver-config';
import { AudienceImportService } from './modules/audiences/import';
import { DriverRankingService } from './modules/audiences/ranking';
import { ReachService } from './modules/audiences/reach';
import { BudgetService } from './modules/budgets/service';
import { BusinessService } from './modules/businesses/service';
import { LifecycleEvents } from './modules/campaigns/events';
import { LifecycleSweeper } from './modules/campaigns/sweeper';
import { CampaignService } from './modules/campaigns/service';
import { IdentityService, ViewerResolver } from './modules/identity/service';
import { JobAdminService } from './modules/jobs/service';
import { RuleEngine } from './modules/automation/engine';
import { RuleService } from './modules/automation/service';
import { JobRunner } from './platform/jobs/runner';
import type { Logger } from './platform/logger';
import type { EventBus } from './platform/pubsub';
import { ServingCatalog } from './modules/serving/catalog';
import type { FrequencyCapStore } from './modules/serving/frequency-caps';
import { ServingService } from './modules/serving/service';
import { TrackingTokens } from './modules/serving/tracking-token';

export interface Services {
  viewers: ViewerResolver;
  identity: IdentityService;
  businesses: BusinessService;
  campaigns: CampaignService;
  budgets: BudgetService;
  lifecycle: LifecycleEvents;
  sweeper: LifecycleSweeper;
  ingestion: IngestionService;
  live: LiveStats;
  reports: ReportService;
  audienceImport: AudienceImportService;
  reach: ReachService;
  driverConfigs: DriverConfigService;
  driverRanking: DriverRankingService;
  /** The durable outbox: modules define job kinds and enqueue jobs in their transactions. */
  jobs: JobRunner;
  jobAdmin: JobAdminService;
  servingCatalog: ServingCatalog;
  serving: ServingService;
  /** Automation rules: evaluated after every committed change this server publishes, and on a schedule. */
  ruleEngine: RuleEngine;
  rules: RuleService;
}

export interface ServiceOptions {
  /** Live updates of one campaign or dashboard are pushed at most this often. */
  liveCoalesceMs: number;
  logger: Logger;
  jobPollMs?: number;
  jobConcurrency?: number;
  serving: { caps: FrequencyCapStore; secret: string; refreshMs: number };
  /** Changes of one campaign arriving within this are evaluated by the rules together. */
  ruleCoalesceMs?: number;
}

export function createServices(db: Database, bus: EventBus, options: ServiceOptions): Services {
  const prisma = db.prisma;
  const live = new LiveStats(prisma, bus, options.liveCoalesceMs, options.logger);
  const lifecycle = new LifecycleEvents(bus);
  const budgets = new BudgetService(prisma, bus, lifecycle);
  const driverConfigs = new DriverConfigService(prisma);
  const viewers = new ViewerResolver(prisma);
  const campaigns = new CampaignService(prisma, lifecycle);
  const ruleEngine = new RuleEngine(db, bus, campaigns, budgets, lifecycle, options.logger, { coalesceMs: options.ruleCoalesceMs ?? 100 });
  const jobs = new JobRunner(db, { logger: options.logger, pollMs: options.jobPollMs, concurrency: options.jobConcurrency });
  const ingestion = new IngestionService(db, live, budgets);
  const servingCatalog = new ServingCatalog(db, options.serving.refreshMs, options.logger);
  lifecycle.observe(() => servingCatalog.invalidate());
  return {
    viewers,
    identity: new IdentityService(prisma, viewers),
    businesses: new BusinessService(prisma),
    campaigns,
    budgets,
    lifecycle,
    sweeper: new LifecycleSweeper(prisma, lifecycle),
    ingestion,
    live,
    reports: new ReportService(prisma, live),
    audienceImport: new AudienceImportService(prisma),
    reach: new ReachService(prisma),
    driverConfigs,
    driverRanking: new DriverRankingService(prisma, driverConfigs),
    jobs,
    jobAdmin: new JobAdminService(prisma, jobs),
    servingCatalog,
    serving: new ServingService({ db, catalog: servingCatalog, caps: options.serving.caps, tokens: new TrackingTokens(options.serving.secret), ingestion }),
    ruleEngine,
    rules: new RuleService(prisma, ruleEngine, bus),
  };
}
