import {
  InitiativeDefinition,
  InitiativeProgress,
  InitiativeTarget,
  RollUpLevel,
} from '@internal/plugin-maturity-common';
import { coreWeight } from '@internal/plugin-maturity-node';
import {
  ScoreRow,
  SnapshotInfo,
  SnapshotStore,
} from '../database/SnapshotStore';
import { readWorkloadDetail } from '../snapshot/workloadDetail';

/** A check that passes, is waived or does not apply asks nothing more of a workload. */
const DONE = new Set(['pass', 'waived', 'not-applicable']);

/**
 * Whether a workload meets a target: its level at least the target's, its score at least the
 * target's, or every named check done (a check not on its scorecard is not asked of it).
 * Undefined when a check target meets a row without its detail (a thinned snapshot).
 */
export function meetsTarget(
  row: ScoreRow,
  target: InitiativeTarget,
  at: Date,
): boolean | undefined {
  if ('level' in target) return row.level !== null && row.level >= target.level;
  if ('score' in target) return row.score !== null && row.score >= target.score;
  if (row.detail === undefined || row.detail === null) return undefined;
  const statuses = new Map(
    readWorkloadDetail(row.detail, at).checks.map(c => [c.id, c.status]),
  );
  return target.checks.every(id => {
    const status = statuses.get(id);
    return status === undefined || DONE.has(status);
  });
}

/** Adds weighted cores, and those that meet the target. */
class Tally {
  cores = 0;
  coresMet = 0;
  add(weight: number, met: boolean) {
    this.cores += weight;
    if (met) this.coresMet += weight;
  }
  progress(): InitiativeProgress {
    return {
      cores: this.cores,
      coresMet: this.coresMet,
      share: this.cores > 0 ? this.coresMet / this.cores : null,
    };
  }
}

/** Progress of an initiative in one snapshot: overall, and per department and team in scope. */
export interface SnapshotProgress {
  progress: InitiativeProgress;
  groups: Array<
    InitiativeProgress & { ref: string; kind: 'department' | 'team' }
  >;
}

/**
 * An initiative's progress in a snapshot, core-weighted: of the weighted cores of the workloads
 * under its scope, those whose workloads meet its target. Undefined when its scope is no group of
 * that snapshot, or the snapshot was thinned (past `detailDays` a row keeps its figures only, not
 * its place in the hierarchy or its checks).
 */
export async function progressIn(
  store: SnapshotStore,
  snapshot: SnapshotInfo,
  initiative: InitiativeDefinition,
  scopeLevel: RollUpLevel,
): Promise<SnapshotProgress | undefined> {
  const checks = 'checks' in initiative.target;
  const rows = await store.getScores(snapshot.id, {
    levelKind: 'workload',
    under: { level: scopeLevel, ref: initiative.scope },
    figuresOnly: !checks,
  });
  // A snapshot thinned past detailDays keeps no place in the hierarchy: it cannot tell.
  if (rows.length === 0) return undefined;
  const total = new Tally();
  const groups = new Map<
    string,
    { kind: 'department' | 'team'; tally: Tally }
  >();
  for (const row of rows) {
    const weight = row.score === null ? 0 : coreWeight(row.cores);
    const met = meetsTarget(row, initiative.target, snapshot.startedAt);
    if (met === undefined) return undefined;
    total.add(weight, met);
    for (const kind of ['department', 'team'] as const) {
      const ref = row[kind];
      // The scope's own progress is the total.
      if (!ref || ref === initiative.scope) continue;
      let group = groups.get(ref);
      if (!group) {
        group = { kind, tally: new Tally() };
        groups.set(ref, group);
      }
      group.tally.add(weight, met);
    }
  }
  return {
    progress: total.progress(),
    groups: [...groups]
      .map(([ref, g]) => ({ ref, kind: g.kind, ...g.tally.progress() }))
      .sort(
        (a, b) =>
          (a.share ?? Infinity) - (b.share ?? Infinity) ||
          (a.ref < b.ref ? -1 : 1),
      ),
  };
}
