import { useMemo, useState, type ChangeEvent } from 'react';
import { useFleet } from '../state/store';
import { mergeCatalog, modelUses, userModelFrom } from '../../../shared/catalog/edit';
import { CatalogCsvError, catalogFromCsv, catalogToCsv, MAX_CATALOG_CSV_BYTES } from '../../../shared/io/catalog-csv';
import { countOf, formatQuantity } from '../../../shared/units';
import { download } from '../shell/download';
import { ModelEditor } from './ModelEditor';
import { modelHeadline } from '../shell/model-headline';
import { EQUIPMENT_KIND_LABEL } from '../../../shared/model/schema';

/**
 * The fleet's equipment catalog: every model with its figures and where they come from.
 * Users copy an entry to make their own, edit it, delete what nothing uses, and move the
 * catalog in and out as CSV (a spreadsheet is where vendors' quotes arrive).
 */
export function CatalogView() {
  const doc = useFleet((s) => s.document!.doc);
  const apply = useFleet((s) => s.apply);
  const say = useFleet((s) => s.say);
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [importErrors, setImportErrors] = useState<string[] | null>(null);
  const units = doc.fleet.unitSystem;
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return doc.models.filter((m) => !q || `${m.name} ${m.vendor} ${m.kind} ${EQUIPMENT_KIND_LABEL[m.kind]} ${m.id}`.toLowerCase().includes(q));
  }, [doc.models, query]);
  const selected = doc.models.find((m) => m.id === selectedId) ?? null;
  const uses = selected ? modelUses(doc, selected.id) : null;
  const inUse = uses ? uses.placements + uses.options > 0 : false;

  const copy = async () => {
    if (!selected) return;
    const own = userModelFrom(doc, selected);
    if (await apply({ type: 'insert', entities: { table: 'models', items: [own] } }, `copy ${selected.name}`)) setSelectedId(own.id);
  };
  const remove = async () => {
    if (!selected || inUse) return;
    if (await apply({ type: 'remove', table: 'models', ids: [selected.id] }, `delete ${selected.name}`)) setSelectedId(null);
  };
  const importCsv = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    // Judged before it is read: a file of any size would be held whole as text first.
    if (file.size > MAX_CATALOG_CSV_BYTES) return setImportErrors([`${file.name} is ${Math.ceil(file.size / 2 ** 20)} MB, over the ${MAX_CATALOG_CSV_BYTES / 2 ** 20} MB a catalog CSV may have`]);
    try {
      const merge = mergeCatalog(doc, catalogFromCsv(await file.text(), file.name), file.name);
      setImportErrors(null);
      if (merge.command) await apply(merge.command, `import ${file.name}`);
      say('info', `${file.name}: ${countOf(merge.added, 'model')} added, ${merge.updated} updated, ${merge.unchanged} unchanged`);
    } catch (error) {
      if (!(error instanceof CatalogCsvError)) throw error;
      // Nothing of a file with errors goes in: the user fixes the listed cells and imports again.
      setImportErrors(error.errors);
    }
  };

  return (
    <div className="catalog-view" data-testid="catalog-view">
      <div className="catalog-list">
        <div className="catalog-actions" role="toolbar" aria-label="Catalog">
          <input type="search" placeholder="Search the catalog" aria-label="Search the catalog" value={query} onChange={(e) => setQuery(e.target.value)} />
          <button onClick={() => void copy()} disabled={!selected} data-testid="catalog-copy">Copy as my own</button>
          <button
            onClick={() => void remove()}
            disabled={!selected || inUse}
            title={inUse && uses ? `In use: ${uses.placements} placed, ${countOf(uses.options, 'retrofit option')}` : undefined}
            data-testid="catalog-delete"
          >
            Delete
          </button>
          <label className="button-like">
            Import CSV…
            <input type="file" accept=".csv,text/csv" onChange={(e) => void importCsv(e)} hidden data-testid="catalog-import" />
          </label>
          <button onClick={() => download(new Blob([catalogToCsv(doc.models)], { type: 'text/csv' }), doc.fleet.name, ' catalog.csv')} data-testid="catalog-export">
            Export CSV
          </button>
        </div>
        {importErrors && (
          <div className="catalog-import-errors" role="alert" data-testid="catalog-import-errors">
            <p>Nothing was imported. Fix these cells and import again:</p>
            <ul>{importErrors.map((line) => <li key={line}>{line}</li>)}</ul>
            <button onClick={() => setImportErrors(null)}>Dismiss</button>
          </div>
        )}
        <table className="catalog-table">
          <thead>
            <tr><th>Model</th><th>Kind</th><th>Power or rating</th><th>Footprint</th><th>Weight</th><th>Source</th></tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <tr key={m.id} className={m.id === selectedId ? 'selected' : undefined} onClick={() => setSelectedId(m.id)} data-testid={`catalog-row-${m.id}`}>
                <td><button className="link" onClick={() => setSelectedId(m.id)}>{m.name}</button></td>
                <td>{EQUIPMENT_KIND_LABEL[m.kind]}</td>
                <td className="num">{modelHeadline(m, units)}</td>
                <td className="num">{formatQuantity(m.widthM, 'length', units, 2)} × {formatQuantity(m.depthM, 'length', units, 2)}</td>
                <td className="num">{formatQuantity(m.weightKg, 'mass', units, 0)}</td>
                <td>{m.builtIn ? 'built-in' : 'this fleet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {selected ? <ModelEditor key={selected.id} model={selected} /> : <p className="hint">Pick a model to see and edit its figures.</p>}
    </div>
  );
}
