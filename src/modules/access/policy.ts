import type { CampaignStatus, Prisma, PrismaClient } from '../../generated/prisma/client';
import { ForbiddenError, NotFoundError } from '../../errors';
import type { Viewer } from '../identity/viewer';

export type AccessMode = 'read' | 'write';

/**
 * The one place that decides who reaches which business's data. Every query filters with
 * `businessWhere`/`campaignWhere` and every change goes through `require*`, so an invisible record
 * is simply "not found": callers cannot probe for other businesses' ids.
 */
export class Access {
  constructor(
    readonly viewer: Viewer | null,
    private readonly prisma: PrismaClient,
  ) {}

  get isAdmin(): boolean {
    return this.viewer?.role === 'ADMIN';
  }

  get isAuthenticated(): boolean {
    return this.viewer !== null;
  }

  requireAuthenticated(): Viewer {
    if (!this.viewer) throw new ForbiddenError('Sign in with a bearer token to do this');
    return this.viewer;
  }

  requireAdmin(): Viewer {
    const viewer = this.requireAuthenticated();
    if (viewer.role !== 'ADMIN') throw new ForbiddenError('Only an admin can do this');
    return viewer;
  }

  /** The businesses this viewer may see. */
  businessWhere(): Prisma.BusinessWhereInput {
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
