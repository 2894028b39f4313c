import { useEffect, useState, useSyncExternalStore } from 'react';
import { HallView, HeadroomPanel, Palette, ProblemsPanel, SiteView } from './layout';
import { ROUTES, parseHash } from './routes';
import { OptimizerPanel } from './optimizer/OptimizerPanel';
import { ReportsView } from './reports/ReportsView';
import { FleetTree } from './shell/FleetTree';
import { InspectorPane } from './shell/Inspector';
import { CatalogView } from './catalog/CatalogView';
import { StatusBar } from './shell/StatusBar';
import { Toolbar } from './shell/Toolbar';
import { AboutBox, ShortcutSheet } from './shell/HelpDialogs';
import { useCommandDispatch, useCommands } from './commands/commands';
import { useFleet } from './state/store';
import { usePanels } from './shell/panels';
import { CommandButton } from './commands/CommandButton';

function useHash(): string {
  return useSyncExternalStore(
    (notify) => {
      window.addEventListener('hashchange', notify);
      return () => window.removeEventListener('hashchange', notify);
    },
    () => window.location.hash,
  );
}

export function App() {
  const status = useFleet((s) => s.status);
  const openedRevision = useFleet((s) => s.document?.openedRevision);
  const load = useFleet((s) => s.load);
  const theme = useFleet((s) => s.theme);
  const message = useFleet((s) => s.message);
  const dismiss = useFleet((s) => s.dismissMessage);
  const hallId = useFleet((s) => s.selectedHallId);
  const siteId = useFleet((s) => s.selectedSiteId);
  const title = useFleet((s) => s.document && `${s.document.title}${s.document.dirty ? ' •' : ''} — Fleet Planner`);
  const { path, params } = parseHash(useHash());
  const [view, setView] = useState<'layout' | 'optimizer' | 'reports' | 'catalog'>('layout');
  const [help, setHelp] = useState<null | 'shortcuts' | 'about'>(null);
  const toggleTheme = useFleet((s) => s.toggleTheme);
  const { leftOpen, rightOpen, toggleLeft, toggleRight } = usePanels();
  const hasSites = useFleet((s) => (s.document?.doc.sites.length ?? 0) > 0);
  useCommandDispatch();
  useCommands({
    viewLayout: () => setView('layout'),
    viewOptimizer: () => setView('optimizer'),
    runOptimizer: () => setView('optimizer'),
    shortcuts: () => setHelp('shortcuts'),
    about: () => setHelp('about'),
    toggleTheme,
    toggleLeftPanel: toggleLeft,
    toggleRightPanel: toggleRight,
  });
  // The catalog has its own list and editor: the palette and the plan's inspector only take its room.
  const catalog = view === 'catalog';

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  // A routed page (the print preview) names itself: its title becomes the PDF's.
  const routed = path in ROUTES;
  useEffect(() => {
    if (title && !routed) document.title = title;
  }, [title, routed]);
  // Closing the tab or window with unsaved changes asks first (Electron asks natively too).
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (useFleet.getState().document?.dirty) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const Routed = ROUTES[path];
  if (Routed) return status === 'ready' ? <Routed params={params} /> : <p className="loading">Loading…</p>;

  return (
    <div className="app">
      <Toolbar />
      <main className={`workspace${leftOpen ? '' : ' no-left'}${rightOpen && !catalog ? '' : ' no-right'}`}>
        {leftOpen && (
          <aside className="left-panel" data-testid="left-panel">
            <FleetTree />
            {!catalog && <Palette />}
          </aside>
        )}
        <section className="centre">
          <div className="view-tabs centre-tabs" role="tablist" aria-label="View">
            <CommandButton name="toggleLeftPanel" testId="toggle-left-panel">{leftOpen ? '⟨' : '⟩'}</CommandButton>
            <button role="tab" aria-pressed={view === 'layout'} onClick={() => setView('layout')} data-testid="view-layout">Layout</button>
            <button role="tab" aria-pressed={view === 'optimizer'} onClick={() => setView('optimizer')} data-testid="view-optimizer">Optimizer</button>
            <button role="tab" aria-pressed={view === 'reports'} onClick={() => setView('reports')} data-testid="view-reports">Reports</button>
            <button role="tab" aria-pressed={view === 'catalog'} onClick={() => setView('catalog')} data-testid="view-catalog">Catalog</button>
          </div>
          {!catalog && (
            <div className="centre-tabs right-toggle">
              <CommandButton name="toggleRightPanel" testId="toggle-right-panel">{rightOpen ? '⟩' : '⟨'}</CommandButton>
            </div>
          )}
          {/* Mounted while hidden, so the objective and time limit typed, and the Plan menu's run, stop and cancel, hold across tabs; a new document starts it afresh. */}
          {status === 'ready' && (
            <div hidden={view !== 'optimizer'}>
              <OptimizerPanel key={openedRevision} />
            </div>
          )}
          {view === 'reports' && status === 'ready' && <ReportsView />}
          {/* Keyed by the opening: another document starts without this one's import errors or selection. */}
          {view === 'catalog' && status === 'ready' && <CatalogView key={openedRevision} />}
          {view === 'layout' && status === 'loading' && <p className="loading">Opening the fleet…</p>}
          {view === 'layout' && status === 'failed' && <p className="error">The fleet could not be loaded.</p>}
          {view === 'layout' && status === 'ready' && (hallId ? <HallView hallId={hallId} /> : siteId ? <SiteView siteId={siteId} /> : <p className="hint">{hasSites ? 'Select a site or a hall in the fleet tree.' : 'Add a site to start: + Add site under the fleet tree.'}</p>)}
          {/* Over the foot of the centre, not a row above the workspace: the panels keep their height and the plan does not jump under the pointer when one comes or goes. */}
          {message && (
            <div className={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="message">
              <span>{message.text}</span>
              <button onClick={dismiss} aria-label="Dismiss">×</button>
            </div>
          )}
        </section>
        {rightOpen && !catalog && (
          <aside className="right-panel" data-testid="right-panel">
            <InspectorPane />
            <HeadroomPanel />
            <ProblemsPanel />
          </aside>
        )}
      </main>
      <StatusBar />
      {help === 'shortcuts' && <ShortcutSheet onClose={() => setHelp(null)} />}
      {help === 'about' && <AboutBox onClose={() => setHelp(null)} />}
    </div>
  );
}
