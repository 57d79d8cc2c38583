import fs from 'node:fs/promises';
import path from 'node:path';
import { NodeUtilisation } from '@internal/plugin-maturity-common';
import { alertingRules } from './alertRules';
import {
  AlertRule,
  CustomFactAnswer,
  LoadSource,
  OwnedLoads,
  MeshWorkload,
  TracedService,
  WorkloadLoad,
} from './LoadSource';

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(
      `Recorded Prometheus answer ${file} cannot be read: ${
        (error as Error).message
      }`,
    );
  }
}

/**
 * Reads recorded answers instead of a server (the demo): `<directory>/owned.json` maps
 * `<namespace>/<workload>` to its statistics, `<directory>/<key>.json` holds the statistics of
 * one selector, `<directory>/rules.json` is the answer of `/api/v1/rules?type=alert` (its
 * `data`), `<directory>/traced-services.json` lists the services with span metrics,
 * `<directory>/mesh-workloads.json` the workloads with mesh call metrics,
 * `<directory>/node-utilisation.json` the nodes' utilisation maxima, and
 * `<directory>/custom-facts.json` holds each operator-defined fact's values by workload. The facts come from them through the same conversion as live answers.
 */
export class RecordedLoadSource implements LoadSource {
  constructor(private readonly directory: string) {}

  /** The file name a selector is recorded under. */
  static keyOf(selector: string): string {
    return selector.replace(/[^a-zA-Z0-9]+/g, '_').replace(/^_|_$/g, '');
  }

  async readCustomFacts(
    queries: Record<string, string>,
  ): Promise<Record<string, CustomFactAnswer>> {
    const recorded =
      (await readJson<Record<string, Record<string, number>>>(
        path.join(this.directory, 'custom-facts.json'),
      )) ?? {};
    return Object.fromEntries(
      Object.keys(queries).map(name => [
        name,
        { values: new Map(Object.entries(recorded[name] ?? {})) },
      ]),
    );
  }

  async readTracedServices(): Promise<TracedService[] | undefined> {
    return readJson<TracedService[]>(
      path.join(this.directory, 'traced-services.json'),
    );
  }

  async readMeshWorkloads(): Promise<MeshWorkload[] | undefined> {
    return readJson<MeshWorkload[]>(
      path.join(this.directory, 'mesh-workloads.json'),
    );
  }

  async readNodeUtilisation(): Promise<NodeUtilisation[] | undefined> {
    return readJson<NodeUtilisation[]>(
      path.join(this.directory, 'node-utilisation.json'),
    );
  }

  async readAlertRules(): Promise<AlertRule[] | undefined> {
    const rules = await readJson<{
      groups: Array<{ name: string; rules: Array<Record<string, string>> }>;
    }>(path.join(this.directory, 'rules.json'));
    return rules && alertingRules(rules.groups);
  }

  async readOwned(): Promise<OwnedLoads> {
    const owned = await readJson<Record<string, WorkloadLoad>>(
      path.join(this.directory, 'owned.json'),
    );
    return { loads: new Map(Object.entries(owned ?? {})), refused: new Map() };
  }

  async readSelected(selectors: string[]) {
    return Promise.all(
      selectors.map(s =>
        readJson<WorkloadLoad>(
          path.join(this.directory, `${RecordedLoadSource.keyOf(s)}.json`),
        ),
      ),
    );
  }
}
