import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';

/** `maturity.budgets` as written: a monthly budget per team or department. */
export const budgetsSchema = z.array(
  z
    .object({
      group: z.string().min(1),
      monthly: z.number().positive(),
    })
    .strict(),
);

/**
 * Each group's monthly budget, by entity ref (`group:default/search-ai`; a bare name is a Group
 * in the default namespace). A ref of another kind, or a group named twice, is an error naming
 * the key.
 */
export function readBudgets(
  budgets: z.infer<typeof budgetsSchema> = [],
): Map<string, number> {
  const byGroup = new Map<string, number>();
  budgets.forEach(({ group, monthly }, i) => {
    const key = `maturity.budgets[${i}].group`;
    let ref: string;
    try {
      ref = stringifyEntityRef(
        parseEntityRef(group, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      );
    } catch (error) {
      throw new Error(`Invalid config ${key}: ${(error as Error).message}`);
    }
    if (!ref.startsWith('group:'))
      throw new Error(
        `Invalid config ${key}: '${group}' is not a Group; a budget belongs to a team or a department`,
      );
    if (byGroup.has(ref))
      throw new Error(`Invalid config ${key}: ${ref} has a budget already`);
    byGroup.set(ref, monthly);
  });
  return byGroup;
}
