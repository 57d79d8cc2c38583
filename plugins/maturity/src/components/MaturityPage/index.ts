export { MaturityPage } from './MaturityPage';
