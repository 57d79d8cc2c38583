import { Entity } from '@backstage/catalog-model';
import { DEFAULT_CHECKS, FACTS, WorkloadFacts } from '@internal/plugin-maturity-common';
import type { InventoryWorkload } from '../plugins/maturity-backend/src/database/MaturityStore';
import type { WorkloadEvidence } from '../plugins/maturity-backend/src/scoring/buildSnapshotRows';

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
const WORKLOADS_PER_TEAM = 40;
const WORKLOADS_PER_PRODUCT = 12;

/**
 * A synthetic company of `n` workloads: 8 departments, a team per 40 workloads and a product per
 * 12, sizes from 0.5 to 2,048 cores (most small, a few huge, as in the seeds' companies), and a
 * value for every fact the default checks and the cost model read. Departments differ in how
 * mature they are, so their scores spread.
 */
export function generateOrganisation(n: number, seed = 42) {
  const next = random(seed);
  const inventory: InventoryWorkload[] = [];
  const evidence = new Map<string, WorkloadEvidence>();
  const teams = Math.max(1, Math.ceil(n / WORKLOADS_PER_TEAM));
  const products = Math.max(1, Math.ceil(n / WORKLOADS_PER_PRODUCT));
  const collectedAt = new Date().toISOString();
  for (let i = 0; i < n; i++) {
    const name = `w-${String(i).padStart(6, '0')}`;
    const ref = `component:default/${name}`;
    const team = Math.floor((i / n) * teams);
    const department = Math.floor((team / teams) * DEPARTMENTS);
    const maturity = 0.3 + (department / DEPARTMENTS) * 0.6;
    const cores = Math.round(2 ** (next() * 12 - 1) * 10) / 10;
    const replicas = 1 + Math.floor(next() * 20);
    const facts: WorkloadFacts = {};
    for (const check of DEFAULT_CHECKS) {
      const rule = check.rule;
      if (rule.kind === 'true') facts[rule.fact] = next() < maturity;
      else if (rule.kind === 'false') facts[rule.fact] = next() > maturity;
      else if (rule.kind === 'atLeast') facts[rule.fact] = next() * rule.target * 2;
      else if (rule.kind === 'atMost') facts[rule.fact] = 1 + next() * rule.zeroAt;
      else facts[rule.fact] = rule.min / 2 + next() * rule.max;
    }
    const usage = cores * (0.05 + next() * 0.8);
    Object.assign(facts, {
      [FACTS.kubernetes.cores]: cores,
      [FACTS.kubernetes.replicas]: replicas,
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
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default', tags: ['java', 'web'] },
      spec: { type: 'service', lifecycle: 'production', owner: `team-${team}` },
    };
    inventory.push({
      ref,
      product: `system:default/product-${Math.floor((i / n) * products)}`,
      team: `group:default/team-${team}`,
      department: `group:default/department-${department}`,
      company: 'group:default/acme',
      cores: facts[FACTS.kubernetes.cores] as number,
      coresSource: 'kubernetes',
      problems: [],
    });
    // As the runner keeps them: copied once, compact (see ScoringRunner.collectFacts).
    const sources = [{ collector: 'bench', at: collectedAt, facts: { ...facts } }];
    evidence.set(ref, { entity, sources, staleFacts: new Set(), staleSources: [], problems: [] });
  }
  return { inventory, evidence };
}
