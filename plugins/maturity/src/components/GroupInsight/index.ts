export { GroupInsight } from './GroupInsight';
