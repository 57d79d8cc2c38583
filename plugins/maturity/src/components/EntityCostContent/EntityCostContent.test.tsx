import { fireEvent, screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import {
  cartCosts,
  FakeMaturityApi,
  retailCosts,
} from '../../__testUtils__/fakeMaturityApi';
import { entity, renderOnEntity } from '../../__testUtils__/renderOnEntity';
import { EntityCostContent } from './EntityCostContent';

const render = (api: FakeMaturityApi, target: Entity) =>
  renderOnEntity(<EntityCostContent />, target, api);

describe('EntityCostContent', () => {
  it('breaks a workload down by resource, recommends requests and switches windows', async () => {
    const api = new FakeMaturityApi({
      costs: { 'component:default/cart': cartCosts },
    });
    await render(api, entity('Component', 'cart'));

    const held = (await screen.findByText('What it holds and uses')).closest(
      'div[class*="MuiPaper"]',
    ) as HTMLElement;
    const cpu = within(held).getByText('CPU').closest('tr')!;
    // 8 requested, 2 used: 25 %; 0.4/h is 292/mo, 0.3/h idle is 219/mo.
    expect(cpu).toHaveTextContent('8 cores');
    expect(cpu).toHaveTextContent('2 cores');
    expect(cpu).toHaveTextContent('25 %');
    expect(cpu).toHaveTextContent('$292/mo');
    expect(cpu).toHaveTextContent('$219/mo');

    const sizing = screen
      .getByText('Right-sizing')
      .closest('div[class*="MuiPaper"]') as HTMLElement;
    const cpuAdvice = within(sizing).getByText('CPU').closest('tr')!;
    expect(cpuAdvice).toHaveTextContent('4 cores');
    expect(cpuAdvice).toHaveTextContent('2.3 cores');
    expect(cpuAdvice).toHaveTextContent('$124/mo');
    expect(
      screen.getByText(/scale on CPU with a 38 % target/),
    ).toBeInTheDocument();
    expect(screen.getByText(/mean of 2 snapshots/)).toBeInTheDocument();

    fireEvent.mouseDown(screen.getByLabelText('Window'));
    fireEvent.click(await screen.findByRole('option', { name: 'Last 7 days' }));
    await screen.findByText(/Last 7 days: /);
    expect(api.calls).toEqual([
      'costs component:default/cart 30d',
      'costs component:default/cart 7d',
    ]);
  });

  it("recommends each container's requests and the HPA's bounds", async () => {
    const rec = (
      current: number,
      recommended: number,
      monthlySaving: number,
    ) => ({
      current,
      recommended,
      replicas: 4,
      monthlySaving,
      basis: 'p99 usage × 1.15',
    });
    const api = new FakeMaturityApi({
      costs: {
        'component:default/cart': {
          ...cartCosts,
          workload: {
            ...cartCosts.workload!,
            rightSizing: {
              cpu: { ...rec(2.5, 1.38, 103.38), basis: 'Σ of 2 containers' },
              memory: null,
              containers: [
                { container: 'app', cpu: rec(2, 1.15, 78.46), memory: null },
                {
                  container: 'sidecar',
                  cpu: rec(0.5, 0.23, 24.92),
                  memory: null,
                },
              ],
              replicas: {
                current: 6,
                hpa: { min: 6, max: 6 },
                min: 3,
                max: 23,
                targetUtilization: 60,
                basis: 'quietest hour 4.2 cores at 75 % of 2 cores a replica',
              },
              monthlySaving: 103.38,
            },
          },
        },
      },
    });
    await render(api, entity('Component', 'cart'));
    const sizing = (await screen.findByText('Right-sizing')).closest(
      'div[class*="MuiPaper"]',
    ) as HTMLElement;
    const rows = within(sizing).getAllByRole('row').slice(1);
    expect(rows.map(r => r.textContent)).toEqual([
      expect.stringMatching(
        /^CPU2\.5 cores1\.38 cores4\$103\/moΣ of 2 containers$/,
      ),
      expect.stringMatching(/^CPU · app2 cores1\.15 cores4\$78\.46\/mo/),
      expect.stringMatching(/^CPU · sidecar0\.5 cores0\.23 cores4\$24\.92\/mo/),
    ]);
    expect(screen.getByLabelText('replica recommendation')).toHaveTextContent(
      '6 now (HPA 6–6); recommended HPA 3–23 at a 60 % CPU target.',
    );
  });

  it('lists the GPUs and volumes a workload holds, priced, their use unknown', async () => {
    const api = new FakeMaturityApi({
      costs: {
        'component:default/cart': {
          ...cartCosts,
          workload: {
            ...cartCosts.workload!,
            // 8 GPUs at 0.95 an hour: 7.6 an hour, 5,548 a month of 730 hours.
            gpu: {
              request: 8,
              usage: null,
              hourlyCost: 7.6,
              hourlyWaste: 0,
              efficiency: null,
            },
            storage: {
              request: 2048,
              usage: null,
              hourlyCost: 245.76 / 730,
              hourlyWaste: 0,
              efficiency: null,
            },
            storageClass: 'premium',
          },
        },
      },
    });
    await render(api, entity('Component', 'cart'));
    const held = (await screen.findByText('What it holds and uses')).closest(
      'div[class*="MuiPaper"]',
    ) as HTMLElement;
    const gpu = within(held).getByText('GPU').closest('tr')!;
    expect(gpu).toHaveTextContent('8 GPUs');
    expect(gpu).toHaveTextContent('$5,548/mo');
    // 2,048 GiB of premium volumes at 0.12 a GiB-month: 245.76 a month.
    const volumes = within(held).getByText('Volumes (premium)').closest('tr')!;
    expect(volumes).toHaveTextContent('2,048 GiB');
    expect(volumes).toHaveTextContent('$246/mo');
  });

  it("ranks a department's members by potential saving", async () => {
    await render(
      new FakeMaturityApi({ costs: { 'group:default/retail': retailCosts } }),
      entity('Group', 'retail'),
    );
    const table = (
      await screen.findByText('Members by potential saving')
    ).closest('div[class*="MuiPaper"]') as HTMLElement;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('checkout');
    expect(rows[0]).toHaveTextContent('$138/mo');
    expect(rows[1]).toHaveTextContent('pricing');
    // Names and money stay on one line; only the name is bold, though both cells share that style.
    const [, name, saving] = within(rows[0]).getAllByRole('cell');
    expect(name).toHaveStyle({ whiteSpace: 'nowrap', fontWeight: 700 });
    expect(saving).toHaveStyle({ whiteSpace: 'nowrap' });
    expect(saving).not.toHaveStyle({ fontWeight: 700 });
    expect(screen.queryByText('Right-sizing')).not.toBeInTheDocument();
    // No budget, no budget card.
    expect(screen.queryByText(/^Budget for /)).not.toBeInTheDocument();
  });

  it("shows a department's month against its budget, and how far the forecast goes over", async () => {
    await render(
      new FakeMaturityApi({
        costs: {
          'group:default/retail': {
            ...retailCosts,
            budget: {
              month: '2026-11',
              monthly: 10_000,
              monthToDate: 7_200,
              forecast: 12_000,
              overBy: 2_000,
            },
          },
        },
      }),
      entity('Group', 'retail'),
    );
    expect(await screen.findByText('Budget for 2026-11')).toBeInTheDocument();
    expect(screen.getByLabelText('monthly budget')).toHaveTextContent(
      '$10,000',
    );
    expect(screen.getByLabelText('spent this month')).toHaveTextContent(
      'Spent so far: $7,200',
    );
    expect(screen.getByLabelText('month-end forecast')).toHaveTextContent(
      'Month-end forecast at the latest hourly cost: $12,000 — $2,000 over the budget',
    );
  });

  it("shows a cluster's capacity, idle cost, node types, who shares the idle and its node signals", async () => {
    const hourly = (cpu: number, memory: number, gpu: number) => ({
      cpu,
      memory,
      gpu,
      total: cpu + memory + gpu,
    });
    await render(
      new FakeMaturityApi({
        costs: {
          'resource:default/prod': {
            ...retailCosts,
            kind: 'platform',
            ref: 'resource:default/prod',
            clusterTrend: [
              {
                at: '2026-11-19T10:00:00Z',
                hourlyCost: 6,
                allocatedHourlyCost: 3,
                idleHourlyCost: 3,
              },
              {
                at: '2026-11-20T10:00:00Z',
                hourlyCost: 6.208,
                allocatedHourlyCost: 3.08,
                idleHourlyCost: 3.128,
              },
            ],
            cluster: {
              cluster: 'prod',
              nodes: 3,
              capacity: { cpuCores: 64, memoryGiB: 256, gpus: 8 },
              allocatable: { cpuCores: 61, memoryGiB: 264, gpus: 8 },
              allocated: { cpuCores: 24, memoryGiB: 136, gpus: 4 },
              idle: { cpuCores: 40, memoryGiB: 120, gpus: 4 },
              // 1.44, 0.768 and 4 an hour: 1,051.20, 560.64 and 2,920 a month.
              hourlyCost: hourly(1.44, 0.768, 4),
              allocatedHourlyCost: hourly(0.6, 0.48, 2),
              idleHourlyCost: hourly(0.84, 0.288, 2),
              nodeTypes: [
                {
                  nodeType: 'gpu.8x',
                  nodes: 1,
                  zones: ['zone-a'],
                  capacity: { cpuCores: 32, memoryGiB: 128, gpus: 8 },
                  hourlyCost: 4.736,
                  idleHourlyCost: 2.552,
                },
              ],
              idleShares: [
                {
                  kind: 'department',
                  ref: 'group:default/retail',
                  hourlyCost: 2,
                },
              ],
              idleUnshared: 1.128,
              signals: {
                measuredNodes: 3,
                busiest: {
                  cpuMax1h: 0.82,
                  cpuMax1d: 0.9,
                  memoryMax1h: 0.78,
                  memoryMax1d: 0.8,
                },
                hotNodes: [
                  {
                    node: 'node-1',
                    cpuMax1h: 0.82,
                    cpuMax1d: 0.9,
                    memoryMax1h: 0.5,
                    memoryMax1d: 0.6,
                  },
                ],
                coldNodes: 1,
                thresholds: { hot: 0.75, cold: 0.3 },
                overcommit: {
                  check: 'overcommit',
                  reason: 'Pods request 50 % of its CPU capacity.',
                },
                rescheduling: {
                  check: 'rescheduling',
                  reason: '1 node went above 75 % in the last hour.',
                },
              },
            },
          },
        },
      }),
      entity('Resource', 'prod'),
    );
    expect(
      await screen.findByText('Capacity, allocated and idle'),
    ).toBeInTheDocument();
    // Two runs of the cluster's history draw its chart.
    expect(screen.getByLabelText('Cost history, 2 points')).toBeInTheDocument();
    expect(screen.getByLabelText('CPU capacity')).toHaveTextContent(
      'CPU: 24 of 64 cores allocated (38 %)Idle: 40 cores, $613/mo of $1,051/mo · 61 cores allocatable to pods',
    );
    expect(screen.getByLabelText('GPU capacity')).toHaveTextContent(
      'GPU: 4 of 8 GPUs allocated (50 %)Idle: 4 GPUs, $1,460/mo of $2,920/mo',
    );
    const types = screen
      .getByText('Node types')
      .closest('div[class*="MuiPaper"]') as HTMLElement;
    expect(within(types).getByText('gpu.8x').closest('tr')).toHaveTextContent(
      '32 cores, 128 GiB, 8 GPUs$3,457/mo$1,863/mo',
    );
    const shares = screen
      .getByText('Idle cost shared to departments')
      .closest('div[class*="MuiPaper"]') as HTMLElement;
    const rows = within(shares).getAllByRole('row').slice(1);
    // 2 of 3.128 an hour: 64 %; the rest, 1.128, stays with the cluster.
    expect(rows[0]).toHaveTextContent('retail$1,460/mo64 %');
    expect(rows[1]).toHaveTextContent(
      'Pods in no department (system, not in the catalog)$823/mo36 %',
    );
    expect(screen.getByLabelText('busiest node')).toHaveTextContent(
      'Busiest node: CPU 82 % in the last hour, 90 % in the day; memory 78 % and 80 %.',
    );
    expect(
      screen.getByText('node-1: CPU 82 %, memory 50 %'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('1 node went above 75 % in the last hour.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('On the Maturity tab: check rescheduling'),
    ).toBeInTheDocument();
  });

  it("shows a department's share of its clusters' idle capacity beside its own cost", async () => {
    await render(
      new FakeMaturityApi({
        costs: {
          'group:default/retail': {
            ...retailCosts,
            idle: {
              // 0.5 an hour: 365 a month.
              hourlyCost: { cpu: 0.3, memory: 0.2, gpu: 0, total: 0.5 },
              clusters: [{ cluster: 'prod', hourlyCost: 0.5 }],
            },
          },
        },
      }),
      entity('Group', 'retail'),
    );
    expect(
      await screen.findByText('Idle cluster capacity shared to it'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('idle cost shared')).toHaveTextContent(
      '$365/mo',
    );
    expect(
      screen.getByText(/^CPU \$219\/mo, memory \$146\/mo$/),
    ).toBeInTheDocument();
  });
});
