/** A 0–100 score with one decimal, or an em dash when there is none. */
export function formatScore(score: number | null | undefined): string {
  return typeof score === 'number' ? score.toFixed(1) : '—';
}

/** A signed change with one decimal ("+2.5", "−1.0"), or an em dash. */
export function formatChange(change: number | null | undefined): string {
  if (typeof change !== 'number') return '—';
  const rounded = Math.round(change * 10) / 10;
  if (rounded === 0) return '±0';
  return rounded > 0 ? `+${rounded.toFixed(1)}` : `−${Math.abs(rounded).toFixed(1)}`;
}

/** Cores with thousands separators and at most two decimals. */
export function formatCores(cores: number): string {
  return cores.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
