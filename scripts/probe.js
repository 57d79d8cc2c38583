#!/usr/bin/env node
/*
 * Probes a running demo backend as a new user would: production-like auth (a token on every
 * request), the owned-only permission policy, malformed requests. Prints each probe, what it
 * expects and what answered, as the Markdown table in docs/operations.md, and exits non-zero if
 * any probe got another answer. Run by scripts/probe.sh, which starts the backend on PostgreSQL.
 * Environment: BACKEND, TOKEN (a guest user token).
 */
const backend = process.env.BACKEND ?? 'http://localhost:7207';
const token = process.env.TOKEN;

async function call(method, route, { auth = true } = {}) {
  const response = await fetch(`${backend}${route}`, {
    method,
    headers: auth ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body };
}

const refsOf = items =>
  items
    .map(i => i.ref ?? `component:${i.metadata.namespace}/${i.metadata.name}`)
    .sort();
const message = answer =>
  answer.body?.error?.message ?? JSON.stringify(answer.body).slice(0, 80);

const probes = [];
/** A probe: what is tried, what must answer, and a check that returns what did answer or throws. */
const probe = (tried, expected, check) =>
  probes.push({ tried, expected, check });
const expectStatus = (answer, status) => {
  if (answer.status !== status)
    throw new Error(`${answer.status}: ${message(answer)}`);
  return `${answer.status}: ${message(answer)}`;
};

probe('`GET /v1/workloads` without a token', '401', async () =>
  expectStatus(
    await call('GET', '/api/maturity/v1/workloads', { auth: false }),
    401,
  ),
);
probe(
  '`GET /v1/workloads` as the guest (checkout team)',
  'exactly the Components the catalog shows the guest',
  async () => {
    const catalog = await call(
      'GET',
      '/api/catalog/entities/by-query?filter=kind=component&limit=1000',
    );
    const mine = await call('GET', '/api/maturity/v1/workloads');
    const [a, b] = [refsOf(catalog.body.items), refsOf(mine.body.items)];
    if (JSON.stringify(a) !== JSON.stringify(b))
      throw new Error(`catalog ${a.join(', ')}; maturity ${b.join(', ')}`);
    return `200: ${b.length} workloads, the catalog's ${a.length}: ${b.join(
      ', ',
    )}`;
  },
);
probe(
  "`GET /v1/scorecards/component/default/ranker` (another team's)",
  '404, the message of an unknown entity',
  async () => {
    const hidden = await call(
      'GET',
      '/api/maturity/v1/scorecards/component/default/ranker',
    );
    const unknown = await call(
      'GET',
      '/api/maturity/v1/scorecards/component/default/no-such-thing',
    );
    if (message(hidden) !== message(unknown).replace('no-such-thing', 'ranker'))
      throw new Error(`${message(hidden)} vs ${message(unknown)}`);
    return expectStatus(hidden, 404);
  },
);
probe(
  '`GET /v1/scorecards/group/default/commerce` (a department the guest is not in)',
  '404',
  async () =>
    expectStatus(
      await call('GET', '/api/maturity/v1/scorecards/group/default/commerce'),
      404,
    ),
);
probe(
  "`GET /v1/scorecards/group/default/checkout` (the guest's team)",
  '200 with its own members only',
  async () => {
    const team = await call(
      'GET',
      '/api/maturity/v1/scorecards/group/default/checkout',
    );
    expectStatus(team, 200);
    return `200: ${team.body.workloads} workloads, ${
      team.body.cores
    } cores, members ${refsOf(team.body.members).join(', ')}`;
  },
);
probe(
  '`GET /v1/leaderboard?level=team`',
  "the guest's team only, at its company-wide rank",
  async () => {
    const board = await call('GET', '/api/maturity/v1/leaderboard?level=team');
    const refs = refsOf(board.body.rows);
    if (JSON.stringify(refs) !== '["group:default/checkout"]')
      throw new Error(refs.join(', '));
    return `200: total ${board.body.total}, ${refs[0]} at rank ${board.body.rows[0].rank}`;
  },
);
probe('`GET /v1/leaderboard?level=department`', 'no rows', async () => {
  const board = await call(
    'GET',
    '/api/maturity/v1/leaderboard?level=department',
  );
  if (board.body.rows.length)
    throw new Error(refsOf(board.body.rows).join(', '));
  return `200: total ${board.body.total}`;
});
probe('`GET /v1/labels` as a user', '403', async () =>
  expectStatus(await call('GET', '/api/maturity/v1/labels'), 403),
);
for (const [route, named] of [
  ['/v1/scorecards/component/default/check%00out-api', 'name'],
  [
    '/v1/leaderboard?level=team&department=group:default/com%00merce',
    'department',
  ],
  ['/v1/workloads?team=group:default/%00', 'team'],
  ['/v1/leaderboard?window=1000000000d', 'window'],
  [
    '/v1/scorecards/component/default/checkout-api/history?from=-271821-04-20',
    'from',
  ],
]) {
  probe(`\`GET ${route}\``, `400 naming \`${named}\``, async () => {
    const answer = await call('GET', `/api/maturity${route}`);
    if (!message(answer).includes(named))
      throw new Error(`${answer.status}: ${message(answer)}`);
    return expectStatus(answer, 400);
  });
}
probe(
  '`DELETE /v1/leaderboard`',
  "404 with Backstage's error body",
  async () => {
    const answer = await call('DELETE', '/api/maturity/v1/leaderboard');
    if (answer.body?.error?.name !== 'NotFoundError')
      throw new Error(`${answer.status}: ${JSON.stringify(answer.body)}`);
    return expectStatus(answer, 404);
  },
);
probe(
  '`GET /v1/no-such-route`',
  "404 with Backstage's error body",
  async () => {
    const answer = await call('GET', '/api/maturity/v1/no-such-route');
    if (answer.body?.error?.name !== 'NotFoundError')
      throw new Error(`${answer.status}: ${JSON.stringify(answer.body)}`);
    return expectStatus(answer, 404);
  },
);
probe('`POST /v1/runs`', '202, and a new run succeeds', async () => {
  const newest = async () =>
    (await call('GET', '/api/maturity/v1/runs')).body.items[0];
  const before = await newest();
  const answer = await call('POST', '/api/maturity/v1/runs');
  expectStatus(answer, 202);
  for (let i = 0; i < 120; i++) {
    const run = await newest();
    if (run.id !== before.id && run.status !== 'running') {
      if (run.status !== 'succeeded')
        throw new Error(`run ${run.id} ${run.status}: ${run.error}`);
      return `202; run ${run.id} succeeded with ${run.workloads} workloads`;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error('no new run within a minute');
});

async function main() {
  let failed = 0;
  console.log('| tried | expected | answered |');
  console.log('|---|---|---|');
  for (const { tried, expected, check } of probes) {
    let answered;
    try {
      answered = await check();
    } catch (error) {
      failed += 1;
      answered = `**FAILED** ${error.message}`;
    }
    console.log(
      `| ${tried} | ${expected} | ${answered.replace(/\|/g, '\\|')} |`,
    );
  }
  console.log(
    `\nprobes: ${
      probes.length - failed
    } answered as expected, ${failed} did not`,
  );
  process.exit(failed ? 1 : 0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
