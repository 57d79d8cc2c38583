/**
 * Maturity backend module that reads workload facts from the Kubernetes API.
 *
 * @packageDocumentation
 */
export { maturityModuleKubernetes as default } from './module';
