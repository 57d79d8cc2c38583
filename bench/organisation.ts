import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CheckRule,
  DEFAULT_CHECKS,
  isCompositeRule,
  FACTS,
  WorkloadFacts,
} from '@internal/plugin-maturity-common';
import { MaturityFactCollector } from '@internal/plugin-maturity-node';

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same organisation. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPARTMENTS = 8;
export const WORKLOADS_PER_TEAM = 40;
const WORKLOADS_PER_PRODUCT = 12;

const group = (name: string, type: string, parent?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type, children: [], ...(parent ? { parent } : {}) },
});

/**
 * A synthetic company of `n` workloads: 8 departments, a team per 40 workloads and a product per
 * 12, sizes from 0.5 to 2,048 cores (most small, a few huge, as in the seeds' companies), and a
 * value for every fact the default checks and the cost model read. Departments differ in how
 * mature they are, so their scores spread. Workload `i` and its facts are made on demand from
 * its own seed, as a run reads them from the catalog's database and from its sources, so the
 * benchmark process holds only what the scoring run itself holds.
 */
export function generateOrganisation(n: number, seed = 42) {
  const teams = Math.max(1, Math.ceil(n / WORKLOADS_PER_TEAM));
  const products = Math.max(1, Math.ceil(n / WORKLOADS_PER_PRODUCT));
  const teamOf = (i: number) => Math.floor((i / n) * teams);
  const departmentOf = (team: number) =>
    Math.floor((team / teams) * DEPARTMENTS);
  const productOf = (i: number) => Math.floor((i / n) * products);
  const nameOf = (i: number) => `w-${String(i).padStart(6, '0')}`;
  const groups = [
    group('acme', 'organization'),
    ...Array.from({ length: DEPARTMENTS }, (_, d) =>
      group(`department-${d}`, 'department', 'acme'),
    ),
    ...Array.from({ length: teams }, (_, t) =>
      group(`team-${t}`, 'team', `department-${departmentOf(t)}`),
    ),
  ];

  const component = (i: number): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: nameOf(i), namespace: 'default', tags: ['java', 'web'] },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `team-${teamOf(i)}`,
      system: `product-${productOf(i)}`,
    },
  });

  const facts = (i: number): WorkloadFacts => {
    const next = random(seed * 1_000_003 + i);
    const team = teamOf(i);
    const department = departmentOf(team);
    const maturity = 0.3 + (department / DEPARTMENTS) * 0.6;
    const cores = Math.round(2 ** (next() * 12 - 1) * 10) / 10;
    const result: WorkloadFacts = {};
    const plant = (rule: CheckRule) => {
      if (isCompositeRule(rule)) rule.rules.forEach(plant);
      else if (rule.kind === 'true') result[rule.fact] = next() < maturity;
      else if (rule.kind === 'false') result[rule.fact] = next() > maturity;
      else if (rule.kind === 'atLeast')
        result[rule.fact] = next() * rule.target * 2;
      else if (rule.kind === 'atMost')
        result[rule.fact] = 1 + next() * rule.zeroAt;
      else result[rule.fact] = rule.min / 2 + next() * rule.max;
    };
    for (const check of DEFAULT_CHECKS) plant(check.rule);
    const usage = cores * (0.05 + next() * 0.8);
    return Object.assign(result, {
      [FACTS.kubernetes.cores]: cores,
      [FACTS.kubernetes.replicas]: 1 + Math.floor(next() * 20),
      [FACTS.kubernetes.memoryRequestGiB]: cores * 4,
      [FACTS.kubernetes.workloadKind]: next() < 0.8 ? 'stateless' : 'stateful',
      [FACTS.kubernetes.cluster]: `cluster-${department % 3}`,
      [FACTS.kubernetes.namespace]: `ns-${team}`,
      [FACTS.prometheus.cpuMean]: usage,
      [FACTS.prometheus.cpuP95]: usage * 1.6,
      [FACTS.prometheus.cpuP99]: usage * 1.9,
      [FACTS.prometheus.memoryMeanGiB]: cores * 4 * (0.3 + next() * 0.6),
      [FACTS.prometheus.memoryP99GiB]: cores * 4 * 0.95,
      [FACTS.prometheus.hourlyPeakToTrough]: 1 + next() * 3,
    });
  };

  /** The catalog as the runner reads it: Groups, then Components page by page. */
  const catalog = {
    async *streamEntities(request?: { filter?: unknown; pageSize?: number }) {
      const pageSize = request?.pageSize ?? 500;
      if (JSON.stringify(request?.filter).toLowerCase().includes('group')) {
        for (let start = 0; start < groups.length; start += pageSize)
          yield groups.slice(start, start + pageSize);
        return;
      }
      for (let start = 0; start < n; start += pageSize) {
        yield Array.from({ length: Math.min(pageSize, n - start) }, (_, k) =>
          component(start + k),
        );
      }
    },
  } as unknown as CatalogService;

  /** One collector giving every fact, as Kubernetes, Prometheus and the catalog do together. */
  const collector: MaturityFactCollector = {
    id: 'bench',
    // Measured, as most of a real run's facts are: the run keeps no origin per workload.
    source: 'kubernetes',
    async collect(workloads) {
      return {
        facts: new Map(
          workloads.map(w => [
            `component:default/${w.metadata.name}`,
            facts(Number(w.metadata.name.slice(2))),
          ]),
        ),
      };
    },
  };

  /** Workload `i`'s place and cores, as the inventory holds them (for rollUp() alone). */
  const placement = (i: number) => ({
    ref: `component:default/${nameOf(i)}`,
    product: `system:default/product-${productOf(i)}`,
    team: `group:default/team-${teamOf(i)}`,
    department: `group:default/department-${departmentOf(teamOf(i))}`,
    company: 'group:default/acme',
    cores: facts(i)[FACTS.kubernetes.cores] as number,
  });

  return {
    size: n,
    catalog,
    collector,
    placement,
    /** The Groups, and workload `i` as an entity and its facts, for benchmarks that need them. */
    groups,
    component,
    facts,
  };
}
