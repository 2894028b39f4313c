/**
 * Messages of the loopback WebSocket transport. The payloads inside are checked
 * against the contract by the backend; this only frames them.
 */
import { z } from 'zod';

export const WireRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  payload: z.unknown(),
});

export const WireErrorSchema = z.object({ channel: z.string(), message: z.string(), code: z.string() });

export const WireServerMessageSchema = z.union([
  z.object({ id: z.number(), ok: z.literal(true), result: z.unknown() }),
  z.object({ id: z.number(), ok: z.literal(false), error: WireErrorSchema }),
  z.object({ event: z.string(), payload: z.unknown() }),
]);

export type WireRequest = z.infer<typeof WireRequestSchema>;
export type WireError = z.infer<typeof WireErrorSchema>;
export type WireServerMessage = z.infer<typeof WireServerMessageSchema>;

/** Path of the WebSocket endpoint; the token rides in the query string. */
export const WIRE_PATH = '/ipc';
