/**
 * Competition ranking, largest value first ("1, 2, 2, 4"); entries without a value get no rank
 * and sort last, by ref so the order is stable.
 */
export function rankBy<T extends { ref: string }>(
  items: T[],
  valueOf: (item: T) => number | null,
): Array<T & { rank: number | null }> {
  const sorted = items
    .map(item => ({ item, value: valueOf(item) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value === b.value) return a.item.ref < b.item.ref ? -1 : 1;
        return a.value === null ? 1 : -1;
      }
      return b.value - a.value || (a.item.ref < b.item.ref ? -1 : 1);
    });
  let rank = 0;
  return sorted.map(({ item, value }, index) => {
    if (value === null) return { ...item, rank: null };
    if (index === 0 || sorted[index - 1].value !== value) rank = index + 1;
    return { ...item, rank };
  });
}

/** Ranks by score, best first. */
export const rankByScore = <T extends { ref: string; score: number | null }>(
  items: T[],
) => rankBy(items, item => item.score);
