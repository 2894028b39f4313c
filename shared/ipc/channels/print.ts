import { z } from 'zod';
import { channel } from '../define';

export const printChannels = {
  /**
   * Renders the print route to a PDF file; the path written, or null when cancelled. The
   * handler judges the suggested name by the rule every file name is held to (fileNameProblem);
   * the channel only caps what it will read of it.
   */
  'print.exportPdf': channel(
    z.object({ route: z.string().regex(/^\/print\?[\w=&%.+-]*$/, 'a print route such as /print?hall=…'), suggestedName: z.string().min(1).max(1000) }).strict(),
    z.object({ path: z.string().nullable() }),
  ),
};
