// Load generator, run in its own process so it does not share the server's event loop:
// node bench/load.js <seconds> <clients> <url>... — each client picks a random url from the list
// per request; prints {requests, failures, p50, p95, p99} as JSON.
const { performance } = require('node:perf_hooks');

const [seconds, clients, ...urls] = process.argv.slice(2);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const latencies = [];
  let failures = 0;
  const until = performance.now() + Number(seconds) * 1000;
  await Promise.all(
    Array.from({ length: Number(clients) }, async () => {
      while (performance.now() < until) {
        const url = urls[Math.floor(Math.random() * urls.length)];
        const start = performance.now();
        const response = await fetch(url);
        const body = await response.text();
        if (response.ok) latencies.push(performance.now() - start);
        else if (failures++ === 0) console.error(`${url}: ${response.status} ${body}`);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  console.log(JSON.stringify({
    requests: latencies.length,
    failures,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  }));
}

main();
