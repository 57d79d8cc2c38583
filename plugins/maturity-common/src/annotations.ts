import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

/** Prefix of every annotation and label the suite reads or writes. @public */
export const MATURITY_ANNOTATION_PREFIX = 'maturity.cloudnative.dev/';

/**
 * Annotation keys the suite reads from `catalog-info.yaml`.
 * `docs/annotations.md` documents their form; this object is the single source of the keys.
 * @public
 */
export const MATURITY_ANNOTATIONS = {
  /** Declared CPU cores of a workload, used when no Kubernetes data exists. */
  cores: `${MATURITY_ANNOTATION_PREFIX}cores`,
  /** PromQL label matchers selecting the workload's containers. */
  prometheusSelector: `${MATURITY_ANNOTATION_PREFIX}prometheus-selector`,
} as const;

/** Standard Backstage Kubernetes annotations the suite also reads. @public */
export const KUBERNETES_ANNOTATIONS = {
  id: 'backstage.io/kubernetes-id',
  namespace: 'backstage.io/kubernetes-namespace',
  labelSelector: 'backstage.io/kubernetes-label-selector',
} as const;

/** Labels the catalog module writes back so the catalog can filter by them. @public */
export const MATURITY_LABELS = {
  level: `${MATURITY_ANNOTATION_PREFIX}level`,
  score: `${MATURITY_ANNOTATION_PREFIX}score`,
} as const;

/** The outcome of reading one annotation: a value, nothing, or an error that names it. @public */
export type AnnotationReading<T> =
  | { ok: true; value: T | undefined }
  | { ok: false; error: string };

const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * Reads the declared cores of a workload.
 * A missing annotation is not an error (cores are then unknown); a malformed one is.
 * @public
 */
export function readDeclaredCores(entity: Entity): AnnotationReading<number> {
  const key = MATURITY_ANNOTATIONS.cores;
  const raw = entity.metadata.annotations?.[key];
  if (raw === undefined) {
    return { ok: true, value: undefined };
  }
  const text = String(raw).trim();
  if (!DECIMAL.test(text) || !Number.isFinite(Number(text))) {
    return {
      ok: false,
      error:
        `Entity ${stringifyEntityRef(entity)} has an invalid annotation ${key}: ` +
        `${JSON.stringify(raw)}; expected a non-negative number of CPU cores, e.g. "16" or "0.5"`,
    };
  }
  return { ok: true, value: Number(text) };
}
