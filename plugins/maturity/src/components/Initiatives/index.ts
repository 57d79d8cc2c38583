export { InitiativesPage } from './InitiativesPage';
export { InitiativeDetail } from './InitiativeDetail';
