import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  FACTS,
  PracticeId,
  PRACTICES,
  readPractices,
  readWorkloadKind,
  WorkloadFacts,
} from '@internal/plugin-maturity-common';
import {
  FactCollectionResult,
  MaturityFactCollector,
} from '@internal/plugin-maturity-node';

function practiceFacts(entity: Entity): WorkloadFacts {
  const annotations = entity.metadata.annotations ?? {};
  const declared = readPractices(entity);
  const listed = new Set<string>(declared.ok ? declared.value ?? [] : []);
  // Without the practices annotation, a practice no other plugin's annotation implies is unknown.
  const declaresAll = declared.ok && declared.value !== undefined;
  const facts: WorkloadFacts = {};
  for (const [id, practice] of Object.entries(PRACTICES)) {
    const implied = practice.impliedBy.some(
      key => annotations[key] !== undefined,
    );
    if (listed.has(id) || implied)
      facts[FACTS.catalog.practice(id as PracticeId)] = true;
    else if (declaresAll)
      facts[FACTS.catalog.practice(id as PracticeId)] = false;
  }
  return facts;
}

/**
 * Facts the catalog itself holds: the declared workload kind, declared practices (and those
 * implied by other plugins' annotations), and whether the Component provides an API.
 */
export class CatalogFactCollector implements MaturityFactCollector {
  readonly id = 'catalog';

  async collect(workloads: Entity[]): Promise<FactCollectionResult> {
    const facts = new Map<string, WorkloadFacts>();
    for (const entity of workloads) {
      const kind = readWorkloadKind(entity);
      // The catalog's providesApi relations are made from this field; a run reads no relations.
      const providesApis =
        ((entity.spec?.providesApis as unknown[] | undefined)?.length ?? 0) > 0;
      facts.set(stringifyEntityRef(entity), {
        ...(kind.ok && kind.value
          ? { [FACTS.catalog.workloadKind]: kind.value }
          : {}),
        [FACTS.catalog.apiDeclared]: providesApis,
        ...practiceFacts(entity),
      });
    }
    return { facts };
  }
}
