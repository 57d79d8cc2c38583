import { Entity } from '@backstage/catalog-model';
import {
  readDeclaredCores,
  readPractices,
  readPrometheusSelector,
  readWorkloadKind,
} from './annotations';
import { DEFAULT_CHECKS } from './model/defaultChecks';
import { readWaivers } from './model/waivers';

const DEFAULT_CHECK_IDS: ReadonlySet<string> = new Set(
  DEFAULT_CHECKS.map(c => c.id),
);

/**
 * Every problem in the suite's annotations on one entity, each naming the entity, the annotation
 * and the expected form. The catalog processor and scoring runs both use it, so the catalog shows
 * exactly what scoring ignores.
 * @public
 */
export function findAnnotationProblems(entity: Entity): string[] {
  const readings = [
    readDeclaredCores(entity),
    readWorkloadKind(entity),
    readPractices(entity),
    readPrometheusSelector(entity),
  ];
  return [
    ...readings.flatMap(r => (r.ok ? [] : [r.error])),
    ...readWaivers(entity, DEFAULT_CHECK_IDS).problems,
  ];
}
