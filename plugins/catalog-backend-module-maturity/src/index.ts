/**
 * Catalog backend module of the maturity suite: validates its annotations and writes maturity
 * level and score labels back onto scored entities.
 *
 * @packageDocumentation
 */
export { catalogModuleMaturity as default } from './module';
export { MaturityAnnotationProcessor } from './MaturityAnnotationProcessor';
export { MaturityLabelSource } from './MaturityLabelSource';
export type { LabelSource, MaturityLabel } from './MaturityLabelSource';
