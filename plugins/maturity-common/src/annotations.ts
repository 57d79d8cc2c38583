import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { MAX_WORKLOAD_CORES } from './scoreWeights';
import {
  PracticeId,
  PRACTICES,
  WORKLOAD_KINDS,
  WorkloadKind,
} from './model/facts';

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
  /** `stateless`, `stateful` or `batch`, when Kubernetes cannot tell. */
  workloadKind: `${MATURITY_ANNOTATION_PREFIX}workload-kind`,
  /** Comma-separated practices the team follows, from the fixed vocabulary of `PRACTICES`. */
  practices: `${MATURITY_ANNOTATION_PREFIX}practices`,
  /** Name of the platform (under `maturity.platforms`) the workload runs on. */
  platform: `${MATURITY_ANNOTATION_PREFIX}platform`,
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
  if (!DECIMAL.test(text) || !(Number(text) <= MAX_WORKLOAD_CORES)) {
    return invalid(
      entity,
      key,
      raw.length > 40 ? `${raw.slice(0, 40)}…` : raw,
      `a non-negative number of CPU cores up to ${MAX_WORKLOAD_CORES.toLocaleString(
        'en-US',
      )}, e.g. "16" or "0.5"`,
    );
  }
  return { ok: true, value: Number(text) };
}

function invalid(
  entity: Entity,
  key: string,
  raw: unknown,
  expected: string,
): { ok: false; error: string } {
  return {
    ok: false,
    error: `Entity ${stringifyEntityRef(
      entity,
    )} has an invalid annotation ${key}: ${JSON.stringify(
      raw,
    )}; expected ${expected}`,
  };
}

/** Reads the declared workload kind. @public */
export function readWorkloadKind(
  entity: Entity,
): AnnotationReading<WorkloadKind> {
  const key = MATURITY_ANNOTATIONS.workloadKind;
  const raw = entity.metadata.annotations?.[key];
  if (raw === undefined) return { ok: true, value: undefined };
  const text = String(raw).trim();
  return (WORKLOAD_KINDS as readonly string[]).includes(text)
    ? { ok: true, value: text as WorkloadKind }
    : invalid(entity, key, raw, `one of ${WORKLOAD_KINDS.join(', ')}`);
}

/**
 * Reads the declared practices: a comma-separated list from the vocabulary of `PRACTICES`.
 * Unknown names are an error, so a typo never silently costs the team a check.
 * @public
 */
export function readPractices(entity: Entity): AnnotationReading<PracticeId[]> {
  const key = MATURITY_ANNOTATIONS.practices;
  const raw = entity.metadata.annotations?.[key];
  if (raw === undefined) return { ok: true, value: undefined };
  const names = String(raw)
    .split(',')
    .map(n => n.trim())
    .filter(Boolean);
  const unknown = names.filter(n => !(n in PRACTICES));
  if (unknown.length > 0) {
    return invalid(
      entity,
      key,
      raw,
      `comma-separated practices from ${Object.keys(PRACTICES).join(
        ', ',
      )} (unknown: ${unknown.join(', ')})`,
    );
  }
  return { ok: true, value: names as PracticeId[] };
}

const MATCHER = String.raw`[a-zA-Z_][a-zA-Z0-9_]*\s*(=|!=|=~|!~)\s*"(?:[^"\\]|\\.)*"`;
const SELECTOR = new RegExp(`^\\s*${MATCHER}(\\s*,\\s*${MATCHER})*\\s*$`);

/**
 * Reads the workload's PromQL label matchers (without braces), e.g.
 * `namespace="shop",pod=~"cart-.*"`.
 * @public
 */
export function readPrometheusSelector(
  entity: Entity,
): AnnotationReading<string> {
  const key = MATURITY_ANNOTATIONS.prometheusSelector;
  const raw = entity.metadata.annotations?.[key];
  if (raw === undefined) return { ok: true, value: undefined };
  return SELECTOR.test(String(raw))
    ? { ok: true, value: String(raw).trim() }
    : invalid(
        entity,
        key,
        raw,
        'PromQL label matchers without braces, e.g. namespace="shop",pod=~"cart-.*"',
      );
}
