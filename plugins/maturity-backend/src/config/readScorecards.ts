import { Entity } from '@backstage/catalog-model';
import { CheckDefinition } from '@internal/plugin-maturity-common';
import { z } from 'zod';
import { configKey } from './configKey';

/** A set of checks for the workloads an entity filter selects (`maturity.scorecards`). */
export interface ScorecardByKind {
  name: string;
  /** Entity field (dot path, e.g. `spec.type`) → the value, or values, it must have. */
  when: Record<string, string[]>;
  checks: CheckDefinition[];
}

const schema = z.array(
  z
    .object({
      name: z
        .string()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case name'),
      when: z
        .record(z.union([z.string(), z.array(z.string()).min(1)]))
        .refine(w => Object.keys(w).length > 0, 'expected at least one field'),
      checks: z.array(z.string().min(1)).min(1),
    })
    .strict(),
);

/**
 * Reads `maturity.scorecards`: check sets for kinds of workload, chosen by a filter on the entity
 * (the first that matches wins; a workload no filter selects gets every check in force). A check
 * not in force or a name used twice stops start-up with an error naming the key.
 */
export function readScorecards(
  raw: unknown,
  checks: CheckDefinition[],
): ScorecardByKind[] {
  const parsed = schema.safeParse(raw ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Invalid config ${configKey('maturity.scorecards', issue.path)}: ${
        issue.message
      }`,
    );
  }
  const byId = new Map(checks.map(c => [c.id, c]));
  const names = new Set<string>();
  return parsed.data.map((s, i) => {
    if (names.has(s.name))
      throw new Error(
        `Invalid config maturity.scorecards[${i}].name: '${s.name}' is used by an earlier scorecard`,
      );
    names.add(s.name);
    s.checks.forEach((id, j) => {
      if (!byId.has(id))
        throw new Error(
          `Invalid config maturity.scorecards[${i}].checks[${j}]: there is no check '${id}' in force`,
        );
    });
    const wanted = new Set(s.checks);
    return {
      name: s.name,
      when: Object.fromEntries(
        Object.entries(s.when).map(([k, v]) => [k, [v].flat()]),
      ),
      // In the model's order, so every scorecard lists checks alike.
      checks: checks.filter(c => wanted.has(c.id)),
    };
  });
}

const valueAt = (entity: Entity, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (at, key) =>
        at && typeof at === 'object'
          ? (at as Record<string, unknown>)[key]
          : undefined,
      entity,
    );

/** The scorecard whose filter the entity matches first, if any. */
export function scorecardFor(
  scorecards: readonly ScorecardByKind[],
  entity: Entity | undefined,
): ScorecardByKind | undefined {
  if (!entity) return undefined;
  return scorecards.find(s =>
    Object.entries(s.when).every(([path, values]) =>
      values.includes(String(valueAt(entity, path))),
    ),
  );
}
