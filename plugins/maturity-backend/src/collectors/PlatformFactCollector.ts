import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  FACTS,
  MATURITY_ANNOTATIONS,
  PlatformCapability,
  WorkloadFacts,
} from '@internal/plugin-maturity-common';
import {
  FactCollectionResult,
  MaturityFactCollector,
} from '@internal/plugin-maturity-node';
import { PlatformProfiles } from '../config/readMaturityConfig';

/** The profile used for workloads that do not name their platform. */
export const DEFAULT_PLATFORM = 'default';

/**
 * Platform facts from the profiles the platform team declares in `maturity.platforms`: each
 * workload gets the capabilities of the platform its annotation names, else of `default`.
 */
export class PlatformFactCollector implements MaturityFactCollector {
  readonly id = 'platform';

  constructor(private readonly platforms: PlatformProfiles) {}

  async collect(workloads: Entity[]): Promise<FactCollectionResult> {
    const facts = new Map<string, WorkloadFacts>();
    const problems = new Map<string, string[]>();
    for (const entity of workloads) {
      const ref = stringifyEntityRef(entity);
      const key = MATURITY_ANNOTATIONS.platform;
      const named = entity.metadata.annotations?.[key];
      const profile = this.platforms[named ?? DEFAULT_PLATFORM];
      if (named !== undefined && !profile) {
        const known = Object.keys(this.platforms);
        problems.set(ref, [
          `Entity ${ref} has an invalid annotation ${key}: ${JSON.stringify(
            named,
          )}; expected one of the platforms in maturity.platforms (${
            known.length ? known.join(', ') : 'none configured'
          })`,
        ]);
        continue;
      }
      if (!profile) continue;
      facts.set(
        ref,
        Object.fromEntries(
          Object.entries(profile).map(([capability, value]) => [
            FACTS.platform.capability(capability as PlatformCapability),
            value,
          ]),
        ) as WorkloadFacts,
      );
    }
    return { facts, problems };
  }
}
