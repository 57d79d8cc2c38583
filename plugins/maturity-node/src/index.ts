/**
 * Extension points for backend modules of the maturity plugin.
 *
 * @packageDocumentation
 */
export * from './extensions';
