/**
 * Competition ranking by score, best first ("1, 2, 2, 4"); entries without a score get no rank
 * and sort last, by ref so the order is stable.
 */
export function rankByScore<T extends { ref: string; score: number | null }>(
  items: T[],
): Array<T & { rank: number | null }> {
  const sorted = [...items].sort((a, b) => {
    if (a.score === null || b.score === null) {
      if (a.score === b.score) return a.ref < b.ref ? -1 : 1;
      return a.score === null ? 1 : -1;
    }
    return b.score - a.score || (a.ref < b.ref ? -1 : 1);
  });
  let rank = 0;
  return sorted.map((item, index) => {
    if (item.score === null) return { ...item, rank: null };
    if (index === 0 || sorted[index - 1].score !== item.score) rank = index + 1;
    return { ...item, rank };
  });
}
