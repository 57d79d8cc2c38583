export {
  EntityMaturityLevelFilter,
  EntityMaturityLevelPicker,
} from './EntityMaturityLevelPicker';
