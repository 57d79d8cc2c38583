import http from 'node:http';
import { AddressInfo } from 'node:net';
import { recordedItems, resourceApi } from './recordedCluster';

type Resource = keyof typeof recordedItems;

/** How the server misbehaves for one resource. */
export type Fault =
  | { status: 401 | 403 | 404 }
  | { expireFirstContinue: true }
  | { hang: true };

const status = (code: number, reason: string, message: string) => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  reason,
  code,
});

/**
 * Replays the recorded cluster as the API server would: List objects with
 * `metadata.resourceVersion`, pages of `limit` items chained by `metadata.continue`, bearer-token
 * auth, and the API's Status objects for errors (401, 403, 404, 410 Gone for an expired continue).
 */
export async function startReplayServer(options: {
  token: string;
  faults?: Partial<Record<Resource, Fault>>;
}) {
  const requests: string[] = [];
  const expired = new Set<Resource>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://localhost');
    requests.push(`${url.pathname}${url.search}`);
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      send(401, status(401, 'Unauthorized', 'Unauthorized'));
      return;
    }
    const resource = (Object.keys(resourceApi) as Resource[]).find(
      r => resourceApi[r].path === url.pathname,
    );
    if (!resource) {
      send(
        404,
        status(
          404,
          'NotFound',
          'the server could not find the requested resource',
        ),
      );
      return;
    }
    const fault = options.faults?.[resource];
    if (fault && 'hang' in fault) return;
    if (fault && 'status' in fault) {
      send(
        fault.status,
        status(
          fault.status,
          fault.status === 403 ? 'Forbidden' : 'Failure',
          `${resource} is forbidden`,
        ),
      );
      return;
    }
    const cont = url.searchParams.get('continue');
    if (
      fault &&
      'expireFirstContinue' in fault &&
      cont &&
      !expired.has(resource)
    ) {
      expired.add(resource);
      send(
        410,
        status(
          410,
          'Expired',
          'The provided continue parameter is too old to display a consistent list result.',
        ),
      );
      return;
    }
    const items = recordedItems[resource];
    const limit =
      Number(url.searchParams.get('limit') ?? items.length) || items.length;
    const offset = cont ? Number(Buffer.from(cont, 'base64').toString()) : 0;
    const next =
      offset + limit < items.length
        ? Buffer.from(String(offset + limit)).toString('base64')
        : undefined;
    const { kind, apiVersion } = resourceApi[resource];
    send(200, {
      kind,
      apiVersion,
      metadata: {
        resourceVersion: '81240',
        ...(next
          ? {
              continue: next,
              remainingItemCount: items.length - offset - limit,
            }
          : {}),
      },
      items: items.slice(offset, offset + limit),
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
