/**
 * The ipc contract: every channel between renderer and backend with its request and
 * response schema. Both transports (Electron ipc and the loopback WebSocket) validate
 * every payload against these schemas; the backend's handler map implements them.
 * Each domain keeps its channels in channels/<domain>.ts.
 */
import type { z } from 'zod';
import { appChannels, appEvents } from './channels/app';
import { documentChannels, documentEvents } from './channels/document';
import { filesChannels } from './channels/files';
import { printChannels } from './channels/print';
import { optimizerChannels, optimizerEvents } from './channels/optimizer';

export const channels = {
  ...appChannels,
  ...documentChannels,
  ...filesChannels,
  ...optimizerChannels,
  ...printChannels,
};

export const events = {
  ...appEvents,
  ...documentEvents,
  ...optimizerEvents,
};

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type Request<C extends ChannelName> = z.input<Channels[C]['request']>;
export type Response<C extends ChannelName> = z.output<Channels[C]['response']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;
