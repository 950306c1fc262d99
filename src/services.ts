import type { PrismaClient } from './generated/prisma/client';
import { IngestionService } from './modules/analytics/ingest';
import { LiveStats } from './modules/analytics/live';
import { DriverConfigService } from './modules/audiences/driver-config';
import { AudienceImportService } from './modules/audiences/import';
import { DriverRankingService } from './modules/audiences/ranking';
import { ReachService } from './modules/audiences/reach';
import { BusinessService } from './modules/businesses/service';
import { CampaignService } from './modules/campaigns/service';
import { IdentityService } from './modules/identity/service';
import type { EventBus } from './platform/pubsub';

export interface Services {
  identity: IdentityService;
  businesses: BusinessService;
  campaigns: CampaignService;
  ingestion: IngestionService;
  live: LiveStats;
  audienceImport: AudienceImportService;
  reach: ReachService;
  driverConfigs: DriverConfigService;
  driverRanking: DriverRankingService;
}

export function createServices(prisma: PrismaClient, bus: EventBus): Services {
  const live = new LiveStats(prisma, bus);
  const driverConfigs = new DriverConfigService(prisma);
  return {
    identity: new IdentityService(prisma),
    businesses: new BusinessService(prisma),
    campaigns: new CampaignService(prisma),
    ingestion: new IngestionService(prisma, live),
    live,
    audienceImport: new AudienceImportService(prisma),
    reach: new ReachService(prisma),
    driverConfigs,
    driverRanking: new DriverRankingService(prisma, driverConfigs),
  };
}
