export { CostTrendChart } from './CostTrendChart';
