import type { Job, PrismaClient } from '../../generated/prisma/client';
import { NotFoundError, ValidationError } from '../../errors';
import type { JobRunner } from '../../platform/jobs/runner';
import type { Access } from '../access/policy';

/** What admins see of and do to the outbox. */
export class JobAdminService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly runner: JobRunner,
  ) {}

  /** A dead job gets a fresh set of attempts, due now. */
  async retry(access: Access, jobId: string): Promise<Job> {
    access.requireAdmin();
    const job = await this.prisma.job.findUnique({ where: { id: jobId }, select: { state: true } });
    if (!job) throw new NotFoundError('Job', jobId);
    if (job.state !== 'DEAD' || !(await this.runner.retryDead(jobId))) {
      throw ValidationError.single(['id'], `is ${job.state}; only a DEAD job can be retried`);
    }
    return this.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
  }
}
