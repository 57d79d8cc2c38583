import { rankByScore } from './ranking';

describe('rankByScore', () => {
  it('ranks best first, shares ranks on ties and leaves unscored entries unranked', () => {
    const ranked = rankByScore([
      { ref: 'd', score: null }, { ref: 'b', score: 70 }, { ref: 'a', score: 90 },
      { ref: 'c', score: 70 }, { ref: 'e', score: 10 },
    ]);
    expect(ranked.map(r => [r.ref, r.rank])).toEqual([['a', 1], ['b', 2], ['c', 2], ['e', 4], ['d', null]]);
  });
});
