import { builtInFacts, FactValue } from '@internal/plugin-maturity-common';
import { JSONPath } from 'jsonpath-plus';

/**
 * An operator-defined fact read by JSONPath from an object (a catalog entity, a Kubernetes
 * controller): the first match's value, or with `exists` whether anything matches.
 * @public
 */
export interface JsonPathFactDefinition {
  path: string;
  exists?: boolean;
}

/**
 * Why `path` is not a JSONPath expression, if it is not: it must start at the root (`$`) and
 * close every bracket, parenthesis and quote it opens. (jsonpath-plus parses a path only as far
 * as the data it is applied to leads it, so applying it to an empty object proves nothing.)
 * @public
 */
export function jsonPathProblem(path: string): string | undefined {
  if (!path.startsWith('$')) return 'it must start with $';
  const open: string[] = [];
  let quote: string | undefined;
  for (const c of path) {
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '[' || c === '(') open.push(c);
    else if (c === ']' || c === ')') {
      if (open.pop() !== (c === ']' ? '[' : '(')) return `an unmatched ${c}`;
    }
  }
  if (quote) return `an unclosed ${quote}`;
  if (open.length > 0) return `an unclosed ${open[open.length - 1]}`;
  return undefined;
}

/** What a match is worth as a fact: a scalar as it is, a list by its length, an object as true. */
function asFact(match: unknown): FactValue | undefined {
  if (match === null || match === undefined) return undefined;
  if (['string', 'number', 'boolean'].includes(typeof match))
    return match as FactValue;
  return Array.isArray(match) ? match.length : true;
}

/** Every value `path` matches in `json`; a filter that fails on this object matches nothing. */
function matchesOf(path: string, json: object): unknown[] {
  try {
    return (
      (JSONPath({ path, json, wrap: true }) as unknown[] | undefined) ?? []
    );
  } catch {
    // A filter that reads a field this object lacks fails here, not elsewhere: nothing matches
    // in this object, and one object never stops the run.
    return [];
  }
}

/**
 * The fact a definition reads from `json`: `undefined` (unknown) when nothing matches, or `false`
 * for an `exists` fact. Filter expressions run in jsonpath-plus' safe evaluator.
 * @public
 */
export function readJsonPathFact(
  definition: JsonPathFactDefinition,
  json: object,
): FactValue | undefined {
  const matches = matchesOf(definition.path, json);
  return definition.exists ? matches.length > 0 : asFact(matches[0]);
}

/** The first value `path` matches in `json`, as it is (an object stays an object). @public */
export function readJsonPathMatch(path: string, json: object): unknown {
  return matchesOf(path, json)[0];
}

/**
 * The form of the name of a fact an operator defines in config (`maturity.<source>.facts.<name>`):
 * camelCase, so that `<source>.<name>` reads like the built-in fact ids.
 * @public
 */
export const OPERATOR_FACT_NAME = {
  pattern: /^[a-z][a-zA-Z0-9]*$/,
  message: 'expected a camelCase fact name, e.g. ordersPerSecond',
} as const;

/**
 * Refuses operator-defined fact names whose ids (`idOf`) a built-in fact already has, with an
 * error naming the config key (`key`, e.g. `maturity.prometheus.facts`).
 * @public
 */
export function refuseBuiltInFactNames(
  key: string,
  names: Iterable<string>,
  idOf: (name: string) => string,
): void {
  const builtIn = builtInFacts();
  for (const name of names) {
    if (builtIn.has(idOf(name)))
      throw new Error(
        `Invalid config ${key}.${name}: ${idOf(
          name,
        )} is a built-in fact; name yours differently`,
      );
  }
}

/**
 * Checks operator-defined JSONPath facts under the config key `key`: no name a built-in fact has,
 * and every path JSONPath ({@link jsonPathProblem}); an error names the key.
 * @public
 */
export function checkJsonPathFacts(
  key: string,
  definitions: Record<string, JsonPathFactDefinition>,
  idOf: (name: string) => string,
): void {
  refuseBuiltInFactNames(key, Object.keys(definitions), idOf);
  for (const [name, { path }] of Object.entries(definitions)) {
    const problem = jsonPathProblem(path);
    if (problem)
      throw new Error(
        `Invalid config ${key}.${name}.path: ${JSON.stringify(
          path,
        )} is not a JSONPath expression (${problem})`,
      );
  }
}
