import { niceLengthStepM } from '../layout/viewport';
import { formatDrawingLength, paperMm } from '../../../shared/units';
import { CELL_PAD_MM, keyTitleBaseline, legendRowBaseline, ROW_H_MM, SIDE_COLUMN_W_MM, summaryRowBaseline, TABLE_EM_PER_CHAR, TABLE_FONT_MM, TABLE_HEAD_MM, type Drawing, type KeyLayout, type PrintPlan, type Sheet, type TableSlice } from '../../../shared/print/sheets';
import type { TextMm } from '../../../shared/print/labels';
import { CONTINUED, TABLE_TITLE_MM } from '../../../shared/print/paginate';
import { fitLabel, splitInTwo } from '../../../shared/print/fit-label';
import { swatchColours } from './swatches';
import { SingleLineSvg } from './SingleLineSvg';
import { smallest } from '../../../shared/arrays';

type Fill = ReturnType<typeof sheetFills>;

/** The fill of every legend entry and drawn item on a sheet: its legend entry's swatch. */
function sheetFills(sheet: Sheet): (it: { legendKey: string } | { key: string }) => string {
  const drawn = sheet.drawing ? [...sheet.drawing.items, ...sheet.drawing.infrastructure].map((it) => ({ key: it.legendKey, kind: it.kind })) : [];
  const keyed = sheet.legend.flatMap((l) => (l.kind ? [{ key: l.key, kind: l.kind }] : []));
  const fills = swatchColours([...keyed, ...drawn]);
  return (it) => fills.get('legendKey' in it ? it.legendKey : it.key) ?? '#999';
}

/** One sheet, 1 SVG unit = 1 mm on paper. */
export function SheetSvg({ plan, sheet }: { plan: PrintPlan; sheet: Sheet }) {
  const { widthMm: W, heightMm: H, marginMm: M } = plan;
  const fillOf = sheetFills(sheet);
  return (
    <svg
      className="sheet"
      data-testid={`sheet-${sheet.number}`}
      width={`${W}mm`}
      height={`${H}mm`}
      viewBox={`0 0 ${W} ${H}`}
      xmlns="http://www.w3.org/2000/svg"
      fontFamily="DejaVu Sans, Arial, sans-serif"
    >
      <rect x={0} y={0} width={W} height={H} fill="#fff" />
      <rect x={M / 2} y={M / 2} width={W - M} height={H - M} fill="none" stroke="#000" strokeWidth={0.5} />
      {sheet.drawing && <DrawingSvg d={sheet.drawing} units={plan.unitSystem} fillOf={fillOf} />}
      {sheet.key && <Key sheet={sheet} at={sheet.key} fillOf={fillOf} />}
      {sheet.singleLine && <SingleLineSvg d={sheet.singleLine} />}
      {sheet.tables.map((t, i) => (
        <TableSvg key={i} t={t} />
      ))}
      <TitleBlock plan={plan} sheet={sheet} />
    </svg>
  );
}

/** A text of the layout, centred where the layout put it (its box is what the layout kept clear). */
function PlacedText({ t, fill, testId }: { t: TextMm; fill?: string; testId?: string }) {
  return (
    <text x={t.x} y={t.y} fontSize={t.size} textAnchor="middle" dominantBaseline="central" fill={fill} transform={t.rotate ? `rotate(${t.rotate} ${t.x} ${t.y})` : undefined} data-testid={testId}>
      {t.text}
    </text>
  );
}

function DrawingSvg({ d, units, fillOf }: { d: Drawing; units: 'metric' | 'us'; fillOf: Fill }) {
  const mm = (m: number) => paperMm(m, d.denominator);
  const { x: x0, y: y0 } = d.origin;
  // Scale bar in 5 parts: niceLengthStepM gives the smallest 1-2-5 step (in the user's length
  // unit) at least as long as asked, at most 2.5 times that, so asking for 1/2.5 of the room keeps it inside.
  const stepM = niceLengthStepM(1000 / d.denominator, d.scaleBar.maxWidthMm / 2.5, units);
  const barMm = mm(stepM);
  const { x: barX, y: barY } = d.scaleBar;
  return (
    <g data-testid="drawing">
      {d.header.map((l, i) => (
        <text key={i} x={l.x} y={l.y} fontSize={l.size} fontWeight={l.bold ? 'bold' : 'normal'}>{l.text}</text>
      ))}
      <rect x={x0} y={y0} width={mm(d.widthM)} height={mm(d.depthM)} fill="#fafafa" stroke="#000" strokeWidth={0.5} data-testid="drawing-outline" />
      {d.grid && (
        <g data-testid="grid">
          {d.grid.lines.map(([x1, y1, x2, y2], i) => <line key={i} x1={x1} y1={y1} x2={x2} y2={y2} stroke="#9aa" strokeWidth={0.12} strokeDasharray="1.5 0.8" />)}
          {d.grid.refs.map((t, i) => <PlacedText key={`r${i}`} t={t} fill="#345" />)}
        </g>
      )}
      {d.zones.map(({ zone: z, name }) => (
        <g key={z.id}>
          <rect x={x0 + mm(z.xM)} y={y0 + mm(z.yM)} width={mm(z.widthM)} height={mm(z.depthM)} fill="none" stroke="#0d6efd" strokeWidth={0.25} strokeDasharray="2 1" />
          <PlacedText t={name} fill="#0d6efd" />
        </g>
      ))}
      {d.items.map((it) => (
        <rect key={it.id} x={x0 + mm(it.xM)} y={y0 + mm(it.yM)} width={mm(it.widthM)} height={mm(it.depthM)} fill={fillOf(it)} stroke="#000" strokeWidth={0.12} data-legend-key={it.legendKey} />
      ))}
      <g data-testid="site-infrastructure">
        {d.infrastructure.map((it) => (
          <rect key={it.id} x={x0 + mm(it.xM)} y={y0 + mm(it.yM)} width={Math.max(0.6, mm(it.widthM))} height={Math.max(0.6, mm(it.depthM))} fill={fillOf(it)} stroke="#000" strokeWidth={0.1} data-legend-key={it.legendKey} />
        ))}
      </g>
      <g data-testid="labels">
        {d.labels.map((t, i) => <PlacedText key={i} t={t} />)}
      </g>
      <g data-testid="dimensions" stroke="#000" strokeWidth={0.18}>
        {d.dimensions.map((dim, i) => (
          <g key={i}>
            <line x1={dim.line[0]} y1={dim.line[1]} x2={dim.line[2]} y2={dim.line[3]} />
            {dim.witness.map(([x1, y1, x2, y2], j) => <line key={j} x1={x1} y1={y1} x2={x2} y2={y2} />)}
            {/* Architectural ticks: a short 45° stroke where the line meets each witness line. */}
            {[[dim.line[0], dim.line[1]], [dim.line[2], dim.line[3]]].map(([x, y], j) => <line key={`t${j}`} x1={x! - 1} y1={y! + 1} x2={x! + 1} y2={y! - 1} strokeWidth={0.35} />)}
            <g stroke="none"><PlacedText t={dim.text} /></g>
          </g>
        ))}
      </g>
      <NorthArrow x={d.northArrow.x} y={d.northArrow.y} />
      <g data-testid="scale-bar">
        {[0, 1, 2, 3, 4].map((i) => (
          <rect key={i} x={barX + (i * barMm) / 5} y={barY} width={barMm / 5} height={1.6} fill={i % 2 ? '#fff' : '#000'} stroke="#000" strokeWidth={0.2} />
        ))}
        <text x={barX} y={barY + 5} fontSize={2.6}>0</text>
        <text x={barX + barMm} y={barY + 5} fontSize={2.6}>{formatDrawingLength(stepM, units)}</text>
      </g>
    </g>
  );
}

function NorthArrow({ x, y }: { x: number; y: number }) {
  return (
    <g aria-label="North">
      <path d={`M ${x} ${y} L ${x + 3} ${y + 9} L ${x} ${y + 7} L ${x - 3} ${y + 9} Z`} fill="#000" />
      <text x={x} y={y + 13} fontSize={3.2} textAnchor="middle" fontWeight="bold">N</text>
    </g>
  );
}

/** The legend and the summary where the layout put them (a column beside the drawing, or a band below it). */
function Key({ sheet, at, fillOf }: { sheet: Sheet; at: KeyLayout; fillOf: Fill }) {
  const { legend, summary } = at;
  return (
    <g data-testid="legend">
      <text x={legend.x} y={keyTitleBaseline(legend.y)} fontSize={3.4} fontWeight="bold">Legend</text>
      {sheet.legend.map((l, i) => {
        const y = legendRowBaseline(legend.y, i);
        return (
          <g key={l.key}>
            {l.kind && <rect x={legend.x} y={y - 3} width={4} height={3} fill={fillOf(l)} stroke="#000" strokeWidth={0.15} data-legend-key={l.key} />}
            <LegendLabel x={legend.x + 6} y={y - 0.6} text={l.label} width={SIDE_COLUMN_W_MM - 6 - countWidth(l.count)} />
            <text x={legend.x + SIDE_COLUMN_W_MM} y={y - 0.6} fontSize={2.6} textAnchor="end">{l.count}</text>
          </g>
        );
      })}
      <text x={summary.x} y={keyTitleBaseline(summary.y)} fontSize={3.4} fontWeight="bold">Summary</text>
      {sheet.summary.map(([k, v], i) => {
        const y = summaryRowBaseline(summary.y, i);
        return (
          <g key={k}>
            <text x={summary.x} y={y} fontSize={2.6}>{k}</text>
            <text x={summary.x + SIDE_COLUMN_W_MM} y={y} fontSize={2.6} textAnchor="end">{v}</text>
          </g>
        );
      })}
    </g>
  );
}

function TableSvg({ t }: { t: TableSlice }) {
  const x = t.xMm;
  let cx = x;
  const columns = t.columns.map((c) => {
    const left = cx;
    cx += c.widthMm;
    return { ...c, left };
  });
  const width = cx - x;
  return (
    <g data-testid={`table-${t.title}`}>
      <text x={x} y={t.yMm + 4} fontSize={TABLE_TITLE_MM} fontWeight="bold">{t.title}{t.continued ? CONTINUED : ''}</text>
      {columns.map((c) => (
        <text key={c.label} x={c.align === 'right' ? c.left + c.widthMm - CELL_PAD_MM : c.left + CELL_PAD_MM} y={t.yMm + 9} fontSize={2.6} fontWeight="bold" textAnchor={c.align === 'right' ? 'end' : 'start'}>{c.label}</text>
      ))}
      <line x1={x} x2={x + width} y1={t.yMm + 10.2} y2={t.yMm + 10.2} stroke="#000" strokeWidth={0.3} />
      {t.rows.map((row, r) => {
        const y = t.yMm + TABLE_HEAD_MM + (r + 1) * ROW_H_MM - 1.2;
        const bold = t.totals && r === t.rows.length - 1;
        return (
          <g key={r}>
            {bold && <line x1={x} x2={x + width} y1={y - ROW_H_MM + 1.4} y2={y - ROW_H_MM + 1.4} stroke="#000" strokeWidth={0.2} />}
            {row.map((cell, i) => {
              const c = columns[i]!;
              return (
                <text key={i} x={c.align === 'right' ? c.left + c.widthMm - CELL_PAD_MM : c.left + CELL_PAD_MM} y={y} fontSize={2.6} fontWeight={bold ? 'bold' : 'normal'} textAnchor={c.align === 'right' ? 'end' : 'start'}>
                  {cell}
                </text>
              );
            })}
          </g>
        );
      })}
    </g>
  );
}

/**
 * The title block's columns grow with the longer of the two values each holds (as the
 * square root of its 8 to 40 characters, so a date, which cannot wrap, keeps a readable
 * size): a long fleet name gets the room a one-letter revision does not need. Equal
 * columns cut the campus's fleet name on A4.
 */
const titleColumnWeights = (all: [string, string][], perRow: number): number[] => {
  const valueLength = (field: [string, string] | undefined): number => field?.[1].length ?? 0;
  return Array.from({ length: perRow }, (_, col) => Math.sqrt(Math.min(40, Math.max(8, valueLength(all[col]), valueLength(all[col + perRow])))));
};

function TitleBlock({ plan, sheet }: { plan: PrintPlan; sheet: Sheet }) {
  const { box, fields } = plan.titleBlock;
  const all: [string, string][] = [...fields, ['Sheet', `${sheet.number} of ${plan.sheets.length}`]];
  const perRow = Math.ceil(all.length / 2);
  const weights = titleColumnWeights(all, perRow);
  const unit = box.w / weights.reduce((t, w) => t + w, 0);
  const left = weights.map((_, i) => box.x + weights.slice(0, i).reduce((t, w) => t + w, 0) * unit);
  return (
    <g data-testid="title-block">
      <rect x={box.x} y={box.y} width={box.w} height={box.h} fill="none" stroke="#000" strokeWidth={0.5} />
      <line x1={box.x} x2={box.x + box.w} y1={box.y + box.h / 2} y2={box.y + box.h / 2} stroke="#000" strokeWidth={0.25} />
      {all.map(([k, v], i) => {
        const col = i % perRow;
        const row = Math.floor(i / perRow);
        const x = left[col]!;
        const cellW = weights[col]! * unit;
        const y = box.y + row * (box.h / 2);
        return (
          <g key={k}>
            {col > 0 && <line x1={x} x2={x} y1={y} y2={y + box.h / 2} stroke="#000" strokeWidth={0.2} />}
            <text x={x + 1.5} y={y + 4} fontSize={2.2} fill="#555">{k}</text>
            <TitleValue x={x + 1.5} y={y} width={cellW - 3} text={v || '—'} />
          </g>
        );
      })}
    </g>
  );
}

const BOLD_EM_PER_CHAR = 0.62;
/** Below this (mm, about 6 pt) a printed title field is hard to read: it takes two lines instead. */
const TITLE_MIN_MM = 2.2;

/** A title block value, on one line if it fits at a readable size, else on two; never cut when two lines hold it. */
function TitleValue({ x, y, width, text }: { x: number; y: number; width: number; text: string }) {
  const one = fitLabel(text, width, 3, TITLE_MIN_MM, BOLD_EM_PER_CHAR);
  if (one.text === text) return <text x={x} y={y + 9.5} fontSize={one.size} fontWeight="bold">{text}</text>;
  const lines = splitInTwo(text).map((line) => fitLabel(line, width, 3, 1.8, BOLD_EM_PER_CHAR));
  const size = smallest(lines.map((l) => l.size));
  return (
    <text x={x} y={y + 7.3} fontSize={size} fontWeight="bold">
      {lines.map((l, i) => <tspan key={i} x={x} dy={i ? size * 1.15 : 0}>{l.text}</tspan>)}
    </text>
  );
}

/** The legend's count at 2.6 mm, with 2 mm kept clear before it. */
const countWidth = (count: string): number => count.length * TABLE_EM_PER_CHAR * TABLE_FONT_MM + 2;

/** Legend labels shrink a little before they are cut, in the width the count leaves them. */
function LegendLabel({ x, y, text, width }: { x: number; y: number; text: string; width: number }) {
  const label = fitLabel(text, width, 2.6, 2.0, 0.55);
  return <text x={x} y={y} fontSize={label.size}>{label.text}</text>;
}

