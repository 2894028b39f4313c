/** Handlers for the document channels, over the document service and the host's file dialogs. */
import path from 'node:path';
import type { documentChannels } from '../../../shared/ipc/channels/document';
import type { z } from 'zod';
import type { Channels, Response } from '../../../shared/ipc/contract';
import { fileNameProblem, suggestedFileName } from '../../../shared/io/file-names';
import { listSamples } from '../../../shared/samples';
import { toWireDoc } from '../../../shared/ipc/placement-columns';
import { DocumentError, saveTargetFor, type DocumentService, type DocumentSnapshot } from '../document/service';
import type { HostPorts } from '../host';

/** What the document handlers need from the backend's context. */
export interface DocumentContext {
  document: DocumentService;
  host: Pick<HostPorts, 'chooseOpenPath' | 'chooseSavePath' | 'permitDocumentPath'>;
}

type DocumentChannel = keyof typeof documentChannels;
/** Handlers receive the request as the contract parsed it. */
type Handler<C extends DocumentChannel> = (req: z.output<Channels[C]['request']>, ctx: DocumentContext) => Promise<Response<C>>;

type WireSnapshot = Response<'document.current'>;

/** A snapshot as the renderer is sent it: the placements as columns. */
function toWire(snapshot: DocumentSnapshot): WireSnapshot {
  return { ...snapshot, doc: toWireDoc(snapshot.doc) };
}

/**
 * The file Save As writes for `file`, refused up front when its name is one no file should
 * have. Only a new name is judged: Save keeps the name the file already has.
 */
function saveAsTarget(file: string): string {
  const target = saveTargetFor(file);
  const name = path.basename(target);
  const problem = fileNameProblem(name);
  if (problem) throw new DocumentError(`Cannot save ${JSON.stringify(name)}: the name ${problem}`);
  return target;
}

async function saveAs(requested: string | undefined, ctx: DocumentContext): Promise<Response<'document.saveAs'>> {
  if (requested !== undefined) return ctx.document.saveAs(await ctx.host.permitDocumentPath(saveAsTarget(requested), 'save'));
  const info = ctx.document.info();
  const chosen = await ctx.host.chooseSavePath(info.path ? path.basename(info.path) : suggestedFileName(info.title, '.fleet'));
  if (chosen === null) return { cancelled: true };
  return ctx.document.saveAs(saveAsTarget(chosen));
}

export const documentHandlers: { [C in DocumentChannel]: Handler<C> } = {
  'document.current': async (_req, ctx) => toWire(ctx.document.snapshot()),
  'document.apply': async (req, ctx) => ctx.document.apply(req.command, req.baseRevision),
  'document.new': async (req, ctx) => toWire(ctx.document.newDocument(req.sample)),
  'document.samples': async () => ({ samples: listSamples() }),
  'document.open': async (req, ctx) => {
    if (req.path !== undefined) return toWire(ctx.document.openFile(await ctx.host.permitDocumentPath(req.path, 'open')));
    const chosen = await ctx.host.chooseOpenPath();
    if (chosen === null) return { cancelled: true };
    return toWire(ctx.document.openFile(chosen));
  },
  'document.save': async (_req, ctx) => (ctx.document.info().path ? ctx.document.save() : saveAs(undefined, ctx)),
  'document.saveAs': async (req, ctx) => saveAs(req.path, ctx),
  'document.recent': async (_req, ctx) => ({ paths: ctx.document.recent() }),
  'document.recoveries': async (_req, ctx) => ({ items: ctx.document.recoveries() }),
  'document.recover': async (req, ctx) => toWire(ctx.document.recover(req.id)),
  'document.discardRecovery': async (req, ctx) => {
    ctx.document.discardRecovery(req.id);
    return {};
  },
};
