const HOUR_MS = 3_600_000;

/** What a calendar month's cost comes to: so far, and at its end at today's run rate. @public */
export interface MonthForecast {
  /** The month, `YYYY-MM` (UTC). */
  month: string;
  hoursInMonth: number;
  /** Hours of the month gone by `now`. */
  hoursElapsed: number;
  /** The cost from the month's start to `now`. */
  monthToDate: number;
  /** `monthToDate` plus the latest hourly cost over the hours left. */
  forecast: number;
}

/**
 * A month-end forecast from hourly cost points (each run's hourly cost, oldest first): each
 * point's rate holds until the next point (the last until `now`), the first also back to the
 * month's start (its cost before the first run of the month is taken at that run's rate), and the
 * latest rate runs on to the month's end. Points outside the month are ignored, except that the
 * last one before it gives the rate at its start.
 * @public
 */
export function forecastMonth(
  points: ReadonlyArray<{ at: Date; hourlyCost: number }>,
  now: Date,
): MonthForecast | undefined {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  const t = now.getTime();
  const before = points.filter(p => p.at.getTime() <= start);
  const inMonth = points.filter(
    p => p.at.getTime() > start && p.at.getTime() <= t,
  );
  const steps = [
    ...(before.length ? [before[before.length - 1]] : []),
    ...inMonth,
  ];
  if (steps.length === 0) return undefined;
  let monthToDate = 0;
  steps.forEach((p, i) => {
    const from = i === 0 ? start : Math.max(start, p.at.getTime());
    const to = i + 1 < steps.length ? steps[i + 1].at.getTime() : t;
    monthToDate += (p.hourlyCost * Math.max(0, to - from)) / HOUR_MS;
  });
  const rate = steps[steps.length - 1].hourlyCost;
  return {
    month: new Date(start).toISOString().slice(0, 7),
    hoursInMonth: (end - start) / HOUR_MS,
    hoursElapsed: (t - start) / HOUR_MS,
    monthToDate,
    forecast: monthToDate + (rate * (end - t)) / HOUR_MS,
  };
}
