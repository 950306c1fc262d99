import { ApprovalQueueDocument, ApproveCampaignDocument, RejectCampaignDocument, type ApprovalQueueQuery } from '../../generated/graphql';
import { h, notice, replaceChildren } from '../dom';
import { dateTime, money } from '../format';
import { errorMessage, type View, type ViewContext } from '../view';

type Pending = ApprovalQueueQuery['approvalQueue']['edges'][number]['node'];

/** Admins: campaigns waiting for approval, oldest submission first, with approve and reject. */
export function approvalsView(context: ViewContext): View {
  const list = h('div', {}, notice('loading', 'Loading the approval queue…'));
  const root = h('div', { class: 'view approvals' }, h('h1', {}, 'Approval queue'), list);
  let disposed = false;

  const decide = async (campaign: Pending, item: HTMLElement, decision: 'approve' | 'reject', reason: string) => {
    for (const control of item.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input')) control.disabled = true;
    try {
      const outcome =
        decision === 'approve'
          ? (await context.api.request(ApproveCampaignDocument, { id: campaign.id })).approveCampaign
          : (await context.api.request(RejectCampaignDocument, { id: campaign.id, reason })).rejectCampaign;
      if ('data' in outcome) {
        context.announce(`${campaign.name} ${decision === 'approve' ? 'approved' : 'rejected'}.`);
        await load();
        return;
      }
      context.announce(`${campaign.name}: ${outcome.message}`, 'error');
    } catch (error) {
      context.announce(`${campaign.name}: ${errorMessage(error)}`, 'error');
    }
    for (const control of item.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input')) control.disabled = false;
  };

  const render = (campaigns: Pending[]) => {
    if (campaigns.length === 0) {
      replaceChildren(list, notice('empty', 'Nothing to review', 'Campaigns that owners submit appear here, oldest first.'));
      return;
    }
    replaceChildren(
      list,
      h(
        'ol',
        { class: 'queue' },
        ...campaigns.map((campaign) => {
          const reasonId = `reason-${campaign.id}`;
          const reason = h('input', { id: reasonId, name: 'reason', type: 'text', maxlength: 500, placeholder: 'What needs to change' });
          const item = h(
            'li',
            { class: 'panel queue-item', 'data-campaign-id': campaign.id },
            h('h2', {}, campaign.name),
            h(
              'p',
              { class: 'muted' },
              `${campaign.business.name} · ${campaign.objective.toLowerCase().replace('_', ' ')} · ${campaign.channels.join(', ')} · `,
              `${dateTime(campaign.startsAt)} – ${campaign.endsAt ? dateTime(campaign.endsAt) : 'open-ended'} · `,
              campaign.budget ? `budget ${money(campaign.budget.total.amountCents, campaign.budget.total.currency)}` : 'no budget',
              ` · submitted ${dateTime(campaign.submittedAt)}`,
            ),
            h(
              'form',
              { class: 'queue-actions' },
              h('button', { type: 'button', class: 'button button-approve', onclick: () => void decide(campaign, item, 'approve', '') }, 'Approve'),
              h('label', { for: reasonId }, 'Reason to reject'),
              reason,
              h('button', { type: 'submit', class: 'button button-reject' }, 'Reject'),
            ),
          );
          item.querySelector('form')!.addEventListener('submit', (event) => {
            event.preventDefault();
            if (!reason.value.trim()) {
              reason.setAttribute('aria-invalid', 'true');
              context.announce('Say why the campaign is rejected: the owner sees the reason.', 'error');
              reason.focus();
              return;
            }
            void decide(campaign, item, 'reject', reason.value.trim());
          });
          return item;
        }),
      ),
    );
  };

  const load = async () => {
    try {
      const result = await context.api.request(ApprovalQueueDocument, {});
      if (!disposed) render(result.approvalQueue.edges.map((edge) => edge.node));
    } catch (error) {
      replaceChildren(list, notice('error', 'The approval queue could not be loaded', errorMessage(error)));
    }
  };
  void load();
  return {
    element: root,
    dispose: () => {
      disposed = true;
    },
  };
}
