import { KubeObject } from '../sources/ClusterSource';
import { memoryGiB } from './quantities';

const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';

/** A bound claim's size and storage class (undefined: the cluster's default class). */
interface Claim {
  gib: number;
  storageClass?: string;
}

/** A workload's volume: its size and storage class. */
export interface ClaimedVolume {
  gib: number;
  storageClass?: string;
}

/**
 * A cluster's bound persistent volume claims by namespace, noted as the list arrives, and the
 * claims a workload's controllers use: a StatefulSet's `<template>-<name>-<ordinal>` claims, and
 * the claims its pod template names.
 */
export class VolumeClaims {
  private readonly byNamespace = new Map<string, Map<string, Claim>>();
  private defaultClass?: string;

  noteClaim(claim: KubeObject): void {
    if (claim.status?.phase !== 'Bound') return;
    const namespace = claim.metadata?.namespace ?? '';
    let claims = this.byNamespace.get(namespace);
    if (!claims) this.byNamespace.set(namespace, (claims = new Map()));
    // The bound volume's size, else what was asked for.
    const size =
      (claim.status as any)?.capacity?.storage ??
      (claim.spec as any)?.resources?.requests?.storage;
    claims.set(claim.metadata?.name ?? '', {
      gib: memoryGiB(size) ?? 0,
      ...(claim.spec?.storageClassName
        ? { storageClass: claim.spec.storageClassName }
        : {}),
    });
  }

  noteStorageClass(c: KubeObject): void {
    if (c.metadata?.annotations?.[DEFAULT_CLASS] === 'true')
      this.defaultClass = c.metadata?.name;
  }

  /** The volumes of a workload's controllers, each claim counted once. */
  volumesOf(controllers: KubeObject[]): ClaimedVolume[] {
    const found = new Map<string, Claim>();
    for (const c of controllers) {
      const namespace = c.metadata?.namespace ?? '';
      const claims = this.byNamespace.get(namespace);
      if (!claims) continue;
      for (const v of c.spec?.template?.spec?.volumes ?? []) {
        const name = v.persistentVolumeClaim?.claimName;
        const claim = claims.get(name);
        if (claim) found.set(`${namespace}/${name}`, claim);
      }
      for (const t of c.spec?.volumeClaimTemplates ?? []) {
        const prefix = `${t.metadata?.name}-${c.metadata?.name}-`;
        for (const [name, claim] of claims)
          if (
            name.startsWith(prefix) &&
            /^\d+$/.test(name.slice(prefix.length))
          )
            found.set(`${namespace}/${name}`, claim);
      }
    }
    return [...found.values()].map(claim => ({
      gib: claim.gib,
      ...(claim.storageClass ?? this.defaultClass
        ? { storageClass: claim.storageClass ?? this.defaultClass }
        : {}),
    }));
  }
}
