/**
 * The maturity backend plugin: inventory, scoring and the `/api/maturity` REST API.
 *
 * @packageDocumentation
 */
export { maturityPlugin as default } from './plugin';
