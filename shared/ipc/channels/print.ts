import { z } from 'zod';
import { FILE_NAME_MAX_CHARS } from '../../io/file-names';
import { channel } from '../define';

export const printChannels = {
  /** Renders the print route to a PDF file (Electron); the path written, or null when cancelled. */
  'print.exportPdf': channel(
    z.object({ route: z.string().regex(/^\/print\?[\w=&%.+-]*$/, 'a print route such as /print?hall=…'), suggestedName: z.string().min(1).max(FILE_NAME_MAX_CHARS) }).strict(),
    z.object({ path: z.string().nullable() }),
  ),
};
