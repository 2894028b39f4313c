import { documentHandlers } from './document';
import { filesHandlers } from './files';

export const handlers = {
  ...documentHandlers,
  ...filesHandlers,
};
