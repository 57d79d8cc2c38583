import {
  Entity,
  GroupEntity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { WorkloadHierarchy } from '@internal/plugin-maturity-common';

/** Group types the hierarchy rules give a meaning to. @public */
export const GROUP_TYPES = {
  department: 'department',
  organization: 'organization',
} as const;

function refOrUndefined(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace }),
    );
  } catch {
    return undefined;
  }
}

/**
 * Resolves a Component's product, team, department and company by the rules of the design:
 * product = `spec.system`; department = nearest `department` Group up the owner's
 * `spec.parent` chain; company = nearest `organization` Group, else the chain's root.
 *
 * @param component - the workload
 * @param groups - every Group in the catalog, by entity ref
 * @public
 */
export function resolveWorkloadHierarchy(
  component: Entity,
  groups: ReadonlyMap<string, GroupEntity>,
): WorkloadHierarchy {
  const namespace = component.metadata.namespace ?? 'default';
  const spec = (component.spec ?? {}) as Record<string, unknown>;
  const result: WorkloadHierarchy = {
    product: refOrUndefined(spec.system, 'system', namespace),
  };

  const ownerRef = refOrUndefined(spec.owner, 'group', namespace);
  const chain: GroupEntity[] = [];
  const seen = new Set<string>();
  let current = ownerRef ? groups.get(ownerRef) : undefined;
  // The seen set stops a malformed catalog with a parent cycle from looping forever.
  while (current) {
    const ref = stringifyEntityRef(current);
    if (seen.has(ref)) break;
    seen.add(ref);
    chain.push(current);
    const parent = refOrUndefined(
      current.spec.parent,
      'group',
      current.metadata.namespace ?? 'default',
    );
    current = parent ? groups.get(parent) : undefined;
  }
  if (chain.length === 0) return result;

  const owner = chain[0];
  if (
    owner.spec.type !== GROUP_TYPES.department &&
    owner.spec.type !== GROUP_TYPES.organization
  ) {
    result.team = stringifyEntityRef(owner);
  }
  const department = chain.find(g => g.spec.type === GROUP_TYPES.department);
  if (department) result.department = stringifyEntityRef(department);
  const company =
    chain.find(g => g.spec.type === GROUP_TYPES.organization) ??
    chain[chain.length - 1];
  result.company = stringifyEntityRef(company);
  return result;
}
