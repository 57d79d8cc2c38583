import {
  CheckDefinition,
  CheckResult,
  describeOutcome,
  DIMENSIONS,
  DimensionId,
  PracticeCase,
} from '@internal/plugin-maturity-common';

/** The score below which a dimension counts as a gap a case can help with. @public */
export const CASE_TARGET_SCORE = 75;

/** What the matcher knows about an entity. @public */
export interface CaseMatchInput {
  dimensions: Partial<Record<DimensionId, number | null>>;
  /** Check results (workloads); empty for roll-ups. */
  checks: CheckResult[];
  /** The entity's tags and its spec.type. */
  tags: string[];
}

/** A case suggested for an entity, with how relevant it is and why. @public */
export interface CaseSuggestion {
  caseId: string;
  relevance: number;
  /** One sentence for the reader, naming the gap and the outcome. */
  reason: string;
  /** Each contribution to the relevance, for the curious. */
  because: string[];
}

/**
 * Ranks cases for an entity. Relevance adds up:
 * - for each of the case's dimensions scored below {@link CASE_TARGET_SCORE}: 2 × the gap as a
 *   share of the target (a 31 in compute adds 2 × 44/75 = 1.17);
 * - for each failing or partial check that lists the case: weight × missing credit / 3;
 * - for each of the case's tags or the source's scenario tags the entity shares: 0.5.
 * Ties go to the case id in alphabetical order, so the ranking is stable.
 * @public
 */
export function matchCases(
  input: CaseMatchInput,
  cases: readonly PracticeCase[],
  checks: readonly CheckDefinition[],
): CaseSuggestion[] {
  const tags = new Set(input.tags.map(t => t.toLocaleLowerCase('en-US')));
  const byCheck = new Map(checks.map(c => [c.id, c]));
  const suggestions: CaseSuggestion[] = [];
  for (const c of cases) {
    let relevance = 0;
    const because: string[] = [];
    let lead: string | undefined;
    let widestGap = 0;
    for (const d of c.dimensions) {
      const score = input.dimensions[d];
      if (typeof score !== 'number' || score >= CASE_TARGET_SCORE) continue;
      const gap = (CASE_TARGET_SCORE - score) / CASE_TARGET_SCORE;
      relevance += 2 * gap;
      const title = DIMENSIONS.find(x => x.id === d)!.title.toLocaleLowerCase(
        'en-US',
      );
      because.push(`${title} score ${Math.round(score)}`);
      if (gap > widestGap) {
        widestGap = gap;
        lead = `Your ${title} score is ${Math.round(score)}`;
      }
    }
    for (const result of input.checks) {
      const check = byCheck.get(result.id);
      if (
        !check?.cases.includes(c.id) ||
        result.credit === null ||
        result.credit >= 1
      )
        continue;
      relevance += (check.weight * (1 - result.credit)) / 3;
      because.push(`fails "${check.title}"`);
      lead ??= `You fail "${check.title}"`;
    }
    const shared = [...new Set([...c.tags, ...c.scenarios])].filter(t =>
      tags.has(t.toLocaleLowerCase('en-US')),
    );
    if (shared.length) {
      relevance += 0.5 * shared.length;
      because.push(`shares ${shared.join(', ')}`);
      lead ??= `It shares your ${shared.join(', ')}`;
    }
    if (relevance <= 0) continue;
    suggestions.push({
      caseId: c.id,
      // Rounded so that equal sums reached in a different order still tie.
      relevance: Math.round(relevance * 1e6) / 1e6,
      because,
      reason: `${lead}; ${c.organisation}: ${c.summary.replace(
        /\.$/,
        '',
      )} (${c.outcomes.slice(0, 2).map(describeOutcome).join('; ')}).`,
    });
  }
  return suggestions.sort(
    (a, b) => b.relevance - a.relevance || a.caseId.localeCompare(b.caseId),
  );
}
