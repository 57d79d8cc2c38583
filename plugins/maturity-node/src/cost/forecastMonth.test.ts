import { forecastMonth } from './forecastMonth';

const at = (iso: string) => new Date(iso);

describe('forecastMonth', () => {
  it('adds the cost so far to the latest rate over the hours left', () => {
    // November has 720 hours. 10 an hour for the first 10 days (240 h), 20 an hour for the next
    // 10: 2,400 + 4,800 = 7,200 so far; the last 240 hours at 20: 4,800 more, 12,000 in all.
    expect(
      forecastMonth(
        [
          { at: at('2026-10-31T12:00:00Z'), hourlyCost: 99 },
          { at: at('2026-11-01T00:00:00Z'), hourlyCost: 10 },
          { at: at('2026-11-11T00:00:00Z'), hourlyCost: 20 },
        ],
        at('2026-11-21T00:00:00Z'),
      ),
    ).toEqual({
      month: '2026-11',
      hoursInMonth: 720,
      hoursElapsed: 480,
      monthToDate: 7200,
      forecast: 12000,
    });
  });

  it("takes the month's start at the rate of the last run before it, or of its first run", () => {
    // December (744 h): 6 an hour carried in from November for 24 h, then 12 for 24 h: 432 so
    // far, and 12 over the 696 h left: 8,352 more.
    const carried = forecastMonth(
      [
        { at: at('2026-11-30T18:00:00Z'), hourlyCost: 6 },
        { at: at('2026-12-02T00:00:00Z'), hourlyCost: 12 },
      ],
      at('2026-12-03T00:00:00Z'),
    );
    expect(carried).toMatchObject({ monthToDate: 432, forecast: 432 + 8352 });
    // Scored first on the 2nd: its rate is taken back to the 1st.
    expect(
      forecastMonth(
        [{ at: at('2026-12-02T00:00:00Z'), hourlyCost: 12 }],
        at('2026-12-03T00:00:00Z'),
      ),
    ).toMatchObject({ monthToDate: 576, forecast: 12 * 744 });
    expect(forecastMonth([], at('2026-12-03T00:00:00Z'))).toBeUndefined();
  });
});
