/** The scheduler's id of the scoring task: runs are scheduled and triggered by it. */
export const SCORING_TASK_ID = 'maturity-scoring-run';
