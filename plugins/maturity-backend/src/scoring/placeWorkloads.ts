import {
  Entity,
  GroupEntity,
  isGroupEntity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  findAnnotationProblems,
  readDeclaredCores,
  WorkloadHierarchy,
} from '@internal/plugin-maturity-common';
import { resolveWorkloadHierarchy } from '@internal/plugin-maturity-node';

/**
 * A Component as a run reads it from the catalog, before its facts: its place in the
 * organisation, the cores its owner declared, and the problems found in its annotations.
 */
export interface PlacedWorkload extends WorkloadHierarchy {
  ref: string;
  title?: string;
  /** The cores annotation, if valid; measured requests outrank it (see workloadCores). */
  declaredCores: number | null;
  problems: string[];
}

/** The catalog's Groups by ref: the tree a workload's team, department and company come from. */
export function groupsByRef(groups: Entity[]): Map<string, GroupEntity> {
  return new Map(
    groups
      .filter(isGroupEntity)
      .map(group => [stringifyEntityRef(group), group]),
  );
}

/** Why a workload is in no team, department or company: its owner is not a Group in the catalog. */
function unassignedProblem(component: Entity): string {
  const owner = (component.spec as { owner?: unknown } | undefined)?.owner;
  return (
    `Entity ${stringifyEntityRef(
      component,
    )} is unassigned: its owner ${JSON.stringify(
      owner ?? null,
    )} is not a Group ` +
    'in the catalog, so it has no team, department or company and counts in no roll-up above its product; ' +
    'expected spec.owner to name an existing Group'
  );
}

/**
 * Places catalog Components in the organisation: product, team, department and company, with
 * their declared cores. Malformed annotations are recorded as problems on that workload only.
 */
export function placeWorkloads(
  components: Entity[],
  groups: Map<string, GroupEntity>,
  /** Shared spellings of group and system refs, kept across the pages of a run. */
  refs: Map<string, string> = new Map(),
): PlacedWorkload[] {
  // One string per group, shared by every workload in it.
  const shared = (ref: string) => refs.get(ref) ?? (refs.set(ref, ref), ref);
  return components.map(component => {
    const cores = readDeclaredCores(component);
    const hierarchy = resolveWorkloadHierarchy(component, groups);
    const problems = findAnnotationProblems(component);
    if (!hierarchy.company) problems.push(unassignedProblem(component));
    const place = Object.entries(hierarchy)
      .filter(([, ref]) => ref !== undefined)
      .map(([level, ref]) => [level, shared(ref!)]);
    const workload: PlacedWorkload = {
      ref: stringifyEntityRef(component),
      ...Object.fromEntries(place),
      declaredCores: cores.ok && cores.value !== undefined ? cores.value : null,
      problems,
    };
    if (component.metadata.title) workload.title = component.metadata.title;
    return workload;
  });
}
