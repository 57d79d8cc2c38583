/**
 * The config key a zod issue's path names under `prefix`: `maturity.scorecards[0].checks[2]`,
 * or `rule.fact` with no prefix.
 */
export function configKey(
  prefix: string,
  path: ReadonlyArray<string | number>,
): string {
  return path.reduce<string>((key, part) => {
    if (typeof part === 'number') return `${key}[${part}]`;
    return key ? `${key}.${part}` : part;
  }, prefix);
}
