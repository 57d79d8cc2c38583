/**
 * Maturity backend module that reads real-load facts from Prometheus.
 *
 * @packageDocumentation
 */
export { maturityModulePrometheus as default } from './module';
