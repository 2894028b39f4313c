import type { z } from 'zod';

/** One request/response channel of the ipc contract. */
export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
}

/** One backend → renderer event (progress, document changes). */
export interface EventSpec<Payload extends z.ZodType = z.ZodType> {
  payload: Payload;
}

export const channel = <Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
): ChannelSpec<Req, Res> => ({ request, response });

export const event = <Payload extends z.ZodType>(payload: Payload): EventSpec<Payload> => ({ payload });
