/**
 * The power chain's one-line diagram as laid out in shared/print/single-line.ts: boxes,
 * wires (B feeds dashed), feed letters, and a key. Over-limit boxes get a heavy border and
 * their text says so, so a black-and-white print shows them.
 */
import { SINGLE_LINE_FONT_MM, type SingleLineDrawing } from '../../../shared/print/single-line';

const B_DASH = '1.6 1';

export function SingleLineSvg({ d }: { d: SingleLineDrawing }) {
  return (
    <g data-testid="single-line-drawing">
      {d.header.map((l, i) => (
        <text key={i} x={l.x} y={l.y} fontSize={l.size} fontWeight={l.bold ? 'bold' : 'normal'}>{l.text}</text>
      ))}
      <SingleLineKey x={d.key.x} y={d.key.y} />
      <g fill="none" stroke="#000" strokeWidth={0.3}>
        {d.wires.map((w, i) => (
          <polyline key={i} points={w.points.map(([x, y]) => `${x},${y}`).join(' ')} strokeDasharray={w.feed === 'B' ? B_DASH : undefined} />
        ))}
      </g>
      {d.feedMarks.map((m, i) => (
        <text key={i} x={m.x} y={m.y} fontSize={2} textAnchor="middle" fontWeight="bold">{m.text}</text>
      ))}
      {d.nodes.map((n) => (
        <g key={n.key} data-testid={n.overloaded ? 'single-line-box-overloaded' : 'single-line-box'}>
          <rect x={n.x} y={n.y} width={n.w} height={n.h} fill={n.folded ? '#f2f2f2' : '#fff'} stroke="#000" strokeWidth={n.overloaded ? 0.9 : 0.25} strokeDasharray={n.repeat ? '0.8 0.6' : undefined} />
          {n.lines.map((l, i) => (
            <text key={i} x={l.x} y={l.y} fontSize={SINGLE_LINE_FONT_MM} fontWeight={l.bold ? 'bold' : 'normal'}>{l.text}</text>
          ))}
        </g>
      ))}
    </g>
  );
}

/** What the lines and boxes mean, on one line: A feed, B feed (dashed), over the limit (heavy border). */
function SingleLineKey({ x, y }: { x: number; y: number }) {
  return (
    <g data-testid="single-line-key" fontSize={2.6}>
      <line x1={x} x2={x + 10} y1={y - 0.9} y2={y - 0.9} stroke="#000" strokeWidth={0.3} />
      <text x={x + 12} y={y}>A feed</text>
      <line x1={x + 32} x2={x + 42} y1={y - 0.9} y2={y - 0.9} stroke="#000" strokeWidth={0.3} strokeDasharray={B_DASH} />
      <text x={x + 44} y={y}>B feed</text>
      <rect x={x + 64} y={y - 2.6} width={8} height={3.4} fill="#fff" stroke="#000" strokeWidth={0.9} />
      <text x={x + 74} y={y}>over its limit (and says OVERLOADED)</text>
    </g>
  );
}
