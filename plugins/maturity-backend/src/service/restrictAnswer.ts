import {
  CostResponse,
  InsightResponse,
  stringifyPlatformRef,
  LeaderboardResponse,
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

/** The items whose entity the caller may read, in their order. */
export async function readableOf<T extends { ref: string }>(
  scope: ReadScope,
  items: T[],
): Promise<T[]> {
  if (scope.all) return items;
  const readable = await scope.readable(items.map(item => item.ref));
  return items.filter(item => readable.has(item.ref));
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
  if (!members) return answer;
  return { ...answer, members: await readableOf(scope, members) };
}

/**
 * A cost answer with the members, the departments a cluster's idle cost is shared to, and the
 * clusters a group's idle share comes from, that the caller may not read left out; the figures
 * themselves stay whole.
 */
export async function withReadableCostParts(
  scope: ReadScope,
  answer: CostResponse,
): Promise<CostResponse> {
  const restricted = await withReadableMembers(scope, answer);
  if (scope.all) return restricted;
  const { cluster, idle } = answer;
  const clusters = idle
    ? await readableOf(
        scope,
        idle.clusters.map(c => ({
          ...c,
          ref: stringifyPlatformRef(c.cluster),
        })),
      )
    : [];
  return {
    ...restricted,
    ...(cluster
      ? {
          cluster: {
            ...cluster,
            idleShares: await readableOf(scope, cluster.idleShares),
          },
        }
      : {}),
    ...(idle
      ? {
          idle: {
            ...idle,
            clusters: clusters.map(({ ref: _ref, ...c }) => c),
          },
        }
      : {}),
  };
}

/** A leaderboard with the rows the caller may not read left out; ranks stay those of the whole board. */
export async function withReadableRows(
  scope: ReadScope,
  board: LeaderboardResponse,
): Promise<LeaderboardResponse> {
  const rows = await readableOf(scope, board.rows);
  return { ...board, total: rows.length, rows };
}

/**
 * An insight with the workloads to fix the caller may not read left out; the points each check
 * adds stay whole, as a group's own figures do.
 */
export async function withReadableFixes(
  scope: ReadScope,
  answer: InsightResponse,
): Promise<InsightResponse> {
  if (scope.all) return answer;
  const visible = await scope.readable([
    ...new Set(answer.impact.flatMap(i => i.fixes.map(f => f.ref))),
  ]);
  return {
    ...answer,
    impact: answer.impact.map(i => ({
      ...i,
      fixes: i.fixes.filter(f => visible.has(f.ref)),
    })),
  };
}
