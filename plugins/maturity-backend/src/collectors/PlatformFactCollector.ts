import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  FACTS,
  FactOrigin,
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
 * workload gets the capabilities of the platform its annotation names, else of `default`. They
 * are declared (`config`): where the Kubernetes module measures a capability on the workload's
 * cluster, the measurement wins.
 */
export class PlatformFactCollector implements MaturityFactCollector {
  readonly id = 'platform';
  readonly source = 'config';
  private readonly byProfile = new Map<
    string,
    { facts: WorkloadFacts; origins: Record<string, FactOrigin> }
  >();

  constructor(private readonly platforms: PlatformProfiles) {
    for (const [name, profile] of Object.entries(platforms)) {
      const origin: FactOrigin = {
        source: 'config',
        from: `config maturity.platforms.${name}`,
      };
      const facts = Object.fromEntries(
        Object.entries(profile).map(([capability, value]) => [
          FACTS.platform.capability(capability as PlatformCapability),
          value,
        ]),
      ) as WorkloadFacts;
      this.byProfile.set(name, {
        facts,
        origins: Object.fromEntries(Object.keys(facts).map(id => [id, origin])),
      });
    }
  }

  async collect(workloads: Entity[]): Promise<FactCollectionResult> {
    const facts = new Map<string, WorkloadFacts>();
    const origins = new Map<string, Record<string, FactOrigin>>();
    const problems = new Map<string, string[]>();
    for (const entity of workloads) {
      const ref = stringifyEntityRef(entity);
      const key = MATURITY_ANNOTATIONS.platform;
      const named = entity.metadata.annotations?.[key];
      const profile = this.byProfile.get(named ?? DEFAULT_PLATFORM);
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
      facts.set(ref, profile.facts);
      origins.set(ref, profile.origins);
    }
    return { facts, origins, problems };
  }
}
