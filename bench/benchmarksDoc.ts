/**
 * Replaces the text between `<!-- marker:start -->` and `<!-- marker:end -->` of
 * docs/benchmarks.md with what `body` makes of the old text: the file keeps the latest round of
 * each benchmark, and git keeps the others.
 */
export function replaceSection(
  text: string,
  marker: string,
  body: (old: string) => string,
): string {
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < 0)
    throw new Error(`docs/benchmarks.md has no ${start} … ${end} section`);
  const old = text.slice(from + start.length, to);
  return `${text.slice(0, from)}${start}\n${body(old)}\n${text.slice(to)}`;
}
