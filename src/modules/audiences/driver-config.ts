import type { DriverAlgorithmConfig, Prisma, PrismaClient } from '../../generated/prisma/client';
import { NotFoundError } from '../../errors';
import { parseInput } from '../../validation';
import type { Access } from '../access/policy';
import { driverConfigSchema, weightColumns, type DriverConfigInput } from './driver-rules';

/** Any constant: config changes take this transaction lock, so versions and the active flag never race. */
const CONFIG_LOCK_KEY = 72_707_371;

export class DriverConfigService {
  constructor(private readonly prisma: PrismaClient) {}

  /** Versions are only ever added: a new version gets the next number, and is active when asked. */
  async create(access: Access, input: DriverConfigInput, activate: boolean): Promise<DriverAlgorithmConfig> {
    access.requireAdmin();
    const config = parseInput(driverConfigSchema, input);
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM pg_advisory_xact_lock(${CONFIG_LOCK_KEY}::bigint)`;
      const latest = await tx.driverAlgorithmConfig.aggregate({ _max: { version: true } });
      const created = await tx.driverAlgorithmConfig.create({
        data: {
          ...weightColumns(config.weights),
          version: (latest._max.version ?? 0) + 1,
          halfLifeDays: config.halfLifeDays,
          windowDays: config.windowDays,
          minActivities: config.minActivities,
          percentileThreshold: config.percentileThreshold,
          notes: config.notes ?? null,
          createdById: access.actor.actorId,
          createdBySystem: access.actor.actorSystem,
        },
      });
      return activate ? this.makeActive(tx, created.id) : created;
    });
  }

  /** Makes one version the active one; the next ranking run uses it. */
  async activate(access: Access, configId: string): Promise<DriverAlgorithmConfig> {
    access.requireAdmin();
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM pg_advisory_xact_lock(${CONFIG_LOCK_KEY}::bigint)`;
      const config = await tx.driverAlgorithmConfig.findUnique({ where: { id: configId } });
      if (!config) throw new NotFoundError('DriverAlgorithmConfig', configId);
      return config.isActive ? config : this.makeActive(tx, configId);
    });
  }

  /** The version ranking runs use now; the migration installs version 1, so there always is one. */
  async active(): Promise<DriverAlgorithmConfig> {
    return this.prisma.driverAlgorithmConfig.findFirstOrThrow({ where: { isActive: true } });
  }

  private async makeActive(tx: Prisma.TransactionClient, configId: string): Promise<DriverAlgorithmConfig> {
    await tx.driverAlgorithmConfig.updateMany({ where: { isActive: true }, data: { isActive: false } });
    return tx.driverAlgorithmConfig.update({ where: { id: configId }, data: { isActive: true, activatedAt: new Date() } });
  }
}
