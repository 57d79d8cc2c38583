export { EntityInitiativesCard } from './EntityInitiativesCard';
