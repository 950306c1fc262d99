import { PauseCampaignDocument, ResumeCampaignDocument, SubmitCampaignDocument, type CampaignAction, type CampaignRowFragment } from '../generated/graphql';
import { h } from './dom';
import { ACTION_LABELS } from './format';
import { errorMessage, type ViewContext } from './view';

/** The actions the dashboard offers as buttons; the server says which of them the campaign allows now. */
const OFFERED: CampaignAction[] = ['PAUSE', 'RESUME', 'SUBMIT'];

type Failure = { __typename: string; message: string };
type Outcome = { data: CampaignRowFragment } | Failure;

async function perform(context: ViewContext, action: CampaignAction, id: string): Promise<Outcome> {
  switch (action) {
    case 'PAUSE':
      return (await context.api.request(PauseCampaignDocument, { id })).pauseCampaign as Outcome;
    case 'RESUME':
      return (await context.api.request(ResumeCampaignDocument, { id })).resumeCampaign as Outcome;
    case 'SUBMIT':
      return (await context.api.request(SubmitCampaignDocument, { id })).submitCampaign as Outcome;
    default:
      throw new Error(`the dashboard does not offer ${action}`);
  }
}

/** Buttons for the lifecycle actions the campaign allows; a success hands the campaign as it is now to `onChanged`. */
export function lifecycleButtons(context: ViewContext, campaign: CampaignRowFragment, onChanged: (campaign: CampaignRowFragment) => void): HTMLElement {
  const allowed = OFFERED.filter((action) => campaign.allowedActions.includes(action));
  const group = h('div', { class: 'actions', role: 'group', 'aria-label': `Actions for ${campaign.name}` });
  if (allowed.length === 0) group.append(h('span', { class: 'muted' }, '—'));
  for (const action of allowed) {
    const button = h('button', { type: 'button', class: `button button-${action.toLowerCase()}`, 'data-action': action }, ACTION_LABELS[action] ?? action);
    button.addEventListener('click', async () => {
      for (const other of group.querySelectorAll('button')) other.disabled = true;
      button.setAttribute('aria-busy', 'true');
      try {
        const outcome = await perform(context, action, campaign.id);
        if ('data' in outcome) {
          context.announce(`${campaign.name}: ${ACTION_LABELS[action] ?? action} done.`);
          onChanged(outcome.data);
          return;
        }
        context.announce(`${campaign.name}: ${outcome.message}`, 'error');
      } catch (error) {
        context.announce(`${campaign.name}: ${errorMessage(error)}`, 'error');
      }
      for (const other of group.querySelectorAll('button')) other.disabled = false;
      button.removeAttribute('aria-busy');
    });
    group.append(button);
  }
  return group;
}
