import { parseEntityRef } from '@backstage/catalog-model';
import { InitiativeDefinition } from '@internal/plugin-maturity-common';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { configKey } from '../config/configKey';

/** The shape of an initiative, in config and in the API's bodies alike. */
export const initiativeSchema = z
  .object({
    id: z
      .string()
      .max(100)
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id'),
    name: z.string().min(1).max(200),
    owner: z.string().min(1),
    scope: z.string().min(1),
    target: z.union([
      z.object({ level: z.enum(['L2', 'L3', 'L4', 'L5']) }).strict(),
      z.object({ score: z.number().min(0).max(100) }).strict(),
      z.object({ checks: z.array(z.string()).min(1) }).strict(),
    ]),
    deadline: z.string(),
  })
  .strict();

/**
 * What is wrong with an initiative, each naming its field under `prefix`: its shape, an entity
 * ref that does not parse, a deadline that is no day, a check that is not in force.
 */
export function initiativeProblems(
  value: unknown,
  prefix: string,
  checks: ReadonlySet<string>,
): string[] {
  const parsed = initiativeSchema.safeParse(value);
  if (!parsed.success)
    return parsed.error.issues.map(
      issue => `${configKey(prefix, issue.path)}: ${issue.message}`,
    );
  const i: InitiativeDefinition = parsed.data;
  const problems: string[] = [];
  for (const field of ['owner', 'scope'] as const) {
    try {
      parseEntityRef(i[field]);
    } catch {
      problems.push(
        `${prefix}.${field}: '${i[field]}' is no entity ref; expected e.g. group:default/search-ai`,
      );
    }
  }
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(i.deadline) ||
    !DateTime.fromISO(i.deadline, { zone: 'utc' }).isValid
  )
    problems.push(
      `${prefix}.deadline: '${i.deadline}' is no day; expected YYYY-MM-DD`,
    );
  if ('checks' in i.target)
    i.target.checks.forEach((id, n) => {
      if (!checks.has(id))
        problems.push(
          `${prefix}.target.checks[${n}]: there is no check '${id}' in force`,
        );
    });
  return problems;
}

/**
 * Reads `maturity.initiatives`: a bad one stops start-up with an error naming its key; an id used
 * twice is one too.
 */
export function readConfigInitiatives(
  value: unknown,
  checks: ReadonlySet<string>,
): InitiativeDefinition[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new Error(
      'Invalid config maturity.initiatives: expected a list of initiatives',
    );
  const seen = new Set<string>();
  return value.map((item, i) => {
    const key = `maturity.initiatives[${i}]`;
    const [problem] = initiativeProblems(item, key, checks);
    if (problem) throw new Error(`Invalid config ${problem}`);
    const initiative = initiativeSchema.parse(item);
    if (seen.has(initiative.id))
      throw new Error(
        `Invalid config ${key}.id: '${initiative.id}' is used by an earlier initiative`,
      );
    seen.add(initiative.id);
    return initiative;
  });
}
