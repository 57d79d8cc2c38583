import {
  Entity,
  GroupEntity,
  isGroupEntity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  findAnnotationProblems,
  readDeclaredCores,
  resolveWorkloadHierarchy,
} from '@internal/plugin-maturity-common';
import { InventoryWorkload } from '../database/MaturityStore';

/**
 * Turns catalog entities into the workload inventory: every Component with its hierarchy and
 * declared cores. Malformed annotations are recorded as problems on that workload only.
 */
export function buildInventory(entities: Entity[]): InventoryWorkload[] {
  const groups = new Map<string, GroupEntity>();
  for (const entity of entities) {
    if (isGroupEntity(entity)) groups.set(stringifyEntityRef(entity), entity);
  }
  return entities
    .filter(e => e.kind.toLocaleLowerCase('en-US') === 'component')
    .map(component => {
      const cores = readDeclaredCores(component);
      const workload: InventoryWorkload = {
        ref: stringifyEntityRef(component),
        ...resolveWorkloadHierarchy(component, groups),
        cores: cores.ok && cores.value !== undefined ? cores.value : null,
        coresSource: cores.ok && cores.value !== undefined ? 'annotation' : 'unknown',
        problems: findAnnotationProblems(component),
      };
      if (component.metadata.title) workload.title = component.metadata.title;
      for (const key of ['product', 'team', 'department', 'company'] as const) {
        if (workload[key] === undefined) delete workload[key];
      }
      return workload;
    })
    .sort((a, b) => (a.ref < b.ref ? -1 : 1));
}
