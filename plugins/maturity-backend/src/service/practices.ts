import {
  CheckDefinition,
  DimensionId,
  matchCases,
  PracticeCase,
  PracticeSuggestionsResponse,
  RollUpLevel,
} from '@internal/plugin-maturity-common';
import { ScoreRow, SnapshotStore } from '../database/SnapshotStore';
import { WorkloadDetail } from '../scoring/buildSnapshotRows';
import { DimensionMeans, GroupDetail } from '../scoring/groupDetails';
import { readWorkloadDetail } from '../scoring/storedDetail';
import { broadestRow, currentSnapshot } from './scorecards';

const SUGGESTIONS = 5;

/** A roll-up's dimension scores: kept with it, or, in a snapshot written before, from its workloads. */
async function groupDimensions(store: SnapshotStore, snapshotId: number, group: ScoreRow): Promise<Record<DimensionId, number | null>> {
  const kept = (group.detail as GroupDetail | undefined)?.dimensions;
  if (kept) return kept;
  const means = new DimensionMeans();
  for (const w of await store.getScores(snapshotId, { under: { level: group.levelKind as RollUpLevel, ref: group.ref } })) {
    // Both stored forms keep dimensions as they are.
    means.add({ ...w, dimensions: (w.detail as Pick<WorkloadDetail, 'dimensions'> | undefined)?.dimensions ?? {} });
  }
  return means.means();
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
    input = { dimensions: await groupDimensions(store, snapshot.id, row), checks: [], tags: [] };
  }
  const byId = new Map(cases.map(c => [c.id, c]));
  return {
    ref,
    items: matchCases(input, cases, checks)
      .slice(0, SUGGESTIONS)
      .map(s => ({ case: byId.get(s.caseId)!, relevance: s.relevance, reason: s.reason, because: s.because })),
  };
}
