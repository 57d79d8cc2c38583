import { Entity } from '@backstage/catalog-model';

/** A catalog entity in the default namespace, as the catalog hands it over. */
export const entity = (
  kind: string,
  name: string,
  spec: object,
  annotations?: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: {
    name,
    namespace: 'default',
    ...(annotations ? { annotations } : {}),
  },
  spec,
});
