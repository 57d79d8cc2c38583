/**
 * Maturity backend module that reads facts from a Tech Insights backend.
 *
 * @packageDocumentation
 */
export { maturityModuleTechInsights as default } from './module';
