export { Heatmap } from './Heatmap';
