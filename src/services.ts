import type { PrismaClient } from './generated/prisma/client';
import { IngestionService } from './modules/analytics/ingest';
import { LiveStats } from './modules/analytics/live';
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
}

export function createServices(prisma: PrismaClient, bus: EventBus): Services {
  const live = new LiveStats(prisma, bus);
  return {
    identity: new IdentityService(prisma),
    businesses: new BusinessService(prisma),
    campaigns: new CampaignService(prisma),
    ingestion: new IngestionService(prisma, live),
    live,
  };
}
