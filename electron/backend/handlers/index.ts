import { documentHandlers } from './document';
import { filesHandlers } from './files';
import { optimizerHandlers } from './optimizer';
import { printHandlers } from './print';

export const handlers = {
  ...documentHandlers,
  ...filesHandlers,
  ...optimizerHandlers,
  ...printHandlers,
};
