import {
  CampaignDetailDocument,
  LiveCampaignStatsDocument,
  type BreakdownFragment,
  type CampaignDetailQuery,
  type CampaignRowFragment,
  type LiveStatsFragment,
} from '../../generated/graphql';
import { trendChart } from '../chart';
import { h, notice, replaceChildren, setLiveText } from '../dom';
import { count, dateTime, delivery, money, percent, ratio, statusLabel } from '../format';
import { lifecycleButtons } from '../lifecycle';
import { errorMessage, throttle, type View, type ViewContext } from '../view';
import { RANGES } from './overview';

type Detail = NonNullable<CampaignDetailQuery['campaign']>;

const COUNTERS: { label: string; value: (s: LiveStatsFragment, currency: string) => string }[] = [
  { label: 'Impressions', value: (s) => count(s.impressions) },
  { label: 'Viewable', value: (s) => count(s.viewableImpressions) },
  { label: 'Reach', value: (s) => count(s.reach) },
  { label: 'Clicks', value: (s) => count(s.clicks) },
  { label: 'CTR', value: (s) => percent(s.ctr) },
  { label: 'Conversions', value: (s) => count(s.conversions) },
  { label: 'CVR', value: (s) => percent(s.cvr) },
  { label: 'Spend', value: (s, c) => money(s.spendCents, c) },
  { label: 'Revenue', value: (s, c) => money(s.revenueCents, c) },
  { label: 'ROAS', value: (s) => ratio(s.roas) },
  { label: 'CPC', value: (s, c) => (s.cpcCents === null ? '—' : money(Math.round(s.cpcCents), c)) },
  { label: 'CPA', value: (s, c) => (s.cpaCents === null ? '—' : money(Math.round(s.cpaCents), c)) },
];

/** The funnel's steps and rates are those of `Campaign.funnel`: the same counters and rates the live stats carry. */
function funnelSteps(stats: LiveStatsFragment): { stage: string; count: number; rate: number | null; rateLabel: string }[] {
  return [
    { stage: 'Impressions', count: stats.impressions, rate: null, rateLabel: '' },
    { stage: 'Viewable impressions', count: stats.viewableImpressions, rate: stats.viewability, rateLabel: 'viewability' },
    { stage: 'Clicks', count: stats.clicks, rate: stats.ctr, rateLabel: 'CTR' },
    { stage: 'Conversions', count: stats.conversions, rate: stats.cvr, rateLabel: 'CVR' },
  ];
}

function breakdownTable(title: string, rows: BreakdownFragment[], currency: string): HTMLElement {
  if (rows.length === 0) return h('div', { class: 'breakdown' }, h('h3', {}, title), h('p', { class: 'muted' }, 'No events yet.'));
  return h(
    'div',
    { class: 'breakdown' },
    h('h3', {}, title),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['', 'Impressions', 'Clicks', 'CTR', 'Conversions', 'Revenue'].map((label, i) => h('th', { scope: 'col', class: i ? 'num' : '' }, label)),
          ),
        ),
        h(
          'tbody',
          {},
          ...rows.map((row) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, row.value ?? 'not given'),
              h('td', { class: 'num' }, count(row.metrics.impressions)),
              h('td', { class: 'num' }, count(row.metrics.clicks)),
              h('td', { class: 'num' }, percent(row.metrics.ctr)),
              h('td', { class: 'num' }, count(row.metrics.conversions)),
              h('td', { class: 'num' }, money(row.metrics.revenueCents, currency)),
            ),
          ),
        ),
      ),
    ),
  );
}

export function campaignView(context: ViewContext, campaignId: string): View {
  const disposers: (() => void)[] = [];
  let disposed = false;
  const root = h('div', { class: 'view campaign' }, notice('loading', 'Loading the campaign…'));
  const rangeSelect = h('select', { id: 'campaign-range', name: 'range' }, ...RANGES.map((range) => h('option', { value: range.id }, range.label)));
  const chart = trendChart('Impressions, clicks and spend of this campaign');
  const chartState = h('div', { class: 'chart-state' });
  disposers.push(() => chart.destroy());

  let campaign: Detail | undefined;
  let stats: LiveStatsFragment | undefined;
  const counterCells = new Map<string, HTMLElement>();
  const funnel = h('ol', { class: 'funnel' });
  const header = h('div', { class: 'campaign-head' });
  const budgetHost = h('div');
  const breakdowns = h('div', { class: 'breakdowns' });
  const ledger = h('div');
  const history = h('div');

  const renderHeader = () => {
    if (!campaign || !stats) return;
    const row: CampaignRowFragment = { ...campaign, stats };
    const left = campaign.budget ? campaign.budget.total.amountCents - stats.spendCents : null;
    replaceChildren(
      header,
      h('p', { class: 'breadcrumb' }, h('a', { href: '#/' }, `← ${campaign.business.name}`)),
      h('h1', {}, campaign.name),
      h(
        'p',
        { class: 'campaign-meta' },
        h('span', { class: `badge badge-${campaign.status.toLowerCase()}`, 'data-testid': 'campaign-status' }, statusLabel(campaign.status)),
        ` ${delivery(campaign.status, campaign.startsAt, left, stats.impressions > 0 ? stats.updatedAt : null)} · ${campaign.objective.toLowerCase().replace('_', ' ')} · `,
        `${dateTime(campaign.startsAt)} – ${campaign.endsAt ? dateTime(campaign.endsAt) : 'open-ended'} · ${campaign.channels.join(', ')}`,
      ),
      campaign.statusReason ? h('p', { class: 'muted' }, campaign.statusReason) : null,
      lifecycleButtons(context, row, (changed) => {
        if (!campaign) return;
        campaign = { ...campaign, ...changed, budget: campaign.budget, stats: stats ?? changed.stats };
        renderHeader();
        detailRefresh.schedule();
      }),
    );
  };

  const renderCounters = () => {
    if (!campaign || !stats) return;
    for (const counter of COUNTERS) setLiveText(counterCells.get(counter.label)!, counter.value(stats, campaign.business.currency));
    const steps = funnelSteps(stats);
    const top = Math.max(1, steps[0]!.count);
    replaceChildren(
      funnel,
      ...steps.map((step) =>
        h(
          'li',
          { class: 'funnel-step', 'data-stage': step.stage },
          h('span', { class: 'funnel-label' }, step.stage),
          h('span', { class: 'funnel-track' }, h('span', { class: 'funnel-bar', 'data-share': (step.count / top).toFixed(3) })),
          h('span', { class: 'funnel-count' }, count(step.count)),
          h('span', { class: 'funnel-rate muted' }, step.rateLabel ? `${step.rateLabel} ${percent(step.rate)}` : ''),
        ),
      ),
    );
    for (const bar of funnel.querySelectorAll<HTMLElement>('.funnel-bar')) bar.style.width = `${Number(bar.dataset.share) * 100}%`;
  };

  const renderBudget = () => {
    if (!campaign) return;
    const budget = campaign.budget;
    const currency = campaign.business.currency;
    if (!budget) {
      replaceChildren(budgetHost, notice('empty', 'No budget yet', 'Set one with setCampaignBudget: a campaign needs a budget before it can be submitted.'));
      return;
    }
    const spent = stats?.spendCents ?? budget.spent.amountCents;
    replaceChildren(
      budgetHost,
      h(
        'p',
        {},
        `${money(spent, currency)} spent of ${money(budget.total.amountCents, currency)} · ${money(budget.total.amountCents - spent, currency)} left`,
        budget.dailyCap ? ` · today ${money(budget.spentToday.amountCents, currency)} of a ${money(budget.dailyCap.amountCents, currency)} daily cap` : '',
      ),
      budget.allocations.length
        ? h(
            'table',
            {},
            h(
              'thead',
              {},
              h('tr', {}, ...['Channel', 'Allocated', 'Spent', 'Left'].map((label, i) => h('th', { scope: 'col', class: i ? 'num' : '' }, label))),
            ),
            h(
              'tbody',
              {},
              ...budget.allocations.map((allocation) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, allocation.channel),
                  h('td', { class: 'num' }, money(allocation.allocated.amountCents, currency)),
                  h('td', { class: 'num' }, money(allocation.spent.amountCents, currency)),
                  h('td', { class: 'num' }, money(allocation.remaining.amountCents, currency)),
                ),
              ),
            ),
          )
        : null,
      budget.alerts.length
        ? h(
            'ul',
            { class: 'alerts' },
            ...budget.alerts.map((alert) => h('li', { class: 'alert' }, `${alert.thresholdPercent}% reached ${dateTime(alert.raisedAt)}`)),
          )
        : null,
    );
  };

  const renderRest = () => {
    if (!campaign) return;
    const currency = campaign.business.currency;
    replaceChildren(
      breakdowns,
      breakdownTable('By channel', campaign.byChannel, currency),
      breakdownTable('By placement', campaign.byPlacement, currency),
      breakdownTable('By age range', campaign.byAgeRange, currency),
    );
    const entries = campaign.spendLedger.edges.map((edge) => edge.node);
    replaceChildren(
      ledger,
      entries.length === 0
        ? h('p', { class: 'muted' }, 'Nothing spent yet.')
        : h(
            'div',
            { class: 'table-scroll' },
            h(
              'table',
              { class: 'ledger' },
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  ...['When', 'Amount', 'Channel', 'Reason', 'By'].map((label) => h('th', { scope: 'col', class: label === 'Amount' ? 'num' : '' }, label)),
                ),
              ),
              h(
                'tbody',
                {},
                ...entries.map((entry) =>
                  h(
                    'tr',
                    {},
                    h('td', {}, dateTime(entry.at)),
                    h('td', { class: 'num' }, money(entry.amount.amountCents, entry.amount.currency)),
                    h('td', {}, entry.channel ?? 'unallocated'),
                    h('td', {}, entry.reason),
                    h('td', {}, entry.actor?.name ?? entry.systemActor ?? '—'),
                  ),
                ),
              ),
            ),
          ),
      campaign.spendLedger.totalCount > entries.length
        ? h('p', { class: 'muted' }, `The ${entries.length} latest of ${campaign.spendLedger.totalCount} entries.`)
        : null,
    );
    replaceChildren(
      history,
      h(
        'ol',
        { class: 'history' },
        ...[...campaign.history]
          .reverse()
          .map((step) =>
            h(
              'li',
              {},
              h('time', { datetime: step.at }, dateTime(step.at)),
              ` ${statusLabel(step.fromStatus)} → ${statusLabel(step.toStatus)}`,
              ` by ${step.actor?.name ?? step.systemActor ?? 'the server'}`,
              step.reason ? h('span', { class: 'muted' }, ` — ${step.reason}`) : null,
            ),
          ),
      ),
    );
    const trend = campaign.trends;
    if (trend.__typename === 'CampaignTrendsSuccess') {
      const empty = trend.data.points.every((point) => point.metrics.impressions === 0 && point.metrics.clicks === 0);
      replaceChildren(chartState, empty ? notice('empty', 'No events in this range') : null);
      chart.update(trend.data);
    } else {
      replaceChildren(chartState, notice('error', 'The trend could not be loaded', trend.message));
    }
  };

  const fetchDetail = async () => {
    const range = RANGES.find((candidate) => candidate.id === rangeSelect.value) ?? RANGES[0]!;
    const now = Date.now();
    const result = await context.api.request(CampaignDetailDocument, {
      id: campaignId,
      period: range.period,
      from: new Date(now - range.hours * 3_600_000).toISOString(),
      to: new Date(now).toISOString(),
    });
    return result.campaign;
  };

  // Breakdowns, ledger, history and the trend are read again a few seconds after the counters move.
  const detailRefresh = throttle(5_000, async () => {
    try {
      const fresh = await fetchDetail();
      if (!fresh || disposed) return;
      campaign = { ...fresh, stats: stats && stats.sequence > fresh.stats.sequence ? stats : fresh.stats };
      renderHeader();
      renderBudget();
      renderRest();
    } catch (error) {
      context.announce(`The campaign could not be refreshed: ${errorMessage(error)}`, 'error');
    }
  });
  disposers.push(() => detailRefresh.cancel());
  rangeSelect.addEventListener('change', () => detailRefresh.schedule());

  const load = async () => {
    try {
      campaign = (await fetchDetail()) ?? undefined;
    } catch (error) {
      replaceChildren(root, notice('error', 'The campaign could not be loaded', errorMessage(error)));
      return;
    }
    if (disposed) return;
    if (!campaign) {
      replaceChildren(
        root,
        notice('empty', 'No such campaign', 'It does not exist, or it belongs to a business you cannot see.', h('a', { href: '#/' }, 'Back to the overview')),
      );
      return;
    }
    stats = campaign.stats;
    const counters = h(
      'div',
      { class: 'cards counters' },
      ...COUNTERS.map((counter) => {
        const value = h('p', { class: 'card-value' });
        counterCells.set(counter.label, value);
        return h('div', { class: 'card', 'data-metric': counter.label }, h('p', { class: 'card-label' }, counter.label), value);
      }),
    );
    replaceChildren(
      root,
      header,
      h('section', { class: 'panel', 'aria-labelledby': 'live-heading' }, h('h2', { id: 'live-heading' }, 'Live counters'), counters),
      h(
        'div',
        { class: 'columns' },
        h('section', { class: 'panel', 'aria-labelledby': 'funnel-heading' }, h('h2', { id: 'funnel-heading' }, 'Funnel'), funnel),
        h('section', { class: 'panel', 'aria-labelledby': 'budget-heading' }, h('h2', { id: 'budget-heading' }, 'Budget'), budgetHost),
      ),
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'ctrend-heading' },
        h('div', { class: 'panel-head' }, h('h2', { id: 'ctrend-heading' }, 'Trend'), h('label', { for: 'campaign-range' }, 'Range '), rangeSelect),
        chartState,
        chart.element,
      ),
      h('section', { class: 'panel', 'aria-labelledby': 'breakdown-heading' }, h('h2', { id: 'breakdown-heading' }, 'Breakdowns'), breakdowns),
      h('section', { class: 'panel', 'aria-labelledby': 'ledger-heading' }, h('h2', { id: 'ledger-heading' }, 'Budget ledger'), ledger),
      h('section', { class: 'panel', 'aria-labelledby': 'history-heading' }, h('h2', { id: 'history-heading' }, 'History'), history),
    );
    renderHeader();
    renderCounters();
    renderBudget();
    renderRest();
    disposers.push(
      context.api.subscribe(LiveCampaignStatsDocument, { campaignId }, ({ campaignStats }) => {
        if (!stats || (!campaignStats.snapshot && campaignStats.sequence < stats.sequence)) return;
        const moved = campaignStats.sequence !== stats.sequence;
        stats = campaignStats;
        renderCounters();
        if (moved) detailRefresh.schedule();
      }),
    );
  };
  void load();

  return {
    element: root,
    dispose: () => {
      disposed = true;
      for (const dispose of disposers) dispose();
    },
  };
}
