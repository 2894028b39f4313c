export { HallView } from './HallView';
export { Palette } from './Palette';
export { HeadroomPanel } from './HeadroomPanel';
export { ProblemsPanel } from './ProblemsPanel';
export { SiteView } from './SiteView';
