import { HOURS_PER_MONTH } from '@internal/plugin-maturity-common';

/** A 0–100 score with one decimal, or an em dash when there is none. */
export function formatScore(score: number | null | undefined): string {
  return typeof score === 'number' ? score.toFixed(1) : '—';
}

/** A signed change with one decimal ("+2.5", "−1.0"), or an em dash. */
export function formatChange(change: number | null | undefined): string {
  if (typeof change !== 'number') return '—';
  const rounded = Math.round(change * 10) / 10;
  if (rounded === 0) return '±0';
  return rounded > 0
    ? `+${rounded.toFixed(1)}`
    : `−${Math.abs(rounded).toFixed(1)}`;
}

/** Cores with thousands separators and at most two decimals. */
export function formatCores(cores: number): string {
  return cores.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** An amount of money in the given currency; whole units from 100 up. */
export function formatMoney(amount: number, currency: string): string {
  return amount.toLocaleString('en-US', {
    style: 'currency',
    currency,
    maximumFractionDigits: Math.abs(amount) >= 100 ? 0 : 2,
  });
}

/** An hourly amount as a monthly one. */
export function formatMonthly(hourly: number, currency: string): string {
  return `${formatMoney(hourly * HOURS_PER_MONTH, currency)}/mo`;
}

/** A ratio (0.42) as a whole percentage ("42 %"), or an em dash. */
export function formatPercent(ratio: number | null | undefined): string {
  return typeof ratio === 'number' ? `${Math.round(ratio * 100)} %` : '—';
}
