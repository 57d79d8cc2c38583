export interface Config {
  /** Settings of the demo backend only. */
  demo?: {
    /**
     * The permission policy: `allow-all` (default) or `owned-only`, under which a user reads
     * the catalog entities their groups own and the groups they belong to. Asked only where
     * `permission.enabled` is true; app-config.permissions.yaml turns both on.
     */
    permissionPolicy?: 'allow-all' | 'owned-only';
    /** Users (entity refs) who read every entity under `owned-only`. */
    permissionAdmins?: string[];
  };
}
