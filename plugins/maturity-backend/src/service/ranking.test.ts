import { rankBy, rankByScore } from './ranking';

describe('rankBy', () => {
  it('ranks best first, shares ranks on ties and leaves unscored entries unranked', () => {
    const ranked = rankByScore([
      { ref: 'd', score: null },
      { ref: 'b', score: 70 },
      { ref: 'a', score: 90 },
      { ref: 'c', score: 70 },
      { ref: 'e', score: 10 },
    ]);
    expect(ranked.map(r => [r.ref, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['e', 4],
      ['d', null],
    ]);
  });

  it('ranks by any figure, e.g. potential saving', () => {
    const ranked = rankBy(
      [
        { ref: 'x', saving: 5 },
        { ref: 'y', saving: null },
        { ref: 'z', saving: 120.5 },
      ],
      r => r.saving,
    );
    expect(ranked.map(r => [r.ref, r.rank])).toEqual([
      ['z', 1],
      ['x', 2],
      ['y', null],
    ]);
  });
});
