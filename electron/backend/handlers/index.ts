import { documentHandlers } from './document';

export const handlers = {
  ...documentHandlers,
};
