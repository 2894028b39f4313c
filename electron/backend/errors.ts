import type { z } from 'zod';

/**
 * An error that crosses the ipc boundary: the channel it happened on, a message for
 * the user, and a code so the renderer can tell bad payloads from failed work.
 */
export class IpcError extends Error {
  constructor(
    readonly channel: string,
    message: string,
    readonly code: 'bad-request' | 'bad-response' | 'unknown-channel' | 'failed',
  ) {
    // Work that failed says so in the user's words; a malformed call names its channel for whoever wrote it.
    super(code === 'failed' ? message : `${channel}: ${message}`);
    this.name = 'IpcError';
  }

  toJSON(): { channel: string; message: string; code: string } {
    return { channel: this.channel, message: this.message, code: this.code };
  }
}

/** "command.moves.0.xM: expected number, received string" for the first problem zod found. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(payload)'}: ${issue.message}`)
    .join('; ');
}
