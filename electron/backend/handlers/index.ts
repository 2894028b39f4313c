import { documentHandlers } from './document';
import { filesHandlers } from './files';
import { optimizerHandlers } from './optimizer';

export const handlers = {
  ...documentHandlers,
  ...filesHandlers,
  ...optimizerHandlers,
};
