import { VolumeClaims } from './volumeClaims';

const claim = (name: string, storage: string, storageClassName?: string) => ({
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'shop' },
  spec: storageClassName ? { storageClassName } : {},
  status: { phase: 'Bound', capacity: { storage } },
});

describe('VolumeClaims', () => {
  it("finds a workload's claims by its pod template and its StatefulSet templates, each once", () => {
    const claims = new VolumeClaims();
    claims.noteClaim(claim('uploads', '50Gi', 'premium'));
    claims.noteClaim(claim('cache-web-0', '10Gi'));
    claims.noteClaim(claim('cache-web-1', '10Gi'));
    // Another StatefulSet's claims and one that is not an ordinal are not web's.
    claims.noteClaim(claim('cache-web-api-0', '99Gi'));
    claims.noteClaim(claim('cache-web-old', '99Gi'));
    claims.noteClaim({
      ...claim('cache-web-2', '10Gi'),
      status: { phase: 'Pending' },
    } as any);
    // The default class arrives after the claims that use it.
    claims.noteStorageClass({
      metadata: {
        name: 'standard',
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      },
    });
    const web = {
      kind: 'StatefulSet',
      metadata: { name: 'web', namespace: 'shop' },
      spec: {
        volumeClaimTemplates: [{ metadata: { name: 'cache' } }],
        template: {
          spec: {
            volumes: [
              { persistentVolumeClaim: { claimName: 'uploads' } },
              { persistentVolumeClaim: { claimName: 'missing' } },
            ],
          },
        },
      },
    };
    expect(claims.volumesOf([web, web])).toEqual([
      { gib: 50, storageClass: 'premium' },
      { gib: 10, storageClass: 'standard' },
      { gib: 10, storageClass: 'standard' },
    ]);
  });
});
