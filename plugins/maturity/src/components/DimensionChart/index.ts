export { DimensionChart } from './DimensionChart';
