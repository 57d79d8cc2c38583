import { AlertRule } from './LoadSource';

/** Labels by which an alerting rule names the workload it watches. */
const WORKLOAD_LABELS = new Set([
  'workload',
  'deployment',
  'statefulset',
  'daemonset',
  'job',
  'job_name',
  'service',
  'app',
  'container',
  'pod',
]);

/** The alerting rules of `/api/v1/rules` groups (recording rules left out). */
export function alertingRules(
  groups: Array<{ name: string; rules: Array<Record<string, any>> }>,
): AlertRule[] {
  return groups.flatMap(group =>
    group.rules
      .filter(rule => rule.type === 'alerting' || rule.type === 'alert')
      .map(rule => ({
        group: group.name,
        name: String(rule.name),
        query: String(rule.query),
      })),
  );
}

type Matcher = { label: string; op: string; value: string };

/** The label matchers of a PromQL expression, e.g. `namespace="shop"`, `pod=~"cart-.*"`. */
export function matchersOf(query: string): Matcher[] {
  const found: Matcher[] = [];
  const pattern =
    /([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"/g;
  for (let m = pattern.exec(query); m; m = pattern.exec(query))
    found.push({ label: m[1], op: m[2], value: m[3].replace(/\\(.)/g, '$1') });
  return found;
}

const holds = (m: Matcher, value: string) => {
  if (m.op === '=') return m.value === value;
  if (m.op !== '=~') return false;
  try {
    return new RegExp(`^(?:${m.value})$`).test(value);
  } catch {
    return false;
  }
};

/**
 * Whether a rule watches one workload: it names the workload in a workload label (its pods by
 * a name pattern) and, if it names a namespace, the workload's. A rule over every workload
 * (KubePodCrashLooping) names none, and is the platform's alert, not the team's.
 */
export function watches(
  rule: AlertRule,
  workload: { namespace: string; name: string },
): boolean {
  const matchers = matchersOf(rule.query);
  const namespaces = matchers.filter(m => m.label === 'namespace');
  if (
    namespaces.length > 0 &&
    !namespaces.some(m => holds(m, workload.namespace))
  )
    return false;
  // A pod of a Deployment is named <name>-<hash>-<id>; of a StatefulSet <name>-<ordinal>.
  const pod = `${workload.name}-7d9f8b6c4-x2x9q`;
  return matchers.some(
    m =>
      WORKLOAD_LABELS.has(m.label) &&
      (holds(m, workload.name) ||
        (m.label === 'pod' &&
          (holds(m, pod) || holds(m, `${workload.name}-0`)))),
  );
}

/** Whether a rule watches a workload named by its own selector: it carries every matcher of it. */
export function watchesSelector(rule: AlertRule, selector: string): boolean {
  const wanted = matchersOf(selector);
  const present = matchersOf(rule.query);
  return (
    wanted.length > 0 &&
    wanted.every(w =>
      present.some(
        p => p.label === w.label && p.op === w.op && p.value === w.value,
      ),
    )
  );
}
