// Load generator, run in its own process so it does not share the server's event loop:
// node bench/load.js <seconds> <clients> <url>... — autocannon with <clients> keep-alive
// connections, each sending its next request when the last is answered, to a random url of the
// list, accepting gzip as a browser does; prints {requests, failures, p50, p95, p99} as JSON. autocannon's own summary has no p95,
// so every response time is kept and the percentiles are read from them.
const autocannon = require('autocannon');

const [seconds, clients, ...urls] = process.argv.slice(2);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const paths = urls.map(u => new URL(u)).map(u => u.pathname + u.search);

async function main() {
  const latencies = [];
  let failures = 0;
  const instance = autocannon({
    url: new URL(urls[0]).origin,
    connections: Number(clients),
    duration: Number(seconds),
    requests: [
      {
        setupRequest: request => ({
          ...request,
          path: paths[Math.floor(Math.random() * paths.length)],
          // What every browser sends: Backstage answers it gzipped.
          headers: { ...request.headers, 'accept-encoding': 'gzip, deflate, br' },
        }),
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === 200) latencies.push(responseTime);
    else failures++;
  });
  const result = await instance;
  failures += result.errors + result.timeouts;
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
