/**
 * The print route: sheets drawn once as SVG in real millimetres, so what Chromium or
 * Electron prints to PDF is to scale. The controls disappear in print.
 */
import { useEffect, useMemo, useState } from 'react';
import { PAPER_NAMES, scaleLabelWithRatio, scalesFor } from '../../../shared/print/paper';
import { readPrintRequest } from '../../../shared/print/route';
import { planPrint, printSubject, PrintError, type PrintPlan } from '../../../shared/print/sheets';
import { useFleet } from '../state/store';
import { api } from '../api/client';
import { SheetSvg } from './SheetSvg';
import { suggestedFileName } from '../../../shared/io/file-names';
import { useCommands } from '../commands/commands';

/** Escape (Clear Selection) leaves the preview for the planner, as the Back link does. */
function useEscapeToPlanner(): void {
  useCommands({ clearSelection: () => (window.location.hash = '#/') });
}

function usePageSize(plan: PrintPlan | null): void {
  useEffect(() => {
    if (!plan) return;
    // A constructed sheet, because the CSP allows no inline <style>.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`@page { size: ${plan.widthMm}mm ${plan.heightMm}mm; margin: 0; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [plan]);
}

const subjectOf = (plan: PrintPlan | null): string | undefined => (plan ? printSubject(plan) : undefined);

/**
 * The page's title is the PDF's (its Title in Chromium's and Electron's metadata): what the
 * sheets show and the document they come from, without the planner's unsaved marker.
 */
function usePrintTitle(plan: PrintPlan | null): void {
  const documentTitle = useFleet((s) => s.document?.title);
  const subject = subjectOf(plan);
  useEffect(() => {
    if (subject && documentTitle) document.title = `${subject} — ${documentTitle}`;
  }, [subject, documentTitle]);
}

/** Electron asks where to write; the browser build writes into its documents folder. Either way the path comes back. */
async function exportPdf(params: URLSearchParams, plan: PrintPlan | null): Promise<void> {
  const name = suggestedFileName(subjectOf(plan) ?? 'site plan', '.pdf');
  try {
    const { path } = await api.invoke('print.exportPdf', { route: `/print?${params.toString()}`, suggestedName: name });
    if (path) useFleet.getState().say('info', `PDF written to ${path}`);
  } catch (error) {
    useFleet.getState().say('error', `The PDF was not written: ${(error as Error).message}`);
  }
}

export function PrintView({ params }: { params: URLSearchParams }) {
  // On screen only: paper keeps its size in print and PDF.
  const [fitWidth, setFitWidth] = useState(true);
  const [writing, setWriting] = useState(false);
  // The planner's message line is not on this route: what Export PDF says shows in the controls.
  const message = useFleet((s) => s.message);
  const doc = useFleet((s) => s.document?.doc);
  const units = doc?.fleet.unitSystem ?? 'metric';
  const request = readPrintRequest(params, units);
  // A scale typed into the route that the list lacks is still shown as chosen.
  const scales = [...new Set([...scalesFor(units), ...(request.scale === 'fit' ? [] : [request.scale])])].sort((a, b) => a - b);
  const key = params.toString();
  const result = useMemo((): { plan: PrintPlan } | { error: string } | null => {
    if (!doc) return null;
    try {
      return { plan: planPrint(doc, request) };
    } catch (error) {
      if (error instanceof PrintError) return { error: error.message };
      throw error;
    }
  }, [doc, key]);
  const plan = result && 'plan' in result ? result.plan : null;
  usePageSize(plan);
  usePrintTitle(plan);
  useEscapeToPlanner();
  // What was said before this preview (a catalog import, a PDF of another hall or paper) is not about these sheets.
  useEffect(() => useFleet.getState().dismissMessage(), [key]);

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    window.location.hash = `#/print?${next.toString()}`;
  };

  return (
    <div className="print-view" data-testid="print-view">
      <div className="print-controls" role="toolbar" aria-label="Print settings">
        <a href="#/" title="Back to the planner (Escape)">← Back to the planner</a>
        <label>
          Paper
          <select value={request.paper} onChange={(e) => set('paper', e.target.value)} data-testid="print-paper">
            {PAPER_NAMES.map((p) => (
              <option key={p} value={p}>{p === 'Tabloid' ? 'Tabloid (ANSI B)' : p}</option>
            ))}
          </select>
        </label>
        <label>
          Orientation
          <select value={request.orientation} onChange={(e) => set('orientation', e.target.value)}>
            <option value="landscape">Landscape</option>
            <option value="portrait">Portrait</option>
          </select>
        </label>
        <label>
          Scale
          <select value={String(request.scale)} onChange={(e) => set('scale', e.target.value)} data-testid="print-scale">
            <option value="fit">Fit to page</option>
            {scales.map((s) => (
              <option key={s} value={s}>{scaleLabelWithRatio(s, units)}</option>
            ))}
          </select>
        </label>
        <label>
          Preview
          <select value={fitWidth ? 'fit' : 'actual'} onChange={(e) => setFitWidth(e.target.value === 'fit')} data-testid="print-zoom">
            <option value="fit">Fit width</option>
            <option value="actual">Actual size</option>
          </select>
        </label>
        <button onClick={() => window.print()} data-testid="print-button">Print…</button>
        <button disabled={writing} onClick={() => { setWriting(true); void exportPdf(params, plan).finally(() => setWriting(false)); }} data-testid="export-pdf" title={api.isElectron() ? 'Write a PDF file' : 'Write a PDF file into the documents folder'}>Export PDF…</button>
        {writing && <span data-testid="print-message">Writing the PDF…</span>}
        {!writing && message && <span className={message.kind === 'error' ? 'print-note error' : 'print-note'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="print-message">{message.text}</span>}
        {plan?.sheets[0]?.drawing?.note && <span className="print-note warning">{plan.sheets[0].drawing.note}</span>}
      </div>
      {result && 'error' in result && <p className="error">{result.error}</p>}
      {plan && (
        <div className={fitWidth ? 'sheets fit-width' : 'sheets'} data-sheets={plan.sheets.length}>
          {plan.sheets.map((sheet) => (
            <SheetSvg key={sheet.number} plan={plan} sheet={sheet} />
          ))}
        </div>
      )}
    </div>
  );
}
