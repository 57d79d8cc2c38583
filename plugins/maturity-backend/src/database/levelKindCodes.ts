import { ScoreLevelKind } from '@internal/plugin-maturity-common';

/**
 * A score row's level kind as `maturity_scores` stores it: a small number, from the narrowest
 * level to the broadest, then the platforms (migration `20261213000000_compact_scores`, which
 * holds the same numbers, says why). Rows ordered by it come workloads first.
 */
const CODES: Record<ScoreLevelKind, number> = {
  workload: 1,
  product: 2,
  team: 3,
  department: 4,
  company: 5,
  platform: 6,
};

const KINDS = new Map<number, ScoreLevelKind>(
  Object.entries(CODES).map(([kind, code]) => [code, kind as ScoreLevelKind]),
);

/** The stored number of a level kind. */
export const levelKindCode = (kind: ScoreLevelKind): number => CODES[kind];

/** The level kind a stored number stands for. */
export function levelKindOfCode(code: number | string): ScoreLevelKind {
  const kind = KINDS.get(Number(code));
  if (!kind)
    throw new Error(
      `maturity_scores.level_kind holds ${code}, which names no level kind; expected one of ${[
        ...KINDS.keys(),
      ].join(', ')}`,
    );
  return kind;
}
