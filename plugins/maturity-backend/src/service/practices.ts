import {
  CheckDefinition,
  PracticeCase,
  PracticeSuggestionsResponse,
} from '@internal/plugin-maturity-common';
import { matchCases } from '@internal/plugin-maturity-node';
import { SnapshotStore } from '../database/SnapshotStore';
import { readWorkloadDetail } from '../snapshot/workloadDetail';
import { broadestRow, currentSnapshot, groupDetailOf } from './scorecards';

const SUGGESTIONS = 5;

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
    const detail = readWorkloadDetail(row.detail, snapshot.startedAt);
    input = {
      dimensions: detail.dimensions,
      checks: detail.checks,
      tags: detail.tags ?? [],
    };
  } else {
    input = {
      dimensions: groupDetailOf(row).dimensions,
      checks: [],
      tags: [],
    };
  }
  const byId = new Map(cases.map(c => [c.id, c]));
  return {
    ref,
    items: matchCases(input, cases, checks)
      .slice(0, SUGGESTIONS)
      .map(s => ({
        case: byId.get(s.caseId)!,
        relevance: s.relevance,
        reason: s.reason,
        because: s.because,
      })),
  };
}
