#!/usr/bin/env node
/*
 * End-to-end test of a running demo portal in headless Chromium: the numbers on the pages match
 * the REST API, sorting and filtering work, and each page is saved to .tools/screenshots/ (or to
 * the folder SCREENSHOTS names, e.g. docs/screenshots to refresh the docs' pictures).
 * Run by scripts/e2e.sh, which starts the portal first. Environment: CHROMIUM, FRONTEND, BACKEND.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const frontend = process.env.FRONTEND ?? 'http://localhost:3000';
const backend = process.env.BACKEND ?? 'http://localhost:7007';
// Kept out of the work tree unless asked for: SCREENSHOTS=docs/screenshots refreshes the docs' ones.
const shots = path.resolve(
  process.env.SCREENSHOTS ??
    path.join(__dirname, '..', '.tools', 'screenshots'),
);
fs.mkdirSync(shots, { recursive: true });
const fmt = score => (typeof score === 'number' ? score.toFixed(1) : '—');

async function api(route) {
  const response = await fetch(`${backend}/api/maturity/v1${route}`);
  assert.equal(response.status, 200, `${route} answered ${response.status}`);
  return response.json();
}

async function open(page, route) {
  await page.goto(`${frontend}${route}`, { waitUntil: 'networkidle' });
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter
    .or(page.getByLabel('sidebar nav'))
    .first()
    .waitFor({ state: 'attached', timeout: 60_000 });
  if (await enter.isVisible()) {
    await enter.click();
    await page.getByLabel('sidebar nav').waitFor({ state: 'attached' });
  }
}

/** The body rows of the table whose title is `title`, as arrays of cell texts. */
async function tableRows(page, title) {
  const table = page
    .locator('div[class*="MuiPaper"]', {
      has: page.getByRole('heading', { name: title }),
    })
    .last();
  await table.locator('tbody tr').first().waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll(rows =>
      rows.map(row =>
        [...row.querySelectorAll('td')].map(td => td.textContent.trim()),
      ),
    );
}

const monthly = hourly =>
  (hourly * 730).toLocaleString('en-US', {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: hourly * 730 >= 100 ? 0 : 2,
  });

const steps = [];
const step = (name, fn) => steps.push({ name, fn });

step('leaderboard shows the API ranking, sorts and filters', async page => {
  const board = await api('/leaderboard?level=department&window=30d');
  await open(page, '/maturity');
  const rows = await tableRows(page, 'Departments by score');
  assert.equal(rows.length, board.rows.length);
  board.rows.forEach((row, i) => {
    // The rank, with its change beneath once there is an older snapshot to compare with.
    assert.match(
      rows[i][0],
      new RegExp(`^${row.rank}(?!\\d)`),
      `rank of row ${i}`,
    );
    assert.equal(rows[i][2], fmt(row.score), `score of ${row.ref}`);
  });
  await page.screenshot({
    path: path.join(shots, 'maturity-page.png'),
    fullPage: true,
  });

  // Sorting by score ascending puts the last-ranked department first.
  await page.getByRole('columnheader', { name: 'Score', exact: true }).click();
  const sorted = await tableRows(page, 'Departments by score');
  assert.equal(
    sorted[0][2],
    fmt(board.rows[board.rows.length - 1].score),
    'ascending sort by score',
  );

  // Teams of one department, with the filter kept in the URL.
  await page.getByRole('tab', { name: 'Teams' }).click();
  await page.waitForURL(/level=team/);
  await page.getByLabel('Department').click();
  const department = board.rows[0].ref;
  await page
    .getByRole('option', { name: department.replace('group:default/', '') })
    .click();
  await page.waitForURL(
    url => url.searchParams.get('department') === department,
  );
  const teams = await api(
    `/leaderboard?level=team&window=30d&department=${encodeURIComponent(
      department,
    )}`,
  );
  const teamRows = await tableRows(page, 'Teams by score');
  assert.equal(
    teamRows.length,
    teams.rows.length,
    'teams of the filtered department',
  );

  // The table's own search narrows the rows.
  const firstName = teamRows[0][1];
  await page.getByPlaceholder('Filter').fill(firstName);
  await page.waitForFunction(
    n => document.querySelectorAll('tbody tr').length === n,
    1,
  );
  await page.screenshot({
    path: path.join(shots, 'maturity-page-teams.png'),
    fullPage: true,
  });
});

step('the cases page filters by dimension', async page => {
  const cases = await api('/practices?dimension=data');
  await open(page, '/maturity/practices?dimension=data');
  const rows = await tableRows(page, `${cases.items.length} cases`);
  assert.equal(rows.length, cases.items.length);
  await page.screenshot({
    path: path.join(shots, 'practices-page.png'),
    fullPage: true,
  });
});

step("a component's Maturity tab shows its scorecard", async page => {
  const card = await api('/scorecards/component/default/ranker');
  await open(page, '/catalog/default/component/ranker/maturity');
  await page.getByRole('heading', { name: 'Checks' }).waitFor();
  const score = page.getByLabel('maturity score');
  assert.equal((await score.textContent()).trim(), fmt(card.score));
  const rows = await tableRows(page, 'Checks');
  assert.equal(rows.length, card.checks.length, 'one row per check');
  // Each check says whether it was measured or declared, and where its facts came from.
  const measured = card.checks.filter(c => c.basis === 'measured').length;
  assert.equal(
    rows.filter(r => r.includes('Measured')).length,
    measured,
    'measured checks',
  );
  assert.equal(
    (await page.getByLabel('measured share').textContent()).trim(),
    `${Math.round(card.measuredShare * 100)} %`,
  );
  await page
    .getByText('cluster prod-shared: Deployment search-ai/ranker')
    .first()
    .waitFor();
  await page.screenshot({
    path: path.join(shots, 'component-maturity-tab.png'),
    fullPage: true,
  });
});

step(
  'the Platforms tab ranks the clusters, and a cluster shows its platform scorecard',
  async page => {
    const board = await api('/leaderboard?level=platform&window=30d');
    await open(page, '/maturity?level=platform');
    const rows = await tableRows(page, 'Platforms by score');
    assert.equal(rows.length, board.rows.length);
    board.rows.forEach((row, i) => {
      assert.equal(rows[i][2], fmt(row.score), `score of ${row.ref}`);
    });
    // Departments do not hold platforms: no department filter here.
    assert.equal(await page.getByLabel('Department').count(), 0);
    await page.screenshot({
      path: path.join(shots, 'platforms-tab.png'),
      fullPage: true,
    });

    const card = await api('/scorecards/resource/default/prod-shared');
    assert.equal(card.kind, 'platform');
    await open(page, '/catalog/default/resource/prod-shared/maturity');
    const score = page.getByLabel('maturity score');
    await score.waitFor();
    assert.equal((await score.textContent()).trim(), fmt(card.score));
    const members = await tableRows(page, 'Members');
    assert.equal(members.length, card.members.length, 'its workloads');
    // What the cluster offers: the platform checks, measured but for the three no recording
    // shows (shared delivery, trace ids in logs, load tests).
    const model = await api('/model');
    const platformChecks = await tableRows(page, 'Platform checks');
    assert.equal(
      platformChecks.length,
      model.checks.filter(c => c.side === 'platform').length,
    );
    assert.equal(
      platformChecks.filter(r => r.includes('Measured')).length,
      platformChecks.length - 3,
      'measured platform checks',
    );
    await page.screenshot({
      path: path.join(shots, 'cluster-maturity-tab.png'),
      fullPage: true,
    });
  },
);

step("a component's overview shows the card", async page => {
  const card = await api('/scorecards/component/default/ranker');
  await open(page, '/catalog/default/component/ranker');
  const score = page.getByLabel('maturity score');
  await score.waitFor();
  assert.equal((await score.textContent()).trim(), fmt(card.score));
  const suggestions = await api('/practices/component/default/ranker');
  await page.getByText(suggestions.items[0].reason).waitFor();
  const costs = await api('/costs/component/default/ranker?window=30d');
  const runRate = page.getByLabel('Run rate');
  await runRate.waitFor();
  assert.equal(
    (await runRate.textContent()).trim(),
    `${monthly(costs.current.hourlyCost)}/mo`,
  );
  await page.screenshot({
    path: path.join(shots, 'component-page.png'),
    fullPage: true,
  });
});

step("a department's Maturity tab ranks its teams", async page => {
  const card = await api('/scorecards/group/default/search-ai');
  await open(page, '/catalog/default/group/search-ai/maturity');
  const rows = await tableRows(page, 'Members');
  assert.equal(rows.length, card.members.length);
  // Rank, then the name with its level kind beneath, then the score.
  assert.match(rows[0][1], new RegExp(`${card.members[0].kind}$`));
  assert.equal(rows[0][2], fmt(card.members[0].score));
  await page.screenshot({
    path: path.join(shots, 'department-maturity-tab.png'),
    fullPage: true,
  });
});

step(
  "a department's Maturity tab shows what raises its score most",
  async page => {
    const insight = await api('/insight/group/default/search-ai');
    assert.ok(insight.impact.length > 0, 'search-ai has checks to fix');
    await open(page, '/catalog/default/group/search-ai/maturity');
    const rows = await tableRows(page, 'What raises this score most');
    assert.equal(rows.length, Math.min(10, insight.impact.length));
    const [first] = insight.impact;
    assert.equal(rows[0][0], first.title);
    const points = Math.round(first.points * 10) / 10;
    assert.equal(rows[0][1], `+${points.toFixed(1)}`);
    // Each check's adoption, least adopted first.
    const least = insight.checks.find(c => c.adoption !== null);
    const adoption = page.getByLabel(`${least.title} adoption`);
    assert.equal(
      (await adoption.textContent()).trim(),
      `${Math.round(least.adoption * 100)} %`,
    );
    await page
      .locator('div[class*="MuiPaper"]', {
        has: page.getByRole('heading', { name: 'What raises this score most' }),
      })
      .last()
      .scrollIntoViewIfNeeded();
    await page.screenshot({
      path: path.join(shots, 'department-insight.png'),
    });
  },
);

step(
  'the heatmap shows check adoption by department, and downloads it as CSV',
  async page => {
    const map = await api('/heatmap');
    await open(page, '/maturity/heatmap');
    const table = page.getByRole('table', { name: 'Check adoption heatmap' });
    await table.waitFor();
    const [row] = map.rows;
    const check = map.checks.find(c => row.adoption[c.id] !== undefined);
    const name = row.ref.split('/')[1];
    const cell = table.getByLabel(`${name}, ${check.title}: `, {
      exact: false,
    });
    assert.equal(
      (await cell.first().textContent()).trim(),
      `${Math.round(row.adoption[check.id] * 100)} %`,
    );
    await page.screenshot({
      path: path.join(shots, 'heatmap.png'),
      fullPage: true,
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'heatmap-department.csv');
    const csv = fs.readFileSync(await download.path(), 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines.length, map.rows.length + 1, 'a line per department');
    assert.ok(lines[0].startsWith('ref,score,level,cores,workloads,'));
  },
);

step(
  "the owners are told of yesterday's fall, on the notifications page",
  async page => {
    // The recorded past has cart lose five practices since yesterday; the guest is in its team.
    // Today's first run is the one that finds the fall; any later run adds a point after it.
    const { points } = await api('/scorecards/component/default/cart/history');
    const first = points.findIndex(p => Date.parse(p.at) > TODAY_SINCE);
    assert.ok(first > 0, `cart's history has a point before today's runs`);
    const [yesterday, today] = [points[first - 1], points[first]];
    assert.ok(
      yesterday.score - today.score > 5,
      `cart fell from ${yesterday.score} to ${today.score}`,
    );
    await open(page, '/notifications');
    const title = page.getByText(/^cart: maturity (level|score) fell/);
    await title.first().waitFor({ timeout: 30_000 });
    assert.equal(await title.count(), 1, 'one notification of the fall');
    await page.screenshot({
      path: path.join(shots, 'notifications.png'),
      fullPage: true,
    });
  },
);

step(
  'an initiative shows its progress and burndown, and the form creates one',
  async page => {
    const initiative = await api('/initiatives/probes-everywhere');
    assert.ok(
      initiative.burndown.length >= 20,
      `${initiative.burndown.length} burndown points from the demo's past`,
    );
    await open(page, '/maturity/initiatives');
    const progress = page.getByLabel(`${initiative.name} progress`);
    await progress.waitFor();
    assert.match(
      await progress.textContent(),
      new RegExp(`^${Math.round(initiative.progress.share * 100)} %`),
    );
    await page.getByRole('link', { name: initiative.name }).click();
    const chart = page.getByRole('img', { name: /^Burndown, \d+ points/ });
    await chart.waitFor();
    await page.screenshot({
      path: path.join(shots, 'initiative.png'),
      fullPage: true,
    });

    // A new one, through the form.
    await open(page, '/maturity/initiatives');
    await page.getByRole('button', { name: 'New initiative' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Commerce at L3');
    await dialog.getByLabel('Owner').fill('group:default/commerce');
    await dialog.getByLabel('Scope').click();
    await page.getByRole('option', { name: 'group:default/commerce' }).click();
    await dialog.getByLabel('Deadline').fill('2027-06-30');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('link', { name: 'Commerce at L3' }).waitFor();
    const created = await api('/initiatives/commerce-at-l3');
    assert.deepEqual(created.target, { level: 'L3' });
    await page.screenshot({
      path: path.join(shots, 'initiatives.png'),
      fullPage: true,
    });
  },
);

step(
  "a component's Cost tab shows its cost and right-sizing advice",
  async page => {
    const costs = await api('/costs/component/default/ranker?window=30d');
    await open(page, '/catalog/default/component/ranker/cost');
    const runRate = page.getByLabel('Run rate');
    await runRate.waitFor();
    assert.equal(
      (await runRate.textContent()).trim(),
      `${monthly(costs.current.hourlyCost)}/mo`,
    );
    const rows = await tableRows(page, 'What it holds and uses');
    assert.deepEqual(
      rows.map(r => r[0]),
      ['CPU', 'Memory'],
    );
    await page.getByRole('heading', { name: 'Right-sizing' }).waitFor();
    await page.screenshot({
      path: path.join(shots, 'component-cost-tab.png'),
      fullPage: true,
    });
  },
);

step(
  'the savings leaderboard ranks departments by potential saving',
  async page => {
    const board = await api('/leaderboard?level=department&by=savings');
    await open(page, '/maturity?by=savings');
    const rows = await tableRows(page, 'Departments by potential saving');
    assert.equal(rows.length, board.rows.length);
    // The link shows the entity's title once the catalog has answered, its name until then.
    const name = board.rows[0].ref.split('/')[1];
    const entity = await (
      await fetch(
        `${backend}/api/catalog/entities/by-name/group/default/${name}`,
      )
    ).json();
    assert.ok(
      [name, entity.metadata.title].includes(rows[0][1]),
      `first row is ${board.rows[0].ref}, not ${rows[0][1]}`,
    );
    await page.screenshot({
      path: path.join(shots, 'savings-leaderboard.png'),
      fullPage: true,
    });
    // The cost columns sort by the figure itself, which sits nested in a leaderboard row.
    await page.getByRole('columnheader', { name: 'Waste share' }).click();
    const byWaste = (
      await tableRows(page, 'Departments by potential saving')
    ).map(r => Number.parseInt(r[4], 10));
    const expected = board.rows
      .map(r => Math.round(r.cost.wasteShare * 100))
      .sort((a, b) => a - b);
    assert.deepEqual(
      byWaste,
      expected,
      `waste shares after sorting by them: ${byWaste.join(', ')}`,
    );
  },
);

step(
  "a department's Cost tab shows its month against its budget",
  async page => {
    // Media's forecast runs over its budget (app-config.yaml).
    const costs = await api('/costs/group/default/media');
    assert.ok(costs.budget?.overBy > 0, 'media is forecast over its budget');
    await open(page, '/catalog/default/group/media/cost');
    await page.getByText(`Budget for ${costs.budget.month}`).waitFor();
    const money = n =>
      n.toLocaleString('en-US', {
        style: 'currency',
        currency: costs.currency,
        maximumFractionDigits: 0,
      });
    assert.equal(
      (await page.getByLabel('month-end forecast').textContent()).trim(),
      `Month-end forecast at the latest hourly cost: ${money(
        costs.budget.forecast,
      )} — ${money(costs.budget.overBy)} over the budget`,
    );
    await page.screenshot({
      path: path.join(shots, 'department-budget.png'),
      fullPage: true,
    });
  },
);

step(
  "a cluster's Cost tab shows its capacity, idle cost, who shares it and its node signals",
  async page => {
    const { cluster } = await api('/costs/resource/default/prod-classic');
    assert.ok(cluster, 'prod-classic has a cluster cost');
    await open(page, '/catalog/default/resource/prod-classic/cost');
    await page.getByText('Capacity, allocated and idle').waitFor();
    const pct = n => `${Math.round(n * 100)} %`;
    const cores = n => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
    const cpu = (await page.getByLabel('CPU capacity').textContent()).trim();
    assert.ok(
      cpu.startsWith(
        `CPU: ${cores(cluster.allocated.cpuCores)} of ${cores(
          cluster.capacity.cpuCores,
        )} cores allocated (${pct(
          cluster.allocated.cpuCores / cluster.capacity.cpuCores,
        )})`,
      ),
      `CPU line: ${cpu}`,
    );
    const shares = await tableRows(page, 'Idle cost shared to departments');
    assert.deepEqual(
      shares.map(r => r[1]),
      cluster.idleShares.map(s => `${monthly(s.hourlyCost)}/mo`),
    );
    // Two hot nodes beside cold ones: the advice is to reschedule.
    await page.getByText(cluster.signals.rescheduling.reason).waitFor();
    await page.screenshot({
      path: path.join(shots, 'cluster-cost.png'),
      fullPage: true,
    });
  },
);

step('a second run draws the score history on a time axis', async page => {
  const newestId = async () =>
    (await api('/runs')).items.find(r => r.status === 'succeeded')?.id;
  const before = await newestId();
  const triggered = await fetch(`${backend}/api/maturity/v1/runs`, {
    method: 'POST',
  });
  assert.equal(
    triggered.status,
    202,
    `POST /v1/runs answered ${triggered.status}`,
  );
  for (let i = 0; i < 60 && (await newestId()) === before; i++) {
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  const history = await api('/scorecards/component/default/ranker/history');
  assert.ok(
    history.points.length >= 2,
    `${history.points.length} history points after a second run`,
  );
  await open(page, '/catalog/default/component/ranker/maturity');
  const chart = page.getByRole('img', {
    name: `Score history, ${history.points.length} points`,
  });
  // The same sources give the same score: a level line, which has no height to be "visible".
  const line = chart.locator('path.recharts-line-curve').first();
  await line.waitFor({ state: 'attached' });
  assert.match(
    await line.getAttribute('d'),
    // Straight between equal scores, curved (monotone) where the score moved.
    /^M[\d.]+,[\d.]+[LC][\d.]+,[\d.]+/,
    'the score line joins the points',
  );
  // Days apart (the demo's past) the ticks give dates; seconds apart, the time of day.
  const ticks = await chart
    .locator('.recharts-xAxis .recharts-cartesian-axis-tick-value')
    .allTextContents();
  assert.ok(ticks.length > 0, 'the time axis has ticks');
  for (const tick of ticks)
    assert.match(tick, /^(\d{4}-\d{2}-\d{2}|\d{2}:\d{2}(:\d{2})?)$/);
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: path.join(shots, 'component-maturity-history.png'),
  });
});

step(
  'the unprocessed-entities page lists what the catalog could not store',
  async page => {
    await open(page, '/catalog-unprocessed-entities');
    await page
      .getByRole('heading', { name: 'Unprocessed Entities' })
      .first()
      .waitFor();
    // The demo catalog is clean: the page answers, and has nothing to list.
    const response = await fetch(
      `${backend}/api/catalog/entities/unprocessed/failed`,
    );
    assert.equal(
      response.status,
      200,
      `the unprocessed entities API answered ${response.status}`,
    );
    assert.deepEqual((await response.json()).entities, []);
  },
);

/** Today's runs started after this; the demo's recorded past is dated a day or more before. */
const TODAY_SINCE = Date.now() - 3_600_000;

/** The first run writes the demo's past before it scores today: the steps wait for today's. */
async function waitForTodaysRun() {
  for (let i = 0; i < 300; i++) {
    const [newest] = (await api('/runs')).items;
    if (
      newest?.status === 'succeeded' &&
      Date.parse(newest.startedAt) > TODAY_SINCE
    )
      return;
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error('no run of today within 5 minutes');
}

async function main() {
  await waitForTodaysRun();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  let failed = 0;
  try {
    for (const { name, fn } of steps) {
      const page = await browser.newPage({
        viewport: { width: 1400, height: 1000 },
      });
      try {
        await fn(page);
        console.log(`  ✓ ${name}`);
      } catch (error) {
        failed += 1;
        console.log(
          `  ✕ ${name}\n    ${error.message.split('\n').join('\n    ')}`,
        );
        await page
          .screenshot({ path: path.join(shots, 'failure.png'), fullPage: true })
          .catch(() => {});
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`e2e: ${steps.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
