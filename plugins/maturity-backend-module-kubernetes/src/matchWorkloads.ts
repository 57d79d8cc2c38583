import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { KUBERNETES_ANNOTATIONS } from '@internal/plugin-maturity-common';
import { KubeObject } from './sources/ClusterSource';

/** How a Component names its Kubernetes objects, read from the standard annotations. */
export interface WorkloadMatcher {
  namespace?: string;
  labels: Record<string, string>;
}

/**
 * Reads the matcher of a Component, with the same meaning as Backstage's Kubernetes plugin:
 * objects labelled `backstage.io/kubernetes-id=<id>`, or matching the label selector, optionally
 * in one namespace. Returns undefined for a Component without Kubernetes annotations, and throws
 * an error naming the annotation when the selector cannot be read.
 */
export function readMatcher(entity: Entity): WorkloadMatcher | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const id = annotations[KUBERNETES_ANNOTATIONS.id];
  const selector = annotations[KUBERNETES_ANNOTATIONS.labelSelector];
  if (!id && !selector) return undefined;
  const labels: Record<string, string> = {};
  if (selector) {
    for (const part of selector
      .split(',')
      .map(p => p.trim())
      .filter(Boolean)) {
      const match = /^([\w./-]+)\s*==?\s*([\w.-]*)$/.exec(part);
      if (!match) {
        throw new Error(
          `Entity ${stringifyEntityRef(entity)} has an annotation ${
            KUBERNETES_ANNOTATIONS.labelSelector
          } the maturity suite cannot read: ${JSON.stringify(
            selector,
          )}; expected equality-based terms such as "app=cart,tier=web"`,
        );
      }
      labels[match[1]] = match[2];
    }
  } else {
    labels['backstage.io/kubernetes-id'] = id!;
  }
  const namespace = annotations[KUBERNETES_ANNOTATIONS.namespace];
  return namespace ? { namespace, labels } : { labels };
}

/** Whether an object (a controller) belongs to the workload. */
export function matches(matcher: WorkloadMatcher, object: KubeObject): boolean {
  if (matcher.namespace && object.metadata?.namespace !== matcher.namespace)
    return false;
  const labels = object.metadata?.labels ?? {};
  return Object.entries(matcher.labels).every(([k, v]) => labels[k] === v);
}
