import { coreWeight, WorkloadSummary } from '@internal/plugin-maturity-common';

/** One department's share of the company's weighted cores. */
export interface DepartmentSummary {
  ref: string;
  workloads: number;
  cores: number;
  unweighted: number;
  /** Fraction of all weighted cores in the list, 0–1. */
  coreShare: number;
}

/** Groups workloads by department and sums the cores that weigh in roll-ups. */
export function summarizeDepartments(items: WorkloadSummary[]): DepartmentSummary[] {
  const byRef = new Map<string, DepartmentSummary>();
  let total = 0;
  for (const w of items) {
    const ref = w.department ?? '(no department)';
    const summary = byRef.get(ref) ?? { ref, workloads: 0, cores: 0, unweighted: 0, coreShare: 0 };
    const weight = coreWeight(w.cores);
    summary.workloads += 1;
    summary.cores += weight;
    if (weight === 0) summary.unweighted += 1;
    total += weight;
    byRef.set(ref, summary);
  }
  return [...byRef.values()]
    .map(s => ({ ...s, coreShare: total > 0 ? s.cores / total : 0 }))
    .sort((a, b) => b.cores - a.cores || a.ref.localeCompare(b.ref));
}
