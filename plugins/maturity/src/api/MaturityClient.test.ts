import { MaturityClient } from './MaturityClient';

describe('MaturityClient', () => {
  const discoveryApi = { getBaseUrl: jest.fn(async () => 'http://backend/api/maturity') };

  it('encodes filters into the query string', async () => {
    const fetch = jest.fn(async () => new Response(JSON.stringify({ items: [], unweighted: 0, refreshedAt: null })));
    const client = new MaturityClient({ discoveryApi, fetchApi: { fetch } });
    await expect(client.listWorkloads({ department: 'group:default/retail' })).resolves.toEqual({
      items: [], unweighted: 0, refreshedAt: null,
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/maturity/v1/workloads?department=group%3Adefault%2Fretail',
    );
  });

  it('turns an error response into a ResponseError carrying the backend message', async () => {
    const body = { error: { name: 'InputError', message: 'bad department' }, request: {}, response: { statusCode: 400 } };
    const fetch = jest.fn(async () => new Response(JSON.stringify(body), { status: 400, headers: { 'content-type': 'application/json' } }));
    const client = new MaturityClient({ discoveryApi, fetchApi: { fetch } });
    await expect(client.listWorkloads()).rejects.toThrow(/bad department/);
  });
});
