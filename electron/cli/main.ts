import { main } from './fleetplan';

main();
