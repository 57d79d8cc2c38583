import { Entity } from '@backstage/catalog-model';
import { FactOrigin, FactValue } from '@internal/plugin-maturity-common';
import { JSONPath } from 'jsonpath-plus';

/** An operator-defined catalog fact: a JSONPath over the entity (`maturity.catalogFacts`). */
export interface CatalogFactDefinition {
  path: string;
  /** Whether the fact is whether anything matches, rather than the first match's value. */
  exists?: boolean;
}

/** The id an operator-defined catalog fact is reported under. */
export const catalogFactId = (name: string) => `catalog.${name}`;

/** Why `path` is not a JSONPath expression, if it is not. */
function malformed(path: string): string | undefined {
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

/**
 * Operator-defined facts read from each entity by JSONPath, e.g. `$.spec.lifecycle` or
 * `$.metadata.annotations['pagerduty.com/service-id']`. They are declarations (`catalog`): the
 * entity says so. An entity the path does not match has the fact unknown, or `false` for an
 * `exists` fact.
 */
export class CatalogFacts {
  private readonly origins: Record<string, FactOrigin>;

  constructor(
    private readonly definitions: Record<string, CatalogFactDefinition>,
  ) {
    this.origins = Object.fromEntries(
      Object.entries(definitions).map(([name, d]) => [
        catalogFactId(name),
        { source: 'catalog', from: `entity ${d.path}` },
      ]),
    );
  }

  /**
   * Throws an error naming the key when a path is not JSONPath: it must start at the root (`$`)
   * and close every bracket, parenthesis and quote it opens. (jsonpath-plus parses a path only
   * as far as the data it is applied to leads it, so an empty object proves nothing.)
   */
  static validate(definitions: Record<string, CatalogFactDefinition>) {
    for (const [name, { path }] of Object.entries(definitions)) {
      const problem = malformed(path);
      if (problem)
        throw new Error(
          `Invalid config maturity.catalogFacts.${name}.path: ${JSON.stringify(
            path,
          )} is not a JSONPath expression (${problem})`,
        );
    }
  }

  /** The entity's facts, and the origin of each. */
  of(entity: Entity): {
    facts: Record<string, FactValue>;
    origins: Record<string, FactOrigin>;
  } {
    const facts: Record<string, FactValue> = {};
    for (const [name, d] of Object.entries(this.definitions)) {
      const matches = JSONPath({ path: d.path, json: entity, wrap: true }) as
        | unknown[]
        | undefined;
      const found = matches ?? [];
      const value = d.exists ? found.length > 0 : asFact(found[0]);
      if (value !== undefined) facts[catalogFactId(name)] = value;
    }
    return { facts, origins: this.origins };
  }
}
