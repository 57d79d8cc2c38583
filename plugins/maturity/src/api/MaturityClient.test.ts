import { MaturityClient } from './MaturityClient';

describe('MaturityClient', () => {
  const discoveryApi = {
    getBaseUrl: jest.fn(async () => 'http://backend/api/maturity'),
  };

  it('encodes filters into the query string', async () => {
    const fetch = jest.fn(
      async () =>
        new Response(
          JSON.stringify({ items: [], unweighted: 0, refreshedAt: null }),
        ),
    );
    const client = new MaturityClient({ discoveryApi, fetchApi: { fetch } });
    await expect(
      client.listWorkloads({ department: 'group:default/retail' }),
    ).resolves.toEqual({
      items: [],
      unweighted: 0,
      refreshedAt: null,
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/maturity/v1/workloads?department=group%3Adefault%2Fretail',
    );
  });

  it('addresses scorecards and history by kind, namespace and name', async () => {
    const fetch = jest.fn(async () => new Response('{}'));
    const client = new MaturityClient({ discoveryApi, fetchApi: { fetch } });
    await client.getScorecard('Component:default/cart');
    await client.getHistory('group:default/retail', { from: '2026-11-01' });
    await client.getLeaderboard({
      level: 'team',
      window: '7d',
      department: 'group:default/retail',
    });
    await client.getLeaderboard({ by: 'savings' });
    await client.getCosts('Group:default/retail', '7d');
    expect(fetch.mock.calls.map(c => (c as unknown[])[0])).toEqual([
      'http://backend/api/maturity/v1/scorecards/component/default/cart',
      'http://backend/api/maturity/v1/scorecards/group/default/retail/history?from=2026-11-01',
      'http://backend/api/maturity/v1/leaderboard?level=team&window=7d&department=group%3Adefault%2Fretail',
      'http://backend/api/maturity/v1/leaderboard?by=savings',
      'http://backend/api/maturity/v1/costs/group/default/retail?window=7d',
    ]);
  });

  it('asks for insight by entity, and for CSV by Accept on the JSON routes', async () => {
    const fetch = jest.fn(async (_url: RequestInfo | URL, init?: RequestInit) =>
      (init?.headers as Record<string, string> | undefined)?.accept ===
      'text/csv'
        ? new Response('ref,score\r\n')
        : new Response('{}'),
    );
    const client = new MaturityClient({ discoveryApi, fetchApi: { fetch } });
    await client.getInsight('Group:default/retail');
    await client.getHeatmap({
      level: 'team',
      department: 'group:default/retail',
    });
    await expect(client.getHeatmapCsv()).resolves.toBe('ref,score\r\n');
    await expect(client.getLeaderboardCsv({ level: 'team' })).resolves.toBe(
      'ref,score\r\n',
    );
    expect(fetch.mock.calls).toEqual([
      ['http://backend/api/maturity/v1/insight/group/default/retail'],
      [
        'http://backend/api/maturity/v1/heatmap?level=team&department=group%3Adefault%2Fretail',
      ],
      [
        'http://backend/api/maturity/v1/heatmap',
        { headers: { accept: 'text/csv' } },
      ],
      [
        'http://backend/api/maturity/v1/leaderboard?level=team',
        { headers: { accept: 'text/csv' } },
      ],
    ]);
  });

  it('fetches the model once, and again after a failure', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValueOnce(new Response('{}', { status: 503 }))
      .mockResolvedValueOnce(new Response('{"checks":[]}'));
    const client = new MaturityClient({ discoveryApi, fetchApi: { fetch } });
    await expect(client.getModel()).rejects.toMatchObject({ statusCode: 503 });
    await expect(client.getModel()).resolves.toEqual({ checks: [] });
    await expect(client.getModel()).resolves.toEqual({ checks: [] });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('turns an error response into a ResponseError carrying the backend message', async () => {
    const body = {
      error: { name: 'InputError', message: 'bad department' },
      request: {},
      response: { statusCode: 400 },
    };
    const fetch = jest.fn(
      async () =>
        new Response(JSON.stringify(body), {
          status: 400,
          headers: { 'content-type': 'application/json' },
        }),
    );
    const client = new MaturityClient({ discoveryApi, fetchApi: { fetch } });
    await expect(client.listWorkloads()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      cause: { name: 'InputError', message: 'bad department' },
    });
  });
});
