// The client library's own quantity parser ("500m", "2", "4Gi", "1e3"); it is not re-exported
// from the package index, hence the deep import.
import { quantityToScalar } from '@kubernetes/client-node/dist/util.js';

const GiB = 1024 ** 3;

/** CPU cores of a quantity such as "500m" or "2"; undefined when absent or malformed. */
export function cpuCores(
  quantity: string | number | undefined,
): number | undefined {
  if (quantity === undefined) return undefined;
  try {
    return Number(quantityToScalar(String(quantity)));
  } catch {
    return undefined;
  }
}

/** GiB of a memory quantity such as "512Mi" or "4Gi"; undefined when absent or malformed. */
export function memoryGiB(
  quantity: string | number | undefined,
): number | undefined {
  if (quantity === undefined) return undefined;
  try {
    return Number(quantityToScalar(String(quantity))) / GiB;
  } catch {
    return undefined;
  }
}

/**
 * GPUs a container asks for: `nvidia.com/gpu` in its limits (a request, if any, must equal the
 * limit).
 */
export function containerGpus(resources: any): number {
  const { requests = {}, limits = {} } = resources ?? {};
  return Number(limits['nvidia.com/gpu'] ?? requests['nvidia.com/gpu']) || 0;
}
