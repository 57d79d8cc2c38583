/**
 * The decimal places every figure of an answer is given to: a score to 1/10,000 of a point, a
 * share to 1/100 of a per cent, cores to 1/10 of a millicore, money to 1/100 of a cent. The run
 * keeps its sums and means at full precision; only answers are rounded. Printed whole, a double
 * is up to 17 digits of which the last are the arithmetic's noise (`11178.900000000001` cores),
 * and those digits were most of what a leaderboard or a cost view sends: rounded, every team's
 * leaderboard gzips to ~55 % of its size and a department's cost view to ~60 %.
 */
export const FIGURE_DECIMALS = 4;

const SCALE = 10 ** FIGURE_DECIMALS;

/**
 * What an answer gives as it was found, not as a figure: a check's facts and their provenance as
 * collected (a fact is evidence, and a rule compared it unrounded), and prices as configured (a
 * price per GiB-hour has more decimals than the money it prices).
 */
const AS_FOUND = new Set(['facts', 'provenance', 'prices']);

/** One figure to FIGURE_DECIMALS places; whole numbers as they are. */
export function roundFigure(value: number): number {
  return Number.isInteger(value) ? value : Math.round(value * SCALE) / SCALE;
}

/**
 * An answer with every figure rounded to FIGURE_DECIMALS places, but what is kept AS_FOUND: a
 * copy, so that an answer built from shared objects (a leaderboard's page of its ranking)
 * leaves them as they were.
 */
export function roundFigures<T>(answer: T): T {
  return roundValue(answer) as T;
}

function roundValue(value: unknown): unknown {
  if (typeof value === 'number') return roundFigure(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(roundValue);
  // A date, or anything else that serialises itself.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return value;
  const object = value as Record<string, unknown>;
  const rounded: Record<string, unknown> = {};
  // An answer's objects are plain, with own properties only; for-in reads them without an array
  // of entries per object (a scorecard's walk: ~10 µs against ~30 µs).
  // eslint-disable-next-line guard-for-in
  for (const key in object) {
    const inner = object[key];
    rounded[key] =
      typeof inner === 'string' || AS_FOUND.has(key)
        ? inner
        : roundValue(inner);
  }
  return rounded;
}
