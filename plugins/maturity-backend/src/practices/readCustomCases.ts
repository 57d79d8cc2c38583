import {
  CASE_CATEGORIES,
  DIMENSION_IDS,
  PRACTICE_CASES,
  PracticeCase,
} from '@internal/plugin-maturity-common';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { configKey } from '../config/configKey';

const outcome = z
  .object({
    metric: z.string().min(1),
    change: z.number().optional(),
    changeMax: z.number().optional(),
    from: z.number().optional(),
    fromMax: z.number().optional(),
    to: z.number().optional(),
    toMax: z.number().optional(),
    value: z.number().optional(),
    valueMax: z.number().optional(),
    bound: z.enum(['atLeast', 'upTo']).optional(),
    unit: z.string().optional(),
    note: z.string().optional(),
    of: z.string().min(1).optional(),
  })
  .strict()
  .refine(
    o => [o.change, o.value, o.from, o.to].some(n => n !== undefined) || o.note,
    'an outcome needs a number (change, value, from/to) or a note',
  );

const caseSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id'),
    organisation: z.string().min(1),
    industry: z.string().min(1),
    category: z.enum(CASE_CATEGORIES),
    dimensions: z.array(z.enum(DIMENSION_IDS as [string, ...string[]])).min(1),
    products: z.array(z.string()).default([]),
    tags: z.array(z.string()).default([]),
    scenarios: z.array(z.string()).default([]),
    summary: z.string().min(1),
    outcomes: z.array(outcome).min(1),
    targets: z.array(outcome).optional(),
    source: z.string().min(1),
  })
  .strict();

/**
 * Reads operators' own cases from the YAML files named in `maturity.practices.files` (each a
 * list of cases in the built-in cases' shape). A bad file stops start-up with an error naming the
 * file, the case and the field.
 */
export function readCustomCases(files: string[]): PracticeCase[] {
  const known = new Set(PRACTICE_CASES.map(c => c.id));
  const cases: PracticeCase[] = [];
  for (const file of files) {
    const full = path.resolve(file);
    const parsed = z
      .array(caseSchema)
      .safeParse(YAML.parse(fs.readFileSync(full, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `Invalid case file ${file}: ${configKey('', issue.path)}: ${
          issue.message
        }`,
      );
    }
    for (const c of parsed.data) {
      if (known.has(c.id))
        throw new Error(
          `Invalid case file ${file}: case id '${c.id}' is already taken`,
        );
      known.add(c.id);
      cases.push(c as PracticeCase);
    }
  }
  return cases;
}
