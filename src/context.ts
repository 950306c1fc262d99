import type { PrismaClient } from './generated/prisma/client';
import type { Access } from './modules/access/policy';
import type { Viewer } from './modules/identity/viewer';
import type { Logger } from './platform/logger';
import type { Services } from './services';

/** What every resolver receives: who is calling, what they may reach, and the services. */
export interface Context {
  requestId: string;
  viewer: Viewer | null;
  access: Access;
  prisma: PrismaClient;
  services: Services;
  logger: Logger;
}
