import { ResourceAmounts } from '@internal/plugin-maturity-common';
import { ClusterNode } from '@internal/plugin-maturity-node';
import { KubeObject } from '../sources/ClusterSource';
import type { PodLoad } from './platformFacts';
import { containerGpus, cpuCores, memoryGiB } from './quantities';

/**
 * Labels of a virtual node that runs serverless pods rather than a machine: virtual-kubelet (and
 * Azure's virtual nodes), Tencent's EKS super nodes, AWS Fargate.
 */
const VIRTUAL_NODE: Array<[string, RegExp]> = [
  ['type', /^virtual-kubelet$/],
  ['node.kubernetes.io/instance-type', /^eklet$/],
  ['eks.amazonaws.com/compute-type', /^fargate$/],
];
export const isVirtualNode = (node: KubeObject) =>
  VIRTUAL_NODE.some(([label, value]) =>
    value.test(node.metadata?.labels?.[label] ?? ''),
  );

/** A node's instance type, from its well-known label or the beta one. */
export const instanceType = (node: KubeObject): string | undefined =>
  node.metadata?.labels?.['node.kubernetes.io/instance-type'] ??
  node.metadata?.labels?.['beta.kubernetes.io/instance-type'];

/** What a pod's containers request: CPU, memory and GPUs. */
export function podRequests(pod: KubeObject): ResourceAmounts {
  let cpu = 0;
  let memory = 0;
  let gpus = 0;
  for (const c of pod.spec?.containers ?? []) {
    cpu += cpuCores(c.resources?.requests?.cpu) ?? 0;
    memory += memoryGiB(c.resources?.requests?.memory) ?? 0;
    gpus += containerGpus(c.resources);
  }
  return { cpuCores: cpu, memoryGiB: memory, gpus };
}

/** A node's resources of a `status.capacity`-shaped map. */
const amountsOf = (resources: Record<string, string> | undefined) => ({
  cpuCores: cpuCores(resources?.cpu) ?? 0,
  memoryGiB: memoryGiB(resources?.memory) ?? 0,
  gpus: Number(resources?.['nvidia.com/gpu']) || 0,
});

/**
 * The machines of a cluster and what the pods running on them request, noted as the node and
 * pod lists arrive, for the cluster's cost. Virtual nodes are left out: their pods are billed
 * per pod, and have no idle capacity.
 */
export class NodeCapacity {
  private readonly nodes = new Map<string, ClusterNode>();

  noteNode(node: KubeObject): void {
    if (isVirtualNode(node)) return;
    const labels = node.metadata?.labels ?? {};
    const name = node.metadata?.name ?? '';
    const nodeType = instanceType(node);
    const zone =
      labels['topology.kubernetes.io/zone'] ??
      labels['failure-domain.beta.kubernetes.io/zone'];
    const addresses = ((node.status as any)?.addresses ?? [])
      .filter((a: any) => a.type === 'InternalIP' || a.type === 'Hostname')
      .map((a: any) => String(a.address));
    this.nodes.set(name, {
      name,
      ...(nodeType ? { nodeType } : {}),
      ...(zone ? { zone } : {}),
      ...(addresses.length > 0 ? { addresses } : {}),
      capacity: amountsOf(node.status?.capacity),
      allocatable: amountsOf(node.status?.allocatable),
      requested: { cpuCores: 0, memoryGiB: 0, gpus: 0 },
    });
  }

  /** Adds a running pod's requests to its node, once the pod list is complete. */
  notePod(load: PodLoad): void {
    const node = this.nodes.get(load.node);
    if (!node) return;
    node.requested = {
      cpuCores: node.requested.cpuCores + load.requests.cpuCores,
      memoryGiB: node.requested.memoryGiB + load.requests.memoryGiB,
      gpus: node.requested.gpus + load.requests.gpus,
    };
  }

  list(): ClusterNode[] {
    return [...this.nodes.values()];
  }
}
