export { PracticesPage } from './PracticesPage';
