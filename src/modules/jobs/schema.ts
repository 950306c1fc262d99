import { JobAttemptOutcome, JobState } from '../../generated/prisma/enums';
import { builder } from '../../schema/builder';
import { checkPageSize } from '../../schema/connections';
import { standardErrors } from '../../schema/errors';

const JobStateEnum = builder.enumType(JobState, {
  name: 'JobState',
  description: 'PENDING waits for its time (a first run or a retry), RUNNING is leased by a server, SUCCEEDED is done, DEAD failed its last attempt.',
});
const JobAttemptOutcomeEnum = builder.enumType(JobAttemptOutcome, {
  name: 'JobAttemptOutcome',
  description: 'LEASE_EXPIRED: the server running the attempt stopped (crashed) and another took the job over.',
});

builder.prismaObject('JobAttempt', {
  select: { id: true },
  description: 'One attempt of a job.',
  fields: (t) => ({
    attempt: t.exposeInt('attempt'),
    serverId: t.exposeString('serverId', { description: 'The server that ran it.' }),
    outcome: t.expose('outcome', { type: JobAttemptOutcomeEnum }),
    error: t.exposeString('error', { nullable: true }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime' }),
  }),
});

export const JobRef = builder.prismaNode('Job', {
  id: { field: 'id' },
  select: { id: true },
  description: 'Work in the durable outbox (a delivery, a message to send) or a scheduled job, with its attempts.',
  // Jobs are the admins' alone, also through node(id).
  authScopes: { admin: true },
  fields: (t) => ({
    kind: t.exposeString('kind'),
    key: t.exposeString('key', { nullable: true, description: 'Makes enqueueing idempotent: one job per kind and key.' }),
    payload: t.expose('payload', { type: 'JSON' }),
    state: t.expose('state', { type: JobStateEnum }),
    runAt: t.expose('runAt', { type: 'DateTime', description: 'When it runs next (or ran last).' }),
    attempts: t.exposeInt('attempts'),
    maxAttempts: t.exposeInt('maxAttempts'),
    giveUpAt: t.expose('giveUpAt', { type: 'DateTime', nullable: true }),
    recurringEveryMs: t.exposeInt('everyMs', { nullable: true, description: 'Set for a scheduled job, which runs again this long after each run.' }),
    leasedBy: t.exposeString('leasedBy', { nullable: true }),
    lastError: t.exposeString('lastError', { nullable: true }),
    createdBy: t.exposeString('createdBy', { description: 'A user id, or system:<reason>.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    history: t.relation('history', {
      description: 'Attempts, oldest first (an admin retry starts counting again at 1).',
      query: { orderBy: [{ finishedAt: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

builder.queryFields((t) => ({
  jobs: t.prismaConnection(
    {
      type: 'Job',
      cursor: 'id',
      description: 'Admins only: jobs in the outbox, most recently changed first, optionally of one state and kind.',
      args: { state: t.arg({ type: JobStateEnum, required: false }), kind: t.arg.string({ required: false }) },
      resolve: (query, _root, { state, kind, ...args }, context) => {
        context.access.requireAdmin();
        checkPageSize(args);
        return context.prisma.job.findMany({
          ...query,
          where: { state: state ?? undefined, kind: kind ?? undefined },
          orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
        });
      },
    },
    {},
  ),
}));

builder.mutationFields((t) => ({
  retryJob: t.prismaField({
    type: 'Job',
    description: 'Admins only: gives a DEAD job a fresh set of attempts, due now.',
    errors: { types: standardErrors },
    args: { id: t.arg.globalID({ for: JobRef }) },
    resolve: (_query, _root, { id }, context) => context.services.jobAdmin.retry(context.access, id.id),
  }),
}));
