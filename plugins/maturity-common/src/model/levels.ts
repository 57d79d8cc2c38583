/** Maturity level ids. @public */
export type LevelId = 'L1' | 'L2' | 'L3' | 'L4' | 'L5';

/**
 * A level, the score band that reaches it (`minScore` inclusive), and the checks a workload must
 * also pass to hold it (`maturity.levels.<id>.requires`). @public
 */
export interface Level {
  id: LevelId;
  /** Named after the CNCF Cloud Native Maturity Model's levels. */
  name: string;
  minScore: number;
  /** Check ids a workload must pass (or have waived, or not need) to hold this level. */
  requires?: string[];
}

/** What stands between a workload and the level above its own. @public */
export interface NextLevel {
  level: LevelId;
  /** The score the level's band starts at. */
  minScore: number;
  /** Its required checks the workload does not pass. */
  blockingChecks: string[];
}

/** The levels from lowest to highest; `docs/scoring.md` explains the bands. @public */
export const LEVELS: readonly Level[] = [
  { id: 'L1', name: 'Build', minScore: 0 },
  { id: 'L2', name: 'Operate', minScore: 40 },
  { id: 'L3', name: 'Scale', minScore: 60 },
  { id: 'L4', name: 'Improve', minScore: 75 },
  { id: 'L5', name: 'Adapt', minScore: 90 },
];

/** The level a score (0–100) reaches. @public */
export function levelForScore(score: number): Level {
  let reached = LEVELS[0];
  for (const level of LEVELS) {
    if (score >= level.minScore) reached = level;
  }
  return reached;
}

/** A required check holds unless it failed, passed only partly, or is unknown. */
const BLOCKING = new Set(['fail', 'partial', 'unknown']);

/**
 * The level a workload holds: the highest whose band its score reaches and whose required checks
 * it passes, every level below included, and what blocks the next one. `status` gives each
 * check's outcome by id.
 * @public
 */
export function gatedLevel(
  score: number,
  status: (checkId: string) => string | undefined,
  levels: readonly Level[] = LEVELS,
): { level: LevelId; next: NextLevel | null } {
  // A required check the workload is not scored on (another kind's scorecard) does not block.
  const blocking = (level: Level) =>
    (level.requires ?? []).filter(id => {
      const outcome = status(id);
      return outcome !== undefined && BLOCKING.has(outcome);
    });
  let held = 0;
  for (let i = 1; i < levels.length; i++) {
    if (score < levels[i].minScore || blocking(levels[i]).length > 0) break;
    held = i;
  }
  const above = levels[held + 1];
  if (!above) return { level: levels[held].id, next: null };
  return {
    level: levels[held].id,
    next: {
      level: above.id,
      minScore: above.minScore,
      blockingChecks: blocking(above),
    },
  };
}
