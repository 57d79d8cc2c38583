export { EntityBestPracticesCard } from './EntityBestPracticesCard';
