import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { MaturityFactCollector } from '@internal/plugin-maturity-node';

/**
 * A collector that asks its source once per page of workloads and answers the same page again
 * from what it got: the days of a recorded past are scored from the same facts of today, and a
 * source asked ninety times for them would answer the same ninety times, slowly.
 */
export function answeringOnce(
  collector: MaturityFactCollector,
): MaturityFactCollector {
  const answers = new Map<
    string,
    ReturnType<MaturityFactCollector['collect']>
  >();
  const keyOf = (components: Entity[]) =>
    components.map(c => stringifyEntityRef(c)).join('\n');
  // Its id, source and declared facts are the collector's own, whatever class it is.
  const once = Object.create(collector) as MaturityFactCollector;
  once.collect = (components, run) => {
    const key = keyOf(components);
    let answer = answers.get(key);
    if (!answer) {
      answer = collector.collect(components, run);
      answers.set(key, answer);
      // A failure is not kept: the next day asks again.
      answer.catch(() => answers.delete(key));
    }
    return answer;
  };
  // The clusters' machines and nodes' use, too, are asked for once, not once a day of the past.
  const memo = <T>(ask: ((run: any) => Promise<T>) | undefined) => {
    if (!ask) return undefined;
    let answer: Promise<T> | undefined;
    return (run: any) => {
      answer ??= ask.call(collector, run);
      answer.catch(() => {
        answer = undefined;
      });
      return answer;
    };
  };
  once.clusterNodes = memo(collector.clusterNodes);
  once.nodeUtilisation = memo(collector.nodeUtilisation);
  return once;
}
