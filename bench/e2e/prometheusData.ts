import fs from 'node:fs';
import { RECORDED_SERIES } from '../../plugins/maturity-backend-module-prometheus/src/queries';
import { coresOf, namespaceOf, nameOf, podOf, TEMPLATE_HASH } from './fleet';

const GiB = 1024 ** 3;

/**
 * Writes `days` of cAdvisor and kube-state-metrics series for workloads 0..n-1 as OpenMetrics,
 * for `promtool tsdb create-blocks-from openmetrics`: per workload one pod with CPU used, memory
 * working set and `kube_pod_owner` every `stepSeconds`, CPU requested every `stepSeconds` too,
 * and OOM events hourly. CPU runs at a share of the request with a daily peak. The module's
 * recording rules' series are written too, with the values the rules give for one pod a workload
 * (its CPU rate and memory), as a Prometheus that has run them all along holds them. Streams to
 * `file`; returns the number of series and samples written.
 */
export async function writeOpenMetrics(
  file: string,
  options: { n: number; days: number; end: Date; stepSeconds: number },
) {
  const { n, days, stepSeconds } = options;
  const endSeconds =
    Math.floor(options.end.getTime() / 1000 / stepSeconds) * stepSeconds;
  const steps = Math.floor((days * 86_400) / stepSeconds);
  const start = endSeconds - steps * stepSeconds;
  const out = fs.createWriteStream(file);
  let buffer: string[] = [];
  let samples = 0;
  const flush = async () => {
    if (!out.write(buffer.join('')))
      await new Promise(resolve => out.once('drain', resolve));
    buffer = [];
  };
  const line = async (text: string) => {
    buffer.push(text);
    samples++;
    if (buffer.length >= 20_000) await flush();
  };
  const labels = (i: number) =>
    `namespace="${namespaceOf(i)}",pod="${podOf(i)}",container="app"`;
  const usage = (i: number, t: number) => {
    const hour = Math.floor(t / 3600) % 24;
    const share = 0.2 + ((i * 13) % 50) / 100;
    return coresOf(i) * share * (hour >= 10 && hour < 13 ? 1.8 : 1);
  };

  buffer.push('# TYPE container_cpu_usage_seconds counter\n');
  for (let i = 0; i < n; i++) {
    let used = 0;
    for (let s = 0; s <= steps; s++) {
      const t = start + s * stepSeconds;
      await line(
        `container_cpu_usage_seconds_total{${labels(i)}} ${used.toFixed(
          1,
        )} ${t}\n`,
      );
      used += usage(i, t) * stepSeconds;
    }
  }
  const memory = (i: number, t: number) =>
    Math.round(coresOf(i) * 2 * GiB * (0.5 + usage(i, t) / coresOf(i) / 2));
  buffer.push('# TYPE container_memory_working_set_bytes gauge\n');
  for (let i = 0; i < n; i++) {
    for (let s = 0; s <= steps; s++) {
      const t = start + s * stepSeconds;
      await line(
        `container_memory_working_set_bytes{${labels(i)}} ${memory(
          i,
          t,
        )} ${t}\n`,
      );
    }
  }
  // A rate over the step before t: the usage that step ran at.
  const workload = (i: number) =>
    `namespace="${namespaceOf(i)}",workload="${nameOf(i)}"`;
  buffer.push(`# TYPE ${RECORDED_SERIES.cpu} gauge\n`);
  for (let i = 0; i < n; i++) {
    for (let s = 1; s <= steps; s++) {
      const t = start + s * stepSeconds;
      await line(
        `${RECORDED_SERIES.cpu}{${workload(i)}} ${usage(
          i,
          t - stepSeconds,
        ).toFixed(4)} ${t}\n`,
      );
    }
  }
  buffer.push(`# TYPE ${RECORDED_SERIES.memory} gauge\n`);
  for (let i = 0; i < n; i++) {
    for (let s = 0; s <= steps; s++) {
      const t = start + s * stepSeconds;
      await line(
        `${RECORDED_SERIES.memory}{${workload(i)}} ${memory(i, t)} ${t}\n`,
      );
    }
  }
  buffer.push('# TYPE kube_pod_owner gauge\n');
  for (let i = 0; i < n; i++) {
    const owner = `namespace="${namespaceOf(i)}",pod="${podOf(
      i,
    )}",owner_kind="ReplicaSet",owner_name="${nameOf(
      i,
    )}-${TEMPLATE_HASH}",owner_is_controller="true"`;
    for (let s = 0; s <= steps; s++)
      await line(`kube_pod_owner{${owner}} 1 ${start + s * stepSeconds}\n`);
  }
  buffer.push('# TYPE kube_pod_container_resource_requests gauge\n');
  for (let i = 0; i < n; i++) {
    for (let s = 0; s <= steps; s++) {
      await line(
        `kube_pod_container_resource_requests{${labels(
          i,
        )},resource="cpu",unit="core"} ${coresOf(i)} ${
          start + s * stepSeconds
        }\n`,
      );
    }
  }
  buffer.push('# TYPE container_oom_events counter\n');
  const hourly = Math.max(1, Math.round(3600 / stepSeconds));
  for (let i = 0; i < n; i++) {
    for (let s = 0; s <= steps; s += hourly) {
      await line(
        `container_oom_events_total{${labels(i)}} ${
          i % 50 === 0 && s > steps / 2 ? 1 : 0
        } ${start + s * stepSeconds}\n`,
      );
    }
  }
  buffer.push('# EOF\n');
  await flush();
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return { series: n * 7, samples };
}
