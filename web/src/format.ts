import type { CampaignAction, CampaignStatus } from '../generated/graphql';

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function count(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : integer.format(value);
}

/** Cents of an ISO 4217 currency, shown with the currency's own minor unit. */
export function money(cents: number | null | undefined, currency: string): string {
  if (cents === null || cents === undefined) return '—';
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(cents / 10 ** digits);
}

/** A rate of 0–1 as a percentage; null (no denominator yet) as a dash. */
export function percent(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)}%`;
}

export function ratio(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value.toFixed(2)}×`;
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function date(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** "today 14:05", "3 min ago" style: how long ago something happened. */
export function ago(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return date(iso);
}

/** A change against a previous value, as a signed percentage; nothing to compare with as a dash. */
export function change(current: number, previous: number): { text: string; direction: 'up' | 'down' | 'flat' } {
  if (previous === 0) return current === 0 ? { text: '±0%', direction: 'flat' } : { text: 'new', direction: 'up' };
  const delta = (current - previous) / previous;
  if (Math.abs(delta) < 0.0005) return { text: '±0%', direction: 'flat' };
  return { text: `${delta > 0 ? '+' : '−'}${Math.abs(delta * 100).toFixed(1)}%`, direction: delta > 0 ? 'up' : 'down' };
}

const STATUS_LABELS: Record<CampaignStatus, string> = {
  DRAFT: 'Draft',
  PENDING_APPROVAL: 'In review',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  SCHEDULED: 'Scheduled',
  ACTIVE: 'Active',
  PAUSED: 'Paused',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

export function statusLabel(status: CampaignStatus): string {
  return STATUS_LABELS[status];
}

export const ACTION_LABELS: Partial<Record<CampaignAction, string>> = {
  PAUSE: 'Pause',
  RESUME: 'Resume',
  SUBMIT: 'Submit for review',
};

/** Whether the campaign is serving, in words (the Delivery column of an ads manager). */
export function delivery(status: CampaignStatus, startsAt: string, remainingCents: number | null, lastEventAt: string | null): string {
  switch (status) {
    case 'ACTIVE':
      if (remainingCents !== null && remainingCents <= 0) return 'Budget spent';
      if (lastEventAt && Date.now() - new Date(lastEventAt).getTime() < 5 * 60_000) return 'Delivering';
      return 'Active, no recent events';
    case 'SCHEDULED':
    case 'APPROVED':
      return `Starts ${date(startsAt)}`;
    case 'PAUSED':
      return 'Not delivering: paused';
    case 'PENDING_APPROVAL':
      return 'Waiting for approval';
    case 'DRAFT':
      return 'Not delivering: draft';
    case 'REJECTED':
      return 'Not delivering: rejected';
    case 'COMPLETED':
      return 'Ended';
    case 'CANCELLED':
      return 'Cancelled';
  }
}
