'use client';

import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type XAxisTickContentProps,
} from 'recharts';

/** One month, already formatted on the server (the client gets no dictionary). */
export interface TrendPoint {
  label: string;
  /** Exact NPS; null for a month without answers, drawn as a gap. */
  nps: number | null;
  /** [low, high] of the 95 % interval, or null. */
  band: [number, number] | null;
  n: number;
  /** Fewer answers than the minimum: no score, drawn greyed. */
  lowN: boolean;
  /** Rolling 90-day NPS at the end of the point (null below the minimum n). */
  rolling: number | null;
  npsText: string;
  intervalText: string | null;
  nText: string;
}

export interface TrendTexts {
  nps: string;
  interval: string;
  rolling: string;
  tooFew: string;
}

const BRAND = '#0f766e';

function MonthTick({ x, y, payload, points }: XAxisTickContentProps & { points: TrendPoint[] }) {
  const p = points[payload.index];
  return (
    <g transform={`translate(${x},${y})`}>
      <text dy={12} textAnchor="middle" fontSize={11} fill={p?.lowN ? '#a1a1aa' : '#3f3f46'}>
        {payload.value}
      </text>
      {p && (
        <text dy={26} textAnchor="middle" fontSize={10} fill={p.lowN ? '#a1a1aa' : '#71717a'}>
          {p.nText}
        </text>
      )}
    </g>
  );
}

/**
 * Monthly NPS as a line over its shaded 95 % interval. The page renders the same figures as a table
 * for screen readers, so the SVG itself is hidden from them.
 */
export function TrendChart({ points, texts }: { points: TrendPoint[]; texts: TrendTexts }) {
  return (
    <div aria-hidden="true" className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={points}
          accessibilityLayer={false}
          margin={{ top: 8, right: 8, bottom: 8, left: -16 }}
        >
          <CartesianGrid stroke="#e4e4e7" vertical={false} />
          <XAxis
            dataKey="label"
            height={40}
            padding={{ left: 16, right: 16 }}
            interval="preserveStartEnd"
            tickLine={false}
            tick={(props: XAxisTickContentProps) => <MonthTick {...props} points={points} />}
          />
          <YAxis domain={[-100, 100]} ticks={[-100, -50, 0, 50, 100]} tick={{ fontSize: 11 }} width={48} />
          <ReferenceLine y={0} stroke="#a1a1aa" />
          <Area
            dataKey="band"
            name={texts.interval}
            stroke="none"
            fill={BRAND}
            fillOpacity={0.15}
            isAnimationActive={false}
            activeDot={false}
          />
          <Line
            dataKey="nps"
            name={texts.nps}
            stroke={BRAND}
            strokeWidth={2}
            dot={{ r: 3, fill: BRAND }}
            connectNulls={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="rolling"
            name={texts.rolling}
            stroke="#71717a"
            strokeDasharray="4 3"
            strokeWidth={1.5}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
          <Tooltip
            content={({ active, payload }) => {
              const p = (payload?.[0]?.payload ?? null) as TrendPoint | null;
              if (!active || !p) return null;
              return (
                <div className="rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs shadow">
                  <p className="font-semibold">{p.label}</p>
                  <p>
                    {texts.nps}: <span className="font-semibold">{p.lowN ? texts.tooFew : p.npsText}</span>
                  </p>
                  {p.intervalText && <p>{p.intervalText}</p>}
                  <p>{p.nText}</p>
                </div>
              );
            }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
