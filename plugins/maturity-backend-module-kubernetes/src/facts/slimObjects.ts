import { KubeObject } from '../sources/ClusterSource';

/** A marker kept where the facts only ask whether something is set. */
const present = (value: unknown) => (value ? {} : undefined);

/**
 * What the facts read of a controller (Deployment, StatefulSet, DaemonSet): its name, labels,
 * selector, replicas and pod template, with each container's image, resources and the presence of
 * its probes and preStop hook, and the names of the volume claims it uses. Everything else
 * (status, managed fields, env, other volumes) is dropped
 * as each page of the list arrives, so a run holds a few hundred bytes a controller.
 */
export function slimController(c: KubeObject): KubeObject {
  const template = c.spec?.template ?? {};
  const pod = template.spec ?? {};
  return {
    kind: c.kind,
    metadata: {
      name: c.metadata?.name,
      namespace: c.metadata?.namespace,
      labels: c.metadata?.labels,
    },
    spec: {
      replicas: c.spec?.replicas,
      selector: { matchLabels: c.spec?.selector?.matchLabels },
      // The volumes it claims: a StatefulSet's templates, and claims its pods name.
      volumeClaimTemplates: (c.spec?.volumeClaimTemplates ?? []).map(
        (t: any) => ({ metadata: { name: t.metadata?.name } }),
      ),
      template: {
        metadata: {
          labels: template.metadata?.labels,
          annotations: template.metadata?.annotations,
        },
        spec: {
          containers: (pod.containers ?? []).map((x: any) => ({
            name: x.name,
            image: x.image,
            resources: x.resources,
            readinessProbe: present(x.readinessProbe),
            livenessProbe: present(x.livenessProbe),
            lifecycle: { preStop: present(x.lifecycle?.preStop) },
          })),
          nodeSelector: pod.nodeSelector,
          affinity: pod.affinity,
          tolerations: pod.tolerations,
          topologySpreadConstraints: pod.topologySpreadConstraints,
          terminationGracePeriodSeconds: pod.terminationGracePeriodSeconds,
          volumes: (pod.volumes ?? [])
            .filter((v: any) => v.persistentVolumeClaim?.claimName)
            .map((v: any) => ({
              persistentVolumeClaim: {
                claimName: v.persistentVolumeClaim.claimName,
              },
            })),
        },
      },
    },
    status: { desiredNumberScheduled: c.status?.desiredNumberScheduled },
  };
}

/** What the facts read of an HPA: its target, bounds and metric names. */
export function slimHpa(h: KubeObject): KubeObject {
  return {
    metadata: { namespace: h.metadata?.namespace },
    spec: {
      scaleTargetRef: h.spec?.scaleTargetRef,
      minReplicas: h.spec?.minReplicas,
      maxReplicas: h.spec?.maxReplicas,
      metrics: h.spec?.metrics,
    },
  };
}

/** What the facts read of a PodDisruptionBudget: the labels it selects. */
export function slimPdb(p: KubeObject): KubeObject {
  return {
    metadata: { namespace: p.metadata?.namespace },
    spec: { selector: { matchLabels: p.spec?.selector?.matchLabels } },
  };
}
