import { useMemo, useState } from 'react';
import { EQUIPMENT_KIND_LABEL, EQUIPMENT_KINDS, type EquipmentKind, type EquipmentModel } from '../../../shared/model/schema';
import { useFleet } from '../state/store';
import { MODEL_DRAG_TYPE } from './palette-drop';
import { KIND_COLORS } from './palette-colors';
import { modelHeadline } from '../shell/model-headline';

const NO_MODELS: EquipmentModel[] = [];

/** Catalog models to drag onto the floor plan. */
export function Palette() {
  const models = useFleet((s) => s.document?.doc.models ?? NO_MODELS);
  const units = useFleet((s) => s.document?.doc.fleet.unitSystem ?? 'metric');
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<EquipmentKind | ''>('');
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return models.filter((m) => (!kind || m.kind === kind) && (!q || `${m.name} ${m.vendor} ${m.kind} ${EQUIPMENT_KIND_LABEL[m.kind]}`.toLowerCase().includes(q)));
  }, [models, query, kind]);
  return (
    <section className="palette" aria-label="Equipment palette">
      <h3>Catalog</h3>
      <input type="search" placeholder="Search models" aria-label="Search models" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="palette-search" />
      <select aria-label="Filter by kind" value={kind} onChange={(e) => setKind(e.target.value as EquipmentKind | '')}>
        <option value="">All kinds</option>
        {EQUIPMENT_KINDS.map((k) => (
          <option key={k} value={k}>{EQUIPMENT_KIND_LABEL[k]}</option>
        ))}
      </select>
      <ul>
        {shown.map((m) => (
          <li
            key={m.id}
            draggable
            data-testid={`palette-${m.id}`}
            title={`${m.name}: ${m.powerKw} kW, ${m.widthM} × ${m.depthM} m, ${m.weightKg} kg\n${m.source}`}
            onDragStart={(e) => {
              e.dataTransfer.setData(MODEL_DRAG_TYPE, m.id);
              e.dataTransfer.effectAllowed = 'copy';
            }}
          >
            <span className="swatch" style={{ background: KIND_COLORS[m.kind] }} aria-hidden="true" />
            <span className="palette-name">{m.name}</span>
            <span className="muted">{modelHeadline(m, units)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
