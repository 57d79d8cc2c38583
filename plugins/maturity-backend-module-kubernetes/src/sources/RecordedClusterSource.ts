import fs from 'node:fs/promises';
import path from 'node:path';
import {
  ClusterSource,
  KubeObject,
  Listable,
  resourceLabel,
} from './ClusterSource';

/**
 * Reads recorded API responses: `<directory>/<cluster>/<resource>.json` (an operator's kind by its
 * plural), each a List object as the
 * API returns it (`kind: DeploymentList`, `items`, `metadata.resourceVersion`). Used by the demo,
 * which has no cluster, through the same fact derivation as live data.
 */
export class RecordedClusterSource implements ClusterSource {
  constructor(readonly cluster: string, private readonly directory: string) {}

  async list<T>(
    resource: Listable,
    keep: (object: KubeObject) => T | undefined,
  ): Promise<T[]> {
    return (await this.listAddOn(resource, keep)) ?? [];
  }

  /** A resource without a recording is one the cluster does not serve. */
  async listAddOn<T>(
    resource: Listable,
    keep: (object: KubeObject) => T | undefined,
  ): Promise<T[] | undefined> {
    const file = path.join(
      this.directory,
      this.cluster,
      `${resourceLabel(resource)}.json`,
    );
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const list = JSON.parse(text);
    if (!Array.isArray(list.items)) {
      throw new Error(
        `Recorded Kubernetes response ${file} is not a List: it has no items array`,
      );
    }
    return (list.items as KubeObject[])
      .map(keep)
      .filter((o): o is T => o !== undefined);
  }

  /** The clusters recorded under a directory: one sub-directory each. */
  static async discover(directory: string): Promise<RecordedClusterSource[]> {
    const entries = await fs.readdir(directory, { withFileTypes: true });
    return entries
      .filter(e => e.isDirectory())
      .map(e => new RecordedClusterSource(e.name, directory))
      .sort((a, b) => a.cluster.localeCompare(b.cluster));
  }
}
