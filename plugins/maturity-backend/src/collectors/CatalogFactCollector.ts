import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  FACTS,
  FactOrigin,
  MATURITY_ANNOTATIONS,
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
import { CatalogFactDefinition, CatalogFacts } from './catalogFacts';

// One origin per annotation, shared by every workload that declares through it.
const ANNOTATION_ORIGINS = new Map<string, FactOrigin>();
const annotationOrigin = (key: string): FactOrigin => {
  let origin = ANNOTATION_ORIGINS.get(key);
  if (!origin) {
    origin = { source: 'annotation', from: `annotation ${key}` };
    ANNOTATION_ORIGINS.set(key, origin);
  }
  return origin;
};

/** Declared practices, each with the annotation that declares it. */
function practiceFacts(entity: Entity, origins: Record<string, FactOrigin>) {
  const annotations = entity.metadata.annotations ?? {};
  const declared = readPractices(entity);
  const listed = new Set<string>(declared.ok ? declared.value ?? [] : []);
  // Without the practices annotation, a practice no other plugin's annotation implies is unknown.
  const declaresAll = declared.ok && declared.value !== undefined;
  const facts: WorkloadFacts = {};
  for (const [id, practice] of Object.entries(PRACTICES)) {
    const fact = FACTS.practice(id as PracticeId);
    const implying = practice.impliedBy.find(
      key => annotations[key] !== undefined,
    );
    if (listed.has(id) || implying) {
      facts[fact] = true;
      origins[fact] = annotationOrigin(
        listed.has(id) ? MATURITY_ANNOTATIONS.practices : implying!,
      );
    } else if (declaresAll) {
      facts[fact] = false;
      origins[fact] = annotationOrigin(MATURITY_ANNOTATIONS.practices);
    }
  }
  return facts;
}

/**
 * Facts the catalog itself holds: the declared workload kind, declared practices (and those
 * implied by other plugins' annotations), whether the Component provides an API, and the
 * operator's own JSONPath facts (`maturity.catalogFacts`). All of them are declared: the
 * practices by annotations, the rest by the entity's own fields.
 */
export class CatalogFactCollector implements MaturityFactCollector {
  readonly id = 'catalog';
  readonly source = 'catalog';
  private readonly custom?: CatalogFacts;

  /** @param definitions - operator-defined facts by name (`maturity.catalogFacts`) */
  constructor(definitions: Record<string, CatalogFactDefinition> = {}) {
    if (Object.keys(definitions).length > 0)
      this.custom = new CatalogFacts(definitions);
  }

  async collect(workloads: Entity[]): Promise<FactCollectionResult> {
    const facts = new Map<string, WorkloadFacts>();
    const origins = new Map<string, Record<string, FactOrigin>>();
    for (const entity of workloads) {
      const ref = stringifyEntityRef(entity);
      const kind = readWorkloadKind(entity);
      const declaredBy: Record<string, FactOrigin> = {};
      const practices = practiceFacts(entity, declaredBy);
      if (kind.ok && kind.value)
        declaredBy[FACTS.catalog.workloadKind] = annotationOrigin(
          MATURITY_ANNOTATIONS.workloadKind,
        );
      // The catalog's providesApi relations are made from this field; a run reads no relations.
      const providesApis =
        ((entity.spec?.providesApis as unknown[] | undefined)?.length ?? 0) > 0;
      const custom = this.custom?.of(entity);
      facts.set(ref, {
        ...(kind.ok && kind.value
          ? { [FACTS.catalog.workloadKind]: kind.value }
          : {}),
        [FACTS.catalog.apiDeclared]: providesApis,
        ...practices,
        ...custom?.facts,
      });
      origins.set(
        ref,
        custom ? { ...declaredBy, ...custom.origins } : declaredBy,
      );
    }
    return { facts, origins };
  }
}
