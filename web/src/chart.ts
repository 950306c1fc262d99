import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TrendSeriesFragment } from '../generated/graphql';
import { h } from './dom';
import { count, money } from './format';

/** Hour starts are UTC instants; day, week and month starts are calendar dates, drawn at their midnight. */
function periodStartSeconds(start: string): number {
  return Date.parse(start.length === 10 ? `${start}T00:00:00` : start) / 1000;
}

export interface TrendChart {
  element: HTMLElement;
  update(trend: TrendSeriesFragment): void;
  destroy(): void;
}

/** Impressions and clicks on two axes, spend as a third line; the numbers also sit in a table for screen readers. */
export function trendChart(label: string): TrendChart {
  const canvasHost = h('div', { class: 'chart', role: 'img', 'aria-label': label });
  const summary = h('p', { class: 'visually-hidden' });
  const element = h('figure', { class: 'chart-figure' }, canvasHost, h('figcaption', { class: 'visually-hidden' }, label), summary);
  let plot: uPlot | undefined;
  let currency = 'EUR';
  const width = () => Math.max(280, canvasHost.clientWidth || element.clientWidth || 600);
  const resize = new ResizeObserver(() => plot?.setSize({ width: width(), height: 240 }));
  resize.observe(canvasHost);

  const options = (): uPlot.Options => ({
    width: width(),
    height: 240,
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, counts: { auto: true }, clicks: { auto: true }, spend: { auto: true } },
    axes: [
      { stroke: '#374151', grid: { stroke: '#e5e7eb' } },
      { scale: 'counts', stroke: '#1d4ed8', grid: { stroke: '#e5e7eb' }, values: (_u, values) => values.map((v) => count(v)) },
      { scale: 'clicks', side: 1, stroke: '#b45309', grid: { show: false }, values: (_u, values) => values.map((v) => count(v)) },
    ],
    series: [
      {},
      { label: 'Impressions', scale: 'counts', stroke: '#1d4ed8', width: 2, fill: 'rgba(29, 78, 216, 0.08)', value: (_u, v) => count(v) },
      { label: 'Clicks', scale: 'clicks', stroke: '#b45309', width: 2, value: (_u, v) => count(v) },
      { label: 'Spend', scale: 'spend', stroke: '#047857', width: 1.5, dash: [6, 4], value: (_u, v) => (v === null ? '—' : money(v, currency)) },
    ],
  });

  return {
    element,
    update(trend) {
      currency = trend.currency;
      const data: uPlot.AlignedData = [
        trend.points.map((point) => periodStartSeconds(point.start)),
        trend.points.map((point) => point.metrics.impressions),
        trend.points.map((point) => point.metrics.clicks),
        trend.points.map((point) => point.metrics.spendCents ?? 0),
      ];
      const impressions = trend.points.reduce((sum, point) => sum + point.metrics.impressions, 0);
      const clicks = trend.points.reduce((sum, point) => sum + point.metrics.clicks, 0);
      summary.textContent = `${trend.points.length} periods: ${count(impressions)} impressions and ${count(clicks)} clicks in total.`;
      if (plot) plot.setData(data);
      else plot = new uPlot(options(), data, canvasHost);
    },
    destroy() {
      resize.disconnect();
      plot?.destroy();
    },
  };
}
