import { InputError } from '@backstage/errors';
import { DateTime } from 'luxon';

const WINDOW = /^(\d+)([dh])$/;
const HISTORY_DAYS = 90;
const DAY_MS = 86_400_000;
/** The longest window a leaderboard compares over: ten years, longer than any history kept. */
const MAX_WINDOW_DAYS = 3650;
/** Times outside these years are refused: both databases and JavaScript's Date hold them all. */
const EARLIEST_YEAR = 1970;
const LATEST_YEAR = 9999;

/**
 * Refuses a value holding a NUL character, which no entity ref, name or date can hold and which
 * PostgreSQL refuses in any text (SQLite would just find nothing). `name` is the parameter.
 */
export function refuseNul(name: string, value: unknown): void {
  const values = Array.isArray(value) ? value : [value];
  if (values.some(v => typeof v === 'string' && v.includes('\u0000'))) {
    throw new InputError(
      `Invalid ${name}: it contains a NUL character (%00), which no entity ref or value may hold`,
    );
  }
}

/** A leaderboard window, e.g. `30d` or `12h`, in milliseconds. */
export function parseWindow(window: string): number {
  const match = WINDOW.exec(window);
  const days = match ? Number(match[1]) / (match[2] === 'd' ? 1 : 24) : 0;
  if (!match || days === 0 || days > MAX_WINDOW_DAYS) {
    throw new InputError(
      `Invalid query parameter window: ${JSON.stringify(
        window,
      )}; expected a number of days or hours up to ${MAX_WINDOW_DAYS}d, e.g. 30d or 12h`,
    );
  }
  return days * DAY_MS;
}

function parseTime(
  name: string,
  value: string | undefined,
  fallback: Date,
): Date {
  if (value === undefined) return fallback;
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  if (
    !parsed.isValid ||
    parsed.year < EARLIEST_YEAR ||
    parsed.year > LATEST_YEAR
  ) {
    throw new InputError(
      `Invalid query parameter ${name}: ${JSON.stringify(
        value,
      )}; expected an ISO 8601 date or time between ${EARLIEST_YEAR} and ${LATEST_YEAR}, e.g. 2026-11-01`,
    );
  }
  return parsed.toJSDate();
}

/** The `from`/`to` range of a history route; default the last 90 days. */
export function parseRange(query: { from?: string; to?: string }): {
  from: Date;
  to: Date;
} {
  const to = parseTime('to', query.to, new Date());
  const from = parseTime(
    'from',
    query.from,
    new Date(to.getTime() - HISTORY_DAYS * DAY_MS),
  );
  if (from > to) {
    throw new InputError(
      `Invalid query parameter from: ${from.toISOString()} is after to (${to.toISOString()})`,
    );
  }
  return { from, to };
}
