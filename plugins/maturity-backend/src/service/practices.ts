import {
  CheckDefinition,
  DIMENSION_IDS,
  DimensionId,
  matchCases,
  PracticeCase,
  PracticeSuggestionsResponse,
  RollUpLevel,
} from '@internal/plugin-maturity-common';
import { ScoreRow, SnapshotStore } from '../database/SnapshotStore';
import { WorkloadDetail } from '../scoring/buildSnapshotRows';
import { readWorkloadDetail } from '../scoring/storedDetail';
import { broadestRow, currentSnapshot } from './scorecards';

const SUGGESTIONS = 5;

/** Core-weighted mean of the workloads' dimension scores, like every other roll-up. */
function rolledUpDimensions(workloads: ScoreRow[]): Record<DimensionId, number | null> {
  const result = {} as Record<DimensionId, number | null>;
  for (const d of DIMENSION_IDS) {
    let sum = 0;
    let weight = 0;
    for (const w of workloads) {
      // Both stored forms keep dimensions as they are.
      const value = (w.detail as Pick<WorkloadDetail, 'dimensions'> | undefined)?.dimensions[d];
      if (typeof value !== 'number' || w.score === null || !(w.cores > 0)) continue;
      sum += value * w.cores;
      weight += w.cores;
    }
    result[d] = weight > 0 ? sum / weight : null;
  }
  return result;
}

/** The cases most relevant to one entity, with the reason for each. */
export async function suggestCases(
  store: SnapshotStore,
  ref: string,
  cases: PracticeCase[],
  checks: CheckDefinition[],
): Promise<PracticeSuggestionsResponse> {
  const snapshot = await currentSnapshot(store);
  const row = await broadestRow(store, snapshot, ref);
  const levelKind = row.levelKind;
  let input;
  if (levelKind === 'workload') {
    const detail = readWorkloadDetail(row.detail);
    input = { dimensions: detail.dimensions, checks: detail.checks, tags: detail.tags ?? [] };
  } else {
    const workloads = await store.getScores(snapshot.id, { under: { level: levelKind as RollUpLevel, ref } });
    input = { dimensions: rolledUpDimensions(workloads), checks: [], tags: [] };
  }
  const byId = new Map(cases.map(c => [c.id, c]));
  return {
    ref,
    items: matchCases(input, cases, checks)
      .slice(0, SUGGESTIONS)
      .map(s => ({ case: byId.get(s.caseId)!, relevance: s.relevance, reason: s.reason, because: s.because })),
  };
}
