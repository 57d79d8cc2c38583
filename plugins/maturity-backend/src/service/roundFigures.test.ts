import { roundFigure, roundFigures } from './roundFigures';

describe('roundFigure', () => {
  it('gives a figure to 4 decimal places', () => {
    // A team's cores summed from 0.1-core requests, and its monthly saving.
    expect(roundFigure(11178.900000000001)).toBe(11178.9);
    expect(roundFigure(14590624.391270105)).toBe(14590624.3913);
    // A score, to 1/10,000 of a point; a 5 in the 5th place rounds up.
    expect(roundFigure(61.813414181060125)).toBe(61.8134);
    expect(roundFigure(0.00125)).toBe(0.0013);
    expect(roundFigure(-1.23456)).toBe(-1.2346);
    // Less than half of the 4th place is nothing.
    expect(roundFigure(0.00004)).toBe(0);
    expect(roundFigure(40)).toBe(40);
  });
});

describe('roundFigures', () => {
  it('rounds every figure of an answer, in objects and arrays at any depth', () => {
    const answer = {
      ref: 'group:default/team-1353',
      rank: 1,
      score: 61.813414181060125,
      measuredShare: null,
      dimensions: { compute: 74.4017579262921, data: 80 },
      cost: { hourlyCost: 1094.6946724, efficiency: 0.4871740940208433 },
      trend: [{ at: '2026-12-04T10:36:43.575Z', score: 2 / 3 }],
    };
    expect(roundFigures(answer)).toEqual({
      ref: 'group:default/team-1353',
      rank: 1,
      score: 61.8134,
      measuredShare: null,
      dimensions: { compute: 74.4018, data: 80 },
      cost: { hourlyCost: 1094.6947, efficiency: 0.4872 },
      trend: [{ at: '2026-12-04T10:36:43.575Z', score: 0.6667 }],
    });
  });

  it("gives a check's facts and their provenance as collected, and prices as configured", () => {
    const check = {
      id: 'cpu-utilisation',
      credit: 0.8005960821174085,
      facts: { 'prometheus.cpuP95OfRequests': 0.40029804105870426 },
      provenance: {
        'prometheus.cpuP95OfRequests': { source: 'prometheus', at: 1.5 },
      },
    };
    const prices = { cpuCoreHour: 0.031611, memoryGiBHour: 0.004237 };
    expect(roundFigures({ checks: [check], cost: { prices } })).toEqual({
      checks: [{ ...check, credit: 0.8006 }],
      cost: { prices },
    });
  });

  it('leaves the answer it was given as it was, and dates to serialise themselves', () => {
    const row = { score: 2 / 3, at: new Date('2026-12-04T00:00:00Z') };
    const rounded = roundFigures({ rows: [row] });
    expect(row.score).toBe(2 / 3);
    expect(JSON.stringify(rounded)).toBe(
      '{"rows":[{"score":0.6667,"at":"2026-12-04T00:00:00.000Z"}]}',
    );
  });
});
