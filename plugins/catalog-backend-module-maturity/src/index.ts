/**
 * Catalog backend module of the maturity suite: validates its annotations.
 *
 * @packageDocumentation
 */
export { catalogModuleMaturity as default } from './module';
export { MaturityAnnotationProcessor } from './MaturityAnnotationProcessor';
