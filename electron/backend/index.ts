/**
 * The backend behind both transports: one handler map implementing the ipc contract,
 * with every request and response checked against the contract's schemas, so a bad
 * payload from either side is a clear error and never reaches a service.
 */
import type { z } from 'zod';
import { channels, events, type ChannelName, type Channels, type EventName, type EventPayload, type Response } from '../../shared/ipc/contract';
import { DocumentService } from './document/service';
import { IpcError, describeZodError } from './errors';
import { handlers as domainHandlers } from './handlers';
import { appHandlers } from './handlers/app';
import type { HostPorts } from './host';
import { OptimizerService } from './optimizer/service';

export interface BackendOptions {
  /** Where working copies, recovery data and recent files live. */
  dataDir: string;
  /** Where documents are opened from and saved to by default. */
  documentsDir: string;
  host: HostPorts;
  transport: 'electron' | 'web';
  /** The built optimizer worker (dist/electron/optimizer-worker.cjs). */
  optimizerWorkerPath: string;
  /** Start the worker (and its warm-up solve) at once; false for a short job that never optimizes, such as printing. Default true. */
  warmOptimizer?: boolean;
}

export type EventListener = (name: EventName, payload: unknown) => void;

export interface Backend {
  /** `signal` aborts when whoever asked stops waiting (a browser tab closed): work only it wanted may end. */
  invoke(channel: string, payload: unknown, signal?: AbortSignal): Promise<unknown>;
  onEvent(listener: EventListener): () => void;
  close(): Promise<void>;
}

/** Everything a handler may use; each domain's handlers take the part they need. */
export interface BackendContext {
  document: DocumentService;
  optimizer: OptimizerService;
  host: HostPorts;
  documentsDir: string;
  transport: 'electron' | 'web';
  emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void;
}

/** Implements one channel: the request as the contract parsed it, the answer the contract expects. */
export type Handler<C extends ChannelName> = (req: z.output<Channels[C]['request']>, ctx: BackendContext, signal?: AbortSignal) => Promise<Response<C>>;

/** One handler for every channel of the contract: a channel without one does not compile. */
export const HANDLERS: { [C in ChannelName]: Handler<C> } = { ...appHandlers, ...domainHandlers };

function isChannel(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

/** Parses the request against the channel's schema and runs its handler; its failures become IpcErrors. */
async function run<C extends ChannelName>(channel: C, payload: unknown, ctx: BackendContext, signal?: AbortSignal): Promise<Response<C>> {
  const request = channels[channel].request.safeParse(payload ?? {});
  if (!request.success) throw new IpcError(channel, describeZodError(request.error), 'bad-request');
  const handler: Handler<C> = HANDLERS[channel];
  try {
    // TypeScript widens a generic channel's parse result to every channel's request; this is C's.
    return await handler(request.data as z.output<Channels[C]['request']>, ctx, signal);
  } catch (error) {
    if (error instanceof IpcError) throw error;
    throw new IpcError(channel, error instanceof Error ? error.message : String(error), 'failed');
  }
}

export function createBackend(opts: BackendOptions): Backend {
  const listeners = new Set<EventListener>();
  const emit = <E extends EventName>(name: E, payload: EventPayload<E>): void => {
    const parsed = events[name].payload.safeParse(payload);
    if (!parsed.success) throw new IpcError(name, `event payload ${describeZodError(parsed.error)}`, 'bad-response');
    for (const listener of listeners) listener(name, parsed.data);
  };
  const document = new DocumentService({ dataDir: opts.dataDir, documentsDir: opts.documentsDir, confine: opts.host.confineDocumentPath });
  const unsubscribe = document.onChanged((info) => emit('document.changed', info));
  const unsubscribeNotices = document.onNotice((text) => emit('document.notice', { text }));
  document.start();
  const optimizer = new OptimizerService(opts.optimizerWorkerPath);
  if (opts.warmOptimizer !== false) optimizer.warm();
  const ctx: BackendContext = { document, optimizer, host: opts.host, documentsDir: opts.documentsDir, transport: opts.transport, emit };

  return {
    async invoke(channel, payload, signal) {
      if (typeof channel !== 'string' || !isChannel(channel)) {
        throw new IpcError(String(channel), 'no such channel', 'unknown-channel');
      }
      const spec = channels[channel];
      const result = await run(channel, payload, ctx, signal);
      const response = spec.response.safeParse(result);
      if (!response.success) {
        throw new IpcError(channel, `the backend answered wrongly: ${describeZodError(response.error)}`, 'bad-response');
      }
      return response.data;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      unsubscribe();
      unsubscribeNotices();
      listeners.clear();
      await optimizer.close();
      document.close();
    },
  };
}
