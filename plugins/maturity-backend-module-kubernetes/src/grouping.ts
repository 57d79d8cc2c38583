/** Adds `value` to the list kept under `key`, starting the list if there is none. */
export function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Counts by key, added up. */
export function addCounts(
  counts: Array<Map<string, number> | undefined>,
): Map<string, number> {
  const sum = new Map<string, number>();
  for (const map of counts)
    for (const [name, n] of map ?? []) sum.set(name, (sum.get(name) ?? 0) + n);
  return sum;
}
