import { FactValue } from '@internal/plugin-maturity-common';
import {
  readJsonPathFact,
  readJsonPathMatch,
} from '@internal/plugin-maturity-node';
import {
  ClusterSource,
  CustomResourceKind,
  describeObject,
  KubeObject,
} from '../sources/ClusterSource';
import { addTo } from '../grouping';
import { selects } from './deriveFacts';

/**
 * An operator's fact read from objects of a named kind rather than from the controllers: a
 * JSONPath over the object (`path`), or with `exists` whether such an object names the workload
 * (and, with a path, matches it).
 */
export interface ResourceFactDefinition {
  resource: CustomResourceKind;
  path?: string;
  exists?: boolean;
}

/** Facts that read the same kind the same way share one listing of it. */
const kindKey = (kind: CustomResourceKind) =>
  JSON.stringify([kind.apiVersion, kind.plural, kind.target, kind.selector]);

/** One object of a kind, as kept: what it applies to and the value of each fact read from it. */
interface KeptObject {
  name: string;
  target?: FactValue;
  selector?: { matchLabels?: Record<string, string> };
  values: Record<string, FactValue>;
}

/** A fact's value for one workload, and the object it was read from. */
export interface ResourceFact {
  value: FactValue;
  /** e.g. `ScaledObject shop/cart`; absent when no object applies. */
  from?: string;
}

/**
 * The objects of the kinds operators' facts read, on one cluster, by namespace. A kind the
 * cluster does not serve applies to nothing: its `exists` facts are false (no such object names
 * the workload) and its value facts unknown.
 */
export class ResourceFacts {
  /** Each fact with the key of the kind it reads, worked out once rather than per workload. */
  private readonly facts: Array<[string, ResourceFactDefinition, string]>;

  private constructor(
    definitions: Record<string, ResourceFactDefinition>,
    /** kind key → namespace → objects; a kind the cluster does not serve is absent. */
    private readonly objects: Map<string, Map<string, KeptObject[]>>,
  ) {
    this.facts = Object.entries(definitions).map(([name, definition]) => [
      name,
      definition,
      kindKey(definition.resource),
    ]);
  }

  /**
   * Lists each kind the definitions name once, keeping of each object only what the facts read
   * (the objects it applies to, and each fact's value).
   */
  static async read(
    source: ClusterSource,
    definitions: Record<string, ResourceFactDefinition>,
  ): Promise<ResourceFacts> {
    const kinds = new Map<string, CustomResourceKind>();
    for (const { resource } of Object.values(definitions))
      kinds.set(kindKey(resource), resource);
    const objects = new Map<string, Map<string, KeptObject[]>>();
    await Promise.all(
      [...kinds].map(async ([key, kind]) => {
        const reading = Object.entries(definitions).filter(
          ([, d]) => kindKey(d.resource) === key,
        );
        const kept = await source.listAddOn(kind, o => {
          const values: Record<string, FactValue> = {};
          for (const [name, definition] of reading) {
            const value = definition.path
              ? readJsonPathFact(
                  { path: definition.path, exists: definition.exists },
                  o,
                )
              : true;
            if (value !== undefined) values[name] = value;
          }
          const selector = kind.selector
            ? readJsonPathMatch(kind.selector, o)
            : undefined;
          return {
            namespace: o.metadata?.namespace ?? '',
            name: describeObject(o),
            target: kind.target
              ? (readJsonPathMatch(kind.target, o) as FactValue | undefined)
              : undefined,
            selector:
              typeof selector === 'object'
                ? (selector as KeptObject['selector'])
                : undefined,
            values,
          };
        });
        if (!kept) return;
        const byNamespace = new Map<string, KeptObject[]>();
        for (const { namespace, ...object } of kept)
          addTo(byNamespace, namespace, object);
        objects.set(key, byNamespace);
      }),
    );
    return new ResourceFacts(definitions, objects);
  }

  /**
   * Each fact of a workload's controllers, by name: a value is the first applying object's that
   * has one; an `exists` fact holds when an object applies (and, with a path, matches it).
   */
  factsOf(controllers: KubeObject[]): Record<string, ResourceFact> {
    const facts: Record<string, ResourceFact> = {};
    for (const [name, definition, key] of this.facts) {
      const kind = definition.resource;
      const byNamespace = this.objects.get(key);
      const applying = byNamespace
        ? controllers.flatMap(c =>
            (byNamespace.get(c.metadata?.namespace ?? '') ?? []).filter(o =>
              appliesTo(kind, o, c),
            ),
          )
        : [];
      if (definition.exists) {
        const match = applying.find(o => o.values[name] === true);
        facts[name] = match
          ? { value: true, from: match.name }
          : { value: false };
      } else {
        const found = applying.find(o => o.values[name] !== undefined);
        if (found)
          facts[name] = { value: found.values[name], from: found.name };
      }
    }
    return facts;
  }
}

function appliesTo(
  kind: CustomResourceKind,
  object: KeptObject,
  controller: KubeObject,
): boolean {
  if (kind.target) return object.target === controller.metadata?.name;
  if (kind.selector)
    return selects(
      object.selector,
      controller.spec?.template?.metadata?.labels ?? {},
    );
  return true;
}
