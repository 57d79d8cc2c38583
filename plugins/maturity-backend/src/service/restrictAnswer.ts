import {
  LeaderboardResponse,
  WorkloadListResponse,
  coreWeight,
} from '@internal/plugin-maturity-common';
import { ReadScope } from './EntityReadAccess';
import { notScored } from './scorecards';

/**
 * Fails exactly as for an entity without figures when the caller may not read `ref`, so that a
 * 404 tells nothing about what the catalog hides.
 */
export async function requireReadable(
  scope: ReadScope,
  ref: string,
): Promise<void> {
  if (scope.all) return;
  if (!(await scope.readable([ref])).has(ref)) throw notScored(ref);
}

/**
 * An entity's answer with the members the caller may not read left out. A roll-up's own figures
 * stay whole: they are the group's, which the caller may read, and leaving out a hidden member's
 * workloads would make one group's score differ from one reader to the next.
 */
export async function withReadableMembers<T extends object>(
  scope: ReadScope,
  answer: T,
): Promise<T> {
  const members = (answer as { members?: Array<{ ref: string }> }).members;
  if (scope.all || !members) return answer;
  const readable = await scope.readable(members.map(m => m.ref));
  return { ...answer, members: members.filter(m => readable.has(m.ref)) };
}

/** A leaderboard with the rows the caller may not read left out; ranks stay those of the whole board. */
export async function withReadableRows(
  scope: ReadScope,
  board: LeaderboardResponse,
): Promise<LeaderboardResponse> {
  if (scope.all) return board;
  const readable = await scope.readable(board.rows.map(r => r.ref));
  const rows = board.rows.filter(r => readable.has(r.ref));
  return { ...board, total: rows.length, rows };
}

/** The workloads the caller may read, with the unweighted count taken over them. */
export async function withReadableWorkloads(
  scope: ReadScope,
  list: WorkloadListResponse,
): Promise<WorkloadListResponse> {
  if (scope.all) return list;
  const readable = await scope.readable(list.items.map(w => w.ref));
  const items = list.items.filter(w => readable.has(w.ref));
  return {
    ...list,
    items,
    unweighted: items.filter(w => coreWeight(w.cores) === 0).length,
  };
}
