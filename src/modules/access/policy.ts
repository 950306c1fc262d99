import type { CampaignStatus, Prisma, PrismaClient } from '../../generated/prisma/client';
import { ForbiddenError, NotFoundError } from '../../errors';
import type { Viewer } from '../identity/viewer';

export type AccessMode = 'read' | 'write';

/** Who a change is recorded as: a person, or the system actor with its reason. */
export interface ActorRecord {
  actorId: string | null;
  actorSystem: string | null;
}

/**
 * The one place that decides who reaches which business's data. Every query filters with
 * `businessWhere`/`campaignWhere` and every change goes through `require*`, so an invisible record
 * is simply "not found": callers cannot probe for other businesses' ids.
 *
 * A caller is a viewer (a person's or partner's bearer token) or the system actor,
 * `Access.system(reason)`: jobs, scripts and the demo. The system actor has an admin's reach and is
 * recorded in histories by its reason, never as a made-up user or token. An automation rule acts as
 * `Access.forRule(...)`: the system actor with the reason `rule <id>`, confined to the rule's business
 * and to what its owner may do there (never an admin's reach).
 */
export class Access {
  constructor(
    readonly viewer: Viewer | null,
    private readonly prisma: PrismaClient,
    /** Set only for the system actor. */
    readonly systemReason: string | null = null,
    /** A system actor confined to one business with its owner's rights (automation rules). */
    readonly ownerOfBusinessId: string | null = null,
  ) {}

  /** The system actor: for work no person asked for at this moment (jobs, scripts, the demo data). */
  static system(reason: string, prisma: PrismaClient): Access {
    if (reason.trim() === '') throw new Error('the system actor needs a reason');
    return new Access(null, prisma, reason);
  }

  /**
   * An automation rule: recorded as the system actor `rule <id>`, reaching only the rule's business
   * and acting there with its owner's rights, so a rule cannot do what the owner could not.
   */
  static forRule(ruleId: string, businessId: string, prisma: PrismaClient): Access {
    return new Access(null, prisma, `rule ${ruleId}`, businessId);
  }

  get isSystem(): boolean {
    return this.systemReason !== null;
  }

  /** Admins and the (unconfined) system actor reach everything. */
  get isAdmin(): boolean {
    return (this.isSystem && this.ownerOfBusinessId === null) || this.viewer?.role === 'ADMIN';
  }

  /** Business owners, and a system actor confined to a business, act with an owner's rights. */
  get actsAsOwner(): boolean {
    return this.viewer?.role === 'BUSINESS_OWNER' || this.ownerOfBusinessId !== null;
  }

  get isAuthenticated(): boolean {
    return this.viewer !== null || this.isSystem;
  }

  requireAuthenticated(): void {
    if (!this.isAuthenticated) throw new ForbiddenError('Sign in with a bearer token to do this');
  }

  /** For what only a person can do, or what is recorded as that person's (their tokens, their own businesses). */
  requireUser(): Viewer {
    if (!this.viewer) throw new ForbiddenError(this.isSystem ? 'This needs a person, not the system actor' : 'Sign in with a bearer token to do this');
    return this.viewer;
  }

  requireAdmin(): void {
    this.requireAuthenticated();
    if (!this.isAdmin) throw new ForbiddenError('Only an admin can do this');
  }

  /** How a change by this caller is recorded in a history. */
  get actor(): ActorRecord {
    return { actorId: this.viewer?.userId ?? null, actorSystem: this.systemReason };
  }

  /** The caller in one string, e.g. for the job that a change enqueues: a user id or `system:<reason>`. */
  get actorLabel(): string {
    return this.systemReason !== null ? `system:${this.systemReason}` : (this.viewer?.userId ?? 'anonymous');
  }

  /** The businesses this viewer may see. */
  businessWhere(): Prisma.BusinessWhereInput {
    if (this.ownerOfBusinessId !== null) return { id: this.ownerOfBusinessId };
    if (this.isSystem) return {};
    const viewer = this.viewer;
    if (!viewer) return { id: { in: [] } };
    switch (viewer.role) {
      case 'ADMIN':
        return {};
      case 'BUSINESS_OWNER':
        return { ownerId: viewer.userId };
      case 'PARTNER':
        return { partnerGrants: { some: { tokenId: viewer.tokenId } } };
    }
  }

  campaignWhere(): Prisma.CampaignWhereInput {
    return this.isAdmin ? {} : { business: this.businessWhere() };
  }

  /** Contact details, exact locations and personal scores of audience members: admins only. */
  get seesPersonalData(): boolean {
    return this.isAdmin;
  }

  /**
   * The audience members this viewer may see: admins all; everyone else only the targets of
   * campaigns they can see, never by any other path.
   */
  profileWhere(): Prisma.ProfileWhereInput {
    return this.isAdmin ? {} : { campaignTargets: { some: { campaign: this.campaignWhere() } } };
  }

  /** A city's Driver counts and aggregates: admins any city, others the cities of businesses they see. */
  async requireCityAggregates(city: string): Promise<void> {
    if (this.isAdmin) return;
    this.requireAuthenticated();
    const business = await this.prisma.business.findFirst({ where: { AND: [{ city }, this.businessWhere()] }, select: { id: true } });
    if (!business) throw new ForbiddenError(`Only admins and businesses in ${city} see its Driver figures`);
  }

  /** Admins and owners change what they can see; partners only ever read. */
  private assertWritable(mode: AccessMode): void {
    if (mode === 'write' && this.viewer?.role === 'PARTNER') throw new ForbiddenError('Partner keys are read-only');
  }

  async requireBusiness(businessId: string, mode: AccessMode): Promise<{ id: string; currency: string; timezone: string }> {
    const business = await this.prisma.business.findFirst({
      where: { AND: [{ id: businessId }, this.businessWhere()] },
      select: { id: true, currency: true, timezone: true },
    });
    if (!business) throw new NotFoundError('Business', businessId);
    this.assertWritable(mode);
    return business;
  }

  async requireCampaign(campaignId: string, mode: AccessMode): Promise<{ id: string; businessId: string; status: CampaignStatus }> {
    const campaign = await this.prisma.campaign.findFirst({
      where: { AND: [{ id: campaignId }, this.campaignWhere()] },
      select: { id: true, businessId: true, status: true },
    });
    if (!campaign) throw new NotFoundError('Campaign', campaignId);
    this.assertWritable(mode);
    return campaign;
  }
}
