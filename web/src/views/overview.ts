import {
  BusinessOverviewDocument,
  BusinessTrendsDocument,
  CampaignRowByIdDocument,
  LiveBudgetAlertsDocument,
  LiveBusinessDashboardDocument,
  LiveCampaignStatsDocument,
  LiveLifecycleDocument,
  type BusinessOverviewQuery,
  type CampaignRowFragment,
  type LiveStatsFragment,
  type OverviewFragment,
  type TotalsFragment,
  type TrendPeriod,
} from '../../generated/graphql';
import { trendChart } from '../chart';
import { h, notice, replaceChildren, setLiveText } from '../dom';
import { change, count, dateTime, delivery, money, percent, ratio, statusLabel } from '../format';
import { lifecycleButtons } from '../lifecycle';
import { errorMessage, throttle, type View, type ViewContext } from '../view';

/** `trends` adds up to 50 campaigns per call. */
const TRENDS_CAMPAIGN_LIMIT = 50;

export const RANGES: { id: string; label: string; period: TrendPeriod; hours: number }[] = [
  { id: '24h', label: 'Last 24 hours, by hour', period: 'HOUR', hours: 24 },
  { id: '7d-hour', label: 'Last 7 days, by hour', period: 'HOUR', hours: 7 * 24 },
  { id: '7d', label: 'Last 7 days, by day', period: 'DAY', hours: 7 * 24 },
  { id: '30d', label: 'Last 30 days, by day', period: 'DAY', hours: 30 * 24 },
];

interface Card {
  label: string;
  value: (m: TotalsFragment, currency: string) => string;
  raw: (m: TotalsFragment) => number | null;
}

const CARDS: Card[] = [
  { label: 'Impressions', value: (m) => count(m.impressions), raw: (m) => m.impressions },
  { label: 'Clicks', value: (m) => count(m.clicks), raw: (m) => m.clicks },
  { label: 'CTR', value: (m) => percent(m.ctr), raw: (m) => m.ctr },
  { label: 'Conversions', value: (m) => count(m.conversions), raw: (m) => m.conversions },
  { label: 'Spend', value: (m, c) => money(m.spendCents, c), raw: (m) => m.spendCents ?? 0 },
  { label: 'Revenue', value: (m, c) => money(m.revenueCents, c), raw: (m) => m.revenueCents },
  { label: 'ROAS', value: (m) => ratio(m.roas), raw: (m) => m.roas },
];

type Campaign = NonNullable<BusinessOverviewQuery['business']>['campaigns']['edges'][number]['node'];

interface Row {
  campaign: CampaignRowFragment;
  element: HTMLTableRowElement;
  cells: Record<'status' | 'delivery' | 'impressions' | 'clicks' | 'ctr' | 'conversions' | 'spend' | 'roas' | 'left' | 'actions', HTMLTableCellElement>;
  gauge: HTMLElement | undefined;
}

function budgetLeft(campaign: CampaignRowFragment): number | null {
  return campaign.budget ? campaign.budget.total.amountCents - campaign.stats.spendCents : null;
}

export function overviewView(context: ViewContext): View {
  const disposers: (() => void)[] = [];
  let disposed = false;
  const root = h('div', { class: 'view overview' });
  const business = context.business;
  if (!business) {
    root.append(
      h('h1', {}, 'Overview'),
      notice(
        'empty',
        'No business yet',
        context.viewer.role === 'ADMIN'
          ? 'Create a business with the createBusiness mutation (see the README), then come back.'
          : 'Ask an admin to create your business, or create it with the createBusiness mutation.',
      ),
    );
    return { element: root, dispose: () => undefined };
  }
  const currency = business.currency;

  const todayGrid = h('div', { class: 'cards', 'aria-live': 'off' });
  const allTime = h('p', { class: 'muted all-time' });
  const gauges = h('div', { class: 'gauges' });
  const alerts = h('ol', { class: 'alerts', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  const alertsEmpty = h('p', { class: 'muted' }, 'No budget alerts. One appears here the moment a campaign reaches 75%, 90% or 100% of its budget.');
  const rangeSelect = h('select', { id: 'trend-range', name: 'range' }, ...RANGES.map((range) => h('option', { value: range.id }, range.label)));
  const chart = trendChart(`Impressions, clicks and spend of ${business.name}'s campaigns`);
  const chartState = h('div', { class: 'chart-state' });
  const tableHost = h('div', { class: 'table-host' });

  root.append(
    h('h1', {}, business.name),
    h('section', { class: 'panel', 'aria-labelledby': 'today-heading' }, h('h2', { id: 'today-heading' }, 'Today compared with yesterday'), todayGrid, allTime),
    h(
      'div',
      { class: 'columns' },
      h('section', { class: 'panel', 'aria-labelledby': 'budgets-heading' }, h('h2', { id: 'budgets-heading' }, 'Budgets'), gauges),
      h('section', { class: 'panel', 'aria-labelledby': 'alerts-heading' }, h('h2', { id: 'alerts-heading' }, 'Alerts'), alertsEmpty, alerts),
    ),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'trend-heading' },
      h('div', { class: 'panel-head' }, h('h2', { id: 'trend-heading' }, 'Trend'), h('label', { for: 'trend-range' }, 'Range '), rangeSelect),
      chartState,
      chart.element,
    ),
    h('section', { class: 'panel', 'aria-labelledby': 'campaigns-heading' }, h('h2', { id: 'campaigns-heading' }, 'Campaigns'), tableHost),
  );
  disposers.push(() => chart.destroy());
  tableHost.append(notice('loading', 'Loading campaigns…'));

  const rows = new Map<string, Row>();
  let campaignIds: string[] = [];

  const renderToday = (today: TotalsFragment | undefined, yesterday: TotalsFragment | undefined) => {
    replaceChildren(
      todayGrid,
      ...CARDS.map((card) => {
        const current = today ? card.raw(today) : null;
        const previous = yesterday ? card.raw(yesterday) : null;
        const delta = current !== null && previous !== null ? change(current, previous) : undefined;
        return h(
          'div',
          { class: 'card', 'data-metric': card.label },
          h('p', { class: 'card-label' }, card.label),
          h('p', { class: 'card-value' }, today ? card.value(today, currency) : '—'),
          h(
            'p',
            { class: `card-change ${delta?.direction ?? 'flat'}` },
            delta ? `${delta.text} ` : '',
            h('span', { class: 'muted' }, `yesterday ${yesterday ? card.value(yesterday, currency) : '—'}`),
          ),
        );
      }),
    );
  };

  const renderAllTime = (dashboard: OverviewFragment) => {
    const t = dashboard.totals;
    setLiveText(
      allTime,
      `All time: ${count(t.impressions)} impressions, ${count(t.clicks)} clicks, ${count(t.conversions)} conversions, ${money(t.spendCents, currency)} spent, ` +
        `${money(t.revenueCents, currency)} revenue · ${dashboard.activeCampaignCount} of ${dashboard.campaignCount} campaigns active.`,
    );
  };

  const selectedRange = () => RANGES.find((range) => range.id === rangeSelect.value) ?? RANGES[0]!;

  const refreshTrends = async () => {
    if (campaignIds.length === 0) return;
    const ids = campaignIds.slice(0, TRENDS_CAMPAIGN_LIMIT);
    const now = new Date();
    const range = selectedRange();
    try {
      const [days, series] = await Promise.all([
        context.api.request(BusinessTrendsDocument, {
          campaignIds: ids,
          period: 'DAY',
          from: new Date(now.getTime() - 86_400_000).toISOString(),
          to: now.toISOString(),
        }),
        context.api.request(BusinessTrendsDocument, {
          campaignIds: ids,
          period: range.period,
          from: new Date(now.getTime() - range.hours * 3_600_000).toISOString(),
          to: now.toISOString(),
        }),
      ]);
      if (days.trends.__typename === 'QueryTrendsSuccess') {
        const points = days.trends.data.points;
        renderToday(points.at(-1)?.metrics, points.at(-2)?.metrics);
      } else {
        context.announce(`Today's totals: ${days.trends.message}`, 'error');
      }
      if (series.trends.__typename === 'QueryTrendsSuccess') {
        const points = series.trends.data.points;
        const empty = points.every((point) => point.metrics.impressions === 0 && point.metrics.clicks === 0);
        replaceChildren(
          chartState,
          empty ? notice('empty', 'No events in this range', 'The chart fills in as your campaigns record impressions and clicks.') : null,
        );
        chart.update(series.trends.data);
      } else {
        replaceChildren(chartState, notice('error', 'The trend could not be loaded', series.trends.message));
      }
      if (campaignIds.length > TRENDS_CAMPAIGN_LIMIT) {
        context.announce(`Today's totals and the trend cover the ${TRENDS_CAMPAIGN_LIMIT} newest campaigns of ${campaignIds.length}.`);
      }
    } catch (error) {
      replaceChildren(chartState, notice('error', 'The trend could not be loaded', errorMessage(error)));
    }
  };
  const trendsRefresh = throttle(2_000, refreshTrends);
  disposers.push(() => trendsRefresh.cancel());
  rangeSelect.addEventListener('change', () => void refreshTrends());

  const renderGauges = () => {
    const withBudget = [...rows.values()].filter((row) => row.campaign.budget && !['COMPLETED', 'CANCELLED'].includes(row.campaign.status));
    if (withBudget.length === 0) {
      replaceChildren(gauges, h('p', { class: 'muted' }, 'No running campaign has a budget yet.'));
      return;
    }
    replaceChildren(gauges);
    for (const row of withBudget) {
      const total = row.campaign.budget!.total.amountCents;
      const bar = h('div', { class: 'gauge-bar' });
      const text = h('span', { class: 'gauge-text' });
      row.gauge = h(
        'div',
        { class: 'gauge', role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-label': `${row.campaign.name} budget spent` },
        h('div', { class: 'gauge-head' }, h('span', {}, row.campaign.name), text),
        h('div', { class: 'gauge-track' }, bar),
      );
      gauges.append(row.gauge);
      updateGauge(row);
    }
  };

  const updateGauge = (row: Row) => {
    if (!row.gauge || !row.campaign.budget) return;
    const total = row.campaign.budget.total.amountCents;
    const spent = row.campaign.stats.spendCents;
    const share = total > 0 ? Math.min(1, spent / total) : 0;
    row.gauge.setAttribute('aria-valuenow', String(spent));
    row.gauge.setAttribute('aria-valuetext', `${money(spent, currency)} of ${money(total, currency)} (${percent(share, 0)})`);
    const bar = row.gauge.querySelector<HTMLElement>('.gauge-bar')!;
    bar.style.width = `${(share * 100).toFixed(1)}%`;
    bar.classList.toggle('warn', share >= 0.75 && share < 0.9);
    bar.classList.toggle('danger', share >= 0.9);
    setLiveText(row.gauge.querySelector('.gauge-text')!, `${money(spent, currency)} of ${money(total, currency)} · ${percent(share, 0)}`);
  };

  const addAlert = (campaignName: string, thresholdPercent: number, spentCents: number, raisedAt: string, prepend: boolean) => {
    alertsEmpty.hidden = true;
    const item = h(
      'li',
      { class: `alert alert-${thresholdPercent >= 100 ? 'danger' : thresholdPercent >= 90 ? 'warn' : 'info'}` },
      h('strong', {}, `${campaignName} reached ${thresholdPercent}% of its budget`),
      ` · ${money(spentCents, currency)} spent · `,
      h('time', { datetime: raisedAt }, dateTime(raisedAt)),
    );
    if (prepend) alerts.prepend(item);
    else alerts.append(item);
  };

  const updateRow = (row: Row) => {
    const c = row.campaign;
    const s = c.stats;
    row.cells.status.replaceChildren(h('span', { class: `badge badge-${c.status.toLowerCase()}` }, statusLabel(c.status)));
    row.element.dataset.status = c.status;
    setLiveText(row.cells.delivery, delivery(c.status, c.startsAt, budgetLeft(c), s.impressions > 0 ? s.updatedAt : null));
    setLiveText(row.cells.impressions, count(s.impressions));
    setLiveText(row.cells.clicks, count(s.clicks));
    setLiveText(row.cells.ctr, percent(s.ctr));
    setLiveText(row.cells.conversions, count(s.conversions));
    setLiveText(row.cells.spend, money(s.spendCents, currency));
    setLiveText(row.cells.roas, ratio(s.roas));
    const left = budgetLeft(c);
    setLiveText(row.cells.left, left === null ? 'No budget' : money(left, currency));
    updateGauge(row);
  };

  const replaceCampaign = (campaign: CampaignRowFragment) => {
    const row = rows.get(campaign.id);
    if (!row) return;
    // Keep the newer counters: a live update may have overtaken the mutation's answer.
    const stats = row.campaign.stats.sequence > campaign.stats.sequence ? row.campaign.stats : campaign.stats;
    const hadBudget = Boolean(row.campaign.budget);
    row.campaign = { ...campaign, stats };
    row.cells.actions.replaceChildren(lifecycleButtons(context, row.campaign, replaceCampaign));
    updateRow(row);
    if (hadBudget !== Boolean(campaign.budget) || ['COMPLETED', 'CANCELLED'].includes(campaign.status)) renderGauges();
  };

  const applyStats = (stats: LiveStatsFragment) => {
    const row = rows.get(stats.campaignId);
    // A snapshot (first message, or after a reconnect) always wins; deltas only move forward.
    if (!row || (!stats.snapshot && stats.sequence < row.campaign.stats.sequence)) return;
    row.campaign = { ...row.campaign, stats };
    updateRow(row);
  };

  const renderTable = (campaigns: Campaign[], totalCount: number) => {
    if (campaigns.length === 0) {
      replaceChildren(
        tableHost,
        notice('empty', 'No campaigns yet', 'Create one with the createCampaign mutation (see the README); it shows up here with its live numbers.'),
      );
      return;
    }
    const headers = ['Campaign', 'Status', 'Delivery', 'Impressions', 'Clicks', 'CTR', 'Conversions', 'Spend', 'ROAS', 'Budget left', 'Actions'];
    const body = h('tbody');
    for (const campaign of campaigns) {
      const cell = (cls: string) => h('td', { class: cls });
      const cells = {
        status: cell('status'),
        delivery: cell('delivery'),
        impressions: cell('num impressions'),
        clicks: cell('num clicks'),
        ctr: cell('num ctr'),
        conversions: cell('num conversions'),
        spend: cell('num spend'),
        roas: cell('num roas'),
        left: cell('num left'),
        actions: cell('actions-cell'),
      };
      const link = h('a', { href: `#/campaigns/${encodeURIComponent(campaign.id)}` }, campaign.name);
      const element = h(
        'tr',
        { 'data-campaign-id': campaign.id },
        h('th', { scope: 'row', class: 'name' }, link),
        cells.status,
        cells.delivery,
        cells.impressions,
        cells.clicks,
        cells.ctr,
        cells.conversions,
        cells.spend,
        cells.roas,
        cells.left,
        cells.actions,
      );
      const row: Row = { campaign, element, cells, gauge: undefined };
      rows.set(campaign.id, row);
      cells.actions.append(lifecycleButtons(context, campaign, replaceCampaign));
      updateRow(row);
      body.append(element);
    }
    replaceChildren(
      tableHost,
      h(
        'div',
        { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Campaigns table' },
        h(
          'table',
          { class: 'campaigns' },
          h('caption', { class: 'visually-hidden' }, `${business.name}'s campaigns with live numbers`),
          h('thead', {}, h('tr', {}, ...headers.map((header, i) => h('th', { scope: 'col', class: i >= 3 && i <= 9 ? 'num' : '' }, header)))),
          body,
        ),
      ),
      totalCount > campaigns.length ? h('p', { class: 'muted' }, `Showing the ${campaigns.length} newest of ${totalCount} campaigns.`) : null,
    );
  };

  const load = async () => {
    try {
      const result = await context.api.request(BusinessOverviewDocument, { businessId: business.id });
      if (disposed) return;
      const campaigns = result.business?.campaigns.edges.map((edge) => edge.node) ?? [];
      campaignIds = campaigns.map((campaign) => campaign.id);
      if (result.businessDashboard.__typename === 'QueryBusinessDashboardSuccess') renderAllTime(result.businessDashboard.data);
      else setLiveText(allTime, result.businessDashboard.message);
      renderTable(campaigns, result.business?.campaigns.totalCount ?? 0);
      renderGauges();
      const raised = campaigns
        .flatMap((campaign) => (campaign.budget?.alerts ?? []).map((alert) => ({ campaign, alert })))
        .sort((a, b) => b.alert.raisedAt.localeCompare(a.alert.raisedAt));
      for (const { campaign, alert } of raised.slice(0, 20)) addAlert(campaign.name, alert.thresholdPercent, alert.spent.amountCents, alert.raisedAt, false);
      if (campaigns.length === 0) {
        renderToday(undefined, undefined);
        replaceChildren(chartState, notice('empty', 'No campaigns, so no trend yet'));
      } else {
        await refreshTrends();
        if (campaigns.every((campaign) => campaign.stats.impressions === 0 && campaign.stats.clicks === 0)) {
          allTime.after(h('p', { class: 'muted no-events' }, 'No events yet: the numbers move as soon as your campaigns record impressions.'));
        }
      }
      if (disposed) return;
      disposers.push(
        context.api.subscribe(LiveBusinessDashboardDocument, { businessId: business.id }, (data) => {
          renderAllTime(data.businessDashboard);
          trendsRefresh.schedule();
        }),
        context.api.subscribe(LiveBudgetAlertsDocument, { businessId: business.id }, ({ budgetAlerts: alert }) => {
          const name = rows.get(alert.campaignId)?.campaign.name ?? 'A campaign';
          addAlert(name, alert.thresholdPercent, alert.spentCents, alert.raisedAt, true);
        }),
        context.api.subscribe(LiveLifecycleDocument, { businessId: business.id }, async ({ campaignLifecycle: step }) => {
          if (!rows.has(step.campaignId)) return;
          const { campaign } = await context.api.request(CampaignRowByIdDocument, { id: step.campaignId });
          if (campaign) replaceCampaign(campaign);
        }),
        ...campaigns.map((campaign) => context.api.subscribe(LiveCampaignStatsDocument, { campaignId: campaign.id }, (data) => applyStats(data.campaignStats))),
      );
    } catch (error) {
      replaceChildren(tableHost, notice('error', 'The campaigns could not be loaded', errorMessage(error)));
    }
  };
  void load();

  // Delivery ("Delivering" / "no recent events") depends on the clock as well as on updates.
  const clock = setInterval(() => {
    for (const row of rows.values()) updateRow(row);
  }, 30_000);
  disposers.push(() => clearInterval(clock));

  return {
    element: root,
    dispose: () => {
      disposed = true;
      for (const dispose of disposers) dispose();
    },
  };
}
