import { ROUTES } from '../routes';
import { PrintView } from './PrintView';

ROUTES['/print'] = PrintView;
