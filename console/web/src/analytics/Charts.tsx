// The dashboard's charts (Recharts: SVG, keyboard-navigable tooltips through its accessibility layer).
// Each chart has a table twin in Dashboard.tsx, which is what screen readers are pointed to; each chart's
// description (`help`) says so, and that arrow keys move through its points once it has the focus.
import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis, Legend } from 'recharts';

export const SENTIMENT_COLOURS = { positive: '#2f7d32', neutral: '#8a8a84', negative: '#b3261e', unscored: '#c9c5bb' } as const;
const SENTIMENTS = ['positive', 'neutral', 'negative', 'unscored'] as const;

export interface VolumePoint {
  start: string;
  positive: number;
  neutral: number;
  negative: number;
  unscored: number;
  net: number | null;
}

/** Mentions per bucket stacked by sentiment, crisis episodes drawn as shaded spans over their buckets. */
export function VolumeChart({ points, episodes, tick, label, help, names, crisisLabel }: {
  points: VolumePoint[];
  help: string;
  episodes: { x1: string; x2: string }[];
  tick: (start: string) => string;
  label: string;
  names: Record<(typeof SENTIMENTS)[number], string>;
  crisisLabel: string;
}) {
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={points} title={label} desc={help} margin={{ top: 16, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="start" tickFormatter={tick} minTickGap={16} />
        <YAxis allowDecimals={false} />
        <Tooltip labelFormatter={(v) => tick(String(v))} isAnimationActive={false} />
        <Legend />
        {episodes.map((e) => (
          <ReferenceArea key={e.x1 + e.x2} x1={e.x1} x2={e.x2} fill="#c2410c" fillOpacity={0.15} stroke="#c2410c"
            label={{ value: crisisLabel, position: 'insideTop', fill: '#7c2d12' }} ifOverflow="extendDomain" />
        ))}
        {SENTIMENTS.map((s) => (
          <Bar key={s} dataKey={s} name={names[s]} stackId="sentiment" fill={SENTIMENT_COLOURS[s]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Net sentiment per bucket, from −1 to 1 (a gap where nothing was scored). */
export function NetChart({ points, tick, label, help, name }: { points: VolumePoint[]; tick: (start: string) => string; label: string; help: string; name: string }) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={points} title={label} desc={help} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="start" tickFormatter={tick} minTickGap={16} />
        <YAxis domain={[-1, 1]} />
        <Tooltip labelFormatter={(v) => tick(String(v))} isAnimationActive={false} />
        <Line dataKey="net" name={name} stroke="#1f3a5f" strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** One horizontal bar per row, largest first as given. */
export function HorizontalBars({ rows, label, help, name, format }: {
  rows: { name: string; value: number }[];
  label: string;
  help: string;
  name: string;
  format?: (value: number) => string;
}) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, 36 * rows.length + 40)}>
      <BarChart data={rows} layout="vertical" title={label} desc={help} margin={{ top: 4, right: 24, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tickFormatter={format} />
        <YAxis type="category" dataKey="name" width={140} />
        <Tooltip formatter={(v) => (format ? format(Number(v)) : String(v))} isAnimationActive={false} />
        <Bar dataKey="value" name={name} fill="#1f3a5f" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

const LOCATION_COLOURS = ['#1f3a5f', '#b3261e', '#2f7d32', '#7a5b00', '#6b3fa0', '#00695c'];

/** Each location's average stars to date over the period, from 1 to 5: one line per location. */
export function RatingChart({ points, names, tick, label, help }: {
  points: Record<string, string | number | null>[];
  names: string[];
  tick: (start: string) => string;
  label: string;
  help: string;
}) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart data={points} title={label} desc={help} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="start" tickFormatter={tick} minTickGap={16} />
        <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} />
        <Tooltip labelFormatter={(v) => tick(String(v))} isAnimationActive={false} />
        <Legend />
        {names.map((name, i) => (
          <Line key={name} dataKey={name} name={name} stroke={LOCATION_COLOURS[i % LOCATION_COLOURS.length]} strokeWidth={2}
            dot={false} connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
