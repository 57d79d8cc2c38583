import {
  CheckDefinition,
  ruleThreshold,
} from '@internal/plugin-maturity-common';

/** Operator overrides of one check, from `maturity.checks.<id>` in `app-config.yaml`. @public */
export interface CheckOverride {
  enabled?: boolean;
  weight?: number;
  threshold?: number;
}

/**
 * Applies operator overrides to the checks and returns the checks in force (disabled ones left
 * out). Throws an error naming the config key when an override cannot apply.
 * @public
 */
export function applyCheckOverrides(
  checks: readonly CheckDefinition[],
  overrides: Record<string, CheckOverride>,
): CheckDefinition[] {
  const byId = new Map(checks.map(c => [c.id, c]));
  for (const [id, override] of Object.entries(overrides)) {
    const key = `maturity.checks.${id}`;
    const check = byId.get(id);
    if (!check) {
      throw new Error(
        `Invalid config ${key}: there is no check '${id}'; expected one of ${[
          ...byId.keys(),
        ].join(', ')}`,
      );
    }
    if (
      override.weight !== undefined &&
      !(override.weight > 0 && Number.isFinite(override.weight))
    ) {
      throw new Error(
        `Invalid config ${key}.weight: ${override.weight}; expected a positive number (use enabled: false to switch the check off)`,
      );
    }
    if (override.threshold !== undefined) {
      if (ruleThreshold(check.rule) === undefined) {
        throw new Error(
          `Invalid config ${key}.threshold: check '${id}' is a ${check.rule.kind} rule and has no threshold`,
        );
      }
      if (!(override.threshold > 0 && Number.isFinite(override.threshold))) {
        throw new Error(
          `Invalid config ${key}.threshold: ${override.threshold}; expected a positive number`,
        );
      }
    }
  }
  return checks
    .filter(check => overrides[check.id]?.enabled !== false)
    .map(check => {
      const override = overrides[check.id];
      if (!override) return check;
      const rule = { ...check.rule };
      if (override.threshold !== undefined && rule.kind === 'atLeast')
        rule.target = override.threshold;
      if (override.threshold !== undefined && rule.kind === 'atMost') {
        // Keep the width of the partial-credit slope in proportion to the new limit.
        rule.zeroAt = (rule.zeroAt / rule.limit) * override.threshold;
        rule.limit = override.threshold;
      }
      return { ...check, weight: override.weight ?? check.weight, rule };
    });
}
