import {
  CheckDefinition,
  CheckRule,
  DIMENSION_IDS,
  DimensionId,
  isCompositeRule,
  ruleFacts,
} from '@internal/plugin-maturity-common';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { configKey } from './configKey';

const fact = z.string().min(1);

/**
 * A rule as written: the same shapes as {@link CheckRule}, `all` and `any` holding at least two
 * rules. The bounds of `atMost` and `between` are checked by {@link checkRuleBounds}.
 */
const ruleSchema: z.ZodType<CheckRule> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('true'), fact }).strict(),
    z.object({ kind: z.literal('false'), fact }).strict(),
    z
      .object({
        kind: z.literal('atLeast'),
        fact,
        target: z.number().positive(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('atMost'),
        fact,
        limit: z.number(),
        zeroAt: z.number(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('between'),
        fact,
        min: z.number(),
        max: z.number(),
      })
      .strict(),
    ...(['all', 'any'] as const).map(kind =>
      z
        .object({
          kind: z.literal(kind),
          rules: z.array(ruleSchema).min(2, 'expected at least two rules'),
        })
        .strict(),
    ),
  ] as any),
);

/** Reports an `atMost` whose `zeroAt` is not above its `limit`, or a `between` upside down. */
function checkRuleBounds(
  rule: CheckRule,
  at: (string | number)[],
  ctx: z.RefinementCtx,
) {
  const issue = (key: string, message: string) =>
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: [...at, key],
      message,
    });
  if (isCompositeRule(rule))
    rule.rules.forEach((part, i) =>
      checkRuleBounds(part, [...at, 'rules', i], ctx),
    );
  else if (rule.kind === 'atMost' && !(rule.zeroAt > rule.limit))
    issue('zeroAt', `expected a number above limit (${rule.limit})`);
  else if (rule.kind === 'between' && !(rule.max >= rule.min))
    issue('max', `expected a number not below min (${rule.min})`);
}

/**
 * A check as an operator writes it, in YAML or `app-config.yaml`: the format the default checks
 * are written in (`CheckDefinition`), validated field by field.
 */
export const checkDefinitionSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id'),
    title: z.string().min(1),
    dimension: z.enum(DIMENSION_IDS as [DimensionId, ...DimensionId[]]),
    side: z.enum(['platform', 'business']),
    weight: z.number().positive(),
    rule: ruleSchema,
    appliesTo: z
      .object({
        facts: z.array(fact).min(1),
        values: z.array(z.string()).min(1),
      })
      .strict()
      .optional(),
    rationale: z.string().min(1),
    remediation: z.string().min(1),
    cases: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .superRefine((check, ctx) => checkRuleBounds(check.rule, ['rule'], ctx));

/** Where in a rule a fact is read: `rule.fact`, or `rule.rules[1].fact` inside `all` / `any`. */
function factKey(rule: CheckRule, id: string, key = 'rule'): string {
  if (!isCompositeRule(rule)) return `${key}.fact`;
  const i = rule.rules.findIndex(part => ruleFacts(part).includes(id));
  return factKey(rule.rules[i], id, `${key}.rules[${i}]`);
}

/** What a custom check may refer to, and the ids already taken. */
export interface CheckReferences {
  /** Facts the suite's collectors and the installed modules report. */
  facts: ReadonlySet<string>;
  /** Ids of the best-practice cases. */
  cases: ReadonlySet<string>;
  /** Ids of the default checks. */
  taken: ReadonlySet<string>;
}

/**
 * The operator's own checks: `maturity.customChecks` (a list) and the files
 * `maturity.customCheckFiles` names (each `{ checks: [...] }`). A definition that is malformed,
 * takes an id already taken, reads a fact no collector reports or names an unknown case stops
 * start-up with an error naming the key (or the file and the key in it).
 */
export function readCustomChecks(
  inline: unknown[],
  files: string[],
  refs: CheckReferences,
): CheckDefinition[] {
  const taken = new Set(refs.taken);
  const checks: CheckDefinition[] = [];
  const read = (raw: unknown, where: (key: string) => string) => {
    const parsed = checkDefinitionSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${where(configKey('', issue.path))}: ${issue.message}`);
    }
    const check = parsed.data as CheckDefinition;
    if (taken.has(check.id)) {
      throw new Error(
        `${where('id')}: '${
          check.id
        }' is already taken by a default check or one defined before; pick another id, or override the existing one under maturity.checks`,
      );
    }
    const unknownFact = (id: string) => !refs.facts.has(id);
    const unread = ruleFacts(check.rule).find(unknownFact);
    if (unread !== undefined) {
      throw new Error(
        `${where(
          factKey(check.rule, unread),
        )}: no collector reports a fact '${unread}'; expected a built-in fact (docs/scoring.md lists them) or one an installed module declares`,
      );
    }
    check.appliesTo?.facts.forEach((id, i) => {
      if (unknownFact(id))
        throw new Error(
          `${where(
            `appliesTo.facts[${i}]`,
          )}: no collector reports a fact '${id}'`,
        );
    });
    check.cases.forEach((id, i) => {
      if (!refs.cases.has(id))
        throw new Error(`${where(`cases[${i}]`)}: there is no case '${id}'`);
    });
    taken.add(check.id);
    checks.push(check);
  };
  const at = (prefix: string, key: string) =>
    key ? `${prefix}.${key}` : prefix;
  inline.forEach((raw, i) =>
    read(
      raw,
      key => `Invalid config ${at(`maturity.customChecks[${i}]`, key)}`,
    ),
  );
  for (const file of files) {
    let doc: unknown;
    try {
      doc = YAML.parse(fs.readFileSync(path.resolve(file), 'utf8'));
    } catch (error) {
      throw new Error(
        `Invalid check file ${file}: ${(error as Error).message}`,
      );
    }
    const list = (doc as { checks?: unknown })?.checks;
    if (!Array.isArray(list)) {
      throw new Error(
        `Invalid check file ${file}: expected a YAML mapping with a list under checks`,
      );
    }
    list.forEach((raw, i) =>
      read(
        raw,
        key => `Invalid check file ${file}: ${at(`checks[${i}]`, key)}`,
      ),
    );
  }
  return checks;
}
