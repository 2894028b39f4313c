export { HallView } from './HallView';
export { Palette } from './Palette';
