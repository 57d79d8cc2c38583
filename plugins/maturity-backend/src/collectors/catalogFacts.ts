import { Entity } from '@backstage/catalog-model';
import { FactOrigin, FactValue } from '@internal/plugin-maturity-common';
import {
  JsonPathFactDefinition,
  readJsonPathFact,
} from '@internal/plugin-maturity-node';

/** An operator-defined catalog fact: a JSONPath over the entity (`maturity.catalogFacts`). */
export type CatalogFactDefinition = JsonPathFactDefinition;

/** The id an operator-defined catalog fact is reported under. */
export const catalogFactId = (name: string) => `catalog.${name}`;

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

  /** The entity's facts, and the origin of each. */
  of(entity: Entity): {
    facts: Record<string, FactValue>;
    origins: Record<string, FactOrigin>;
  } {
    const facts: Record<string, FactValue> = {};
    for (const [name, d] of Object.entries(this.definitions)) {
      const value = readJsonPathFact(d, entity);
      if (value !== undefined) facts[catalogFactId(name)] = value;
    }
    return { facts, origins: this.origins };
  }
}
