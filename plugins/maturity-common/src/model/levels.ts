/** Maturity level ids. @public */
export type LevelId = 'L1' | 'L2' | 'L3' | 'L4' | 'L5';

/** A level and the score band that reaches it (`minScore` inclusive). @public */
export interface Level {
  id: LevelId;
  /** Named after the CNCF Cloud Native Maturity Model's levels. */
  name: string;
  minScore: number;
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
