/** The five dimensions of the cloud-native roadmap. @public */
export type DimensionId =
  | 'development'
  | 'compute'
  | 'architecture'
  | 'data'
  | 'security';

/** A dimension and what reaching its top looks like. @public */
export interface Dimension {
  id: DimensionId;
  title: string;
  /** The reference criteria, summarised. */
  criteria: string;
}

/** The dimensions in display order. @public */
export const DIMENSIONS: readonly Dimension[] = [
  {
    id: 'development',
    title: 'Development',
    criteria:
      'Teams deliver through DevOps roles and shared tooling; every change passes an automated build, test and gradual release with no manual steps to get wrong.',
  },
  {
    id: 'compute',
    title: 'Compute',
    criteria:
      'Workloads scale on their own and are scheduled across nodes, clusters and zones; failures of a node or a data centre are absorbed; infrastructure differences are hidden and serverless capacity is at hand.',
  },
  {
    id: 'architecture',
    title: 'Architecture',
    criteria:
      'Services are small and independently deployable; their traffic can be routed and observed through a gateway or mesh; building and running them takes as little effort as possible.',
  },
  {
    id: 'data',
    title: 'Data',
    criteria:
      'Compute is separated from storage; data services are consumed ready-made; capacity follows peaks and troughs; utilisation is high and cost low through co-location and cheap capacity.',
  },
  {
    id: 'security',
    title: 'Security',
    criteria:
      'Code and open-source licences are scanned; images are hardened, scanned and signed with policies enforced at admission; runtime protection scales with the fleet and incidents are handled automatically.',
  },
];

/** The dimension ids, in display order. @public */
export const DIMENSION_IDS: readonly DimensionId[] = DIMENSIONS.map(d => d.id);
