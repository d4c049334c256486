// Small charts of customer signals, drawn as SVG in the server's HTML (no chart library, nothing
// to run on a phone). Each chart is one image with a text alternative that says what it shows;
// the pages put the same numbers in a table beside it.
import { useTranslation } from 'react-i18next'
import type { MonthCount } from '~/models/signal.server.ts'

export type MonthBar = Pick<MonthCount, 'month' | 'complaint' | 'compliment' | 'question' | 'suggestion' | 'total'>

const KINDS = ['complaint', 'question', 'suggestion', 'compliment'] as const
/** Fill colours per kind, dark enough against white (and told apart by the legend's words too). */
export const KIND_FILL: Record<(typeof KINDS)[number], string> = {
  complaint: '#b91c1c',
  question: '#0369a1',
  suggestion: '#b45309',
  compliment: '#15803d',
}

/** "nov 26" for "2026-11", in the reader's language. */
export function useMonthLabel() {
  const { i18n } = useTranslation()
  const format = new Intl.DateTimeFormat(i18n.language, { month: 'short', year: '2-digit', timeZone: 'UTC' })
  return (month: string) => format.format(new Date(`${month}-01T00:00:00Z`))
}

/** The months' numbers in words, for a chart's text alternative. */
function useMonthsSummary(months: MonthBar[]) {
  const { t } = useTranslation()
  const label = useMonthLabel()
  return months
    .map((m) => t('signals.chart.month', { month: label(m.month), total: m.total, complaint: m.complaint }))
    .join('; ')
}

/** Stacked bars: the signals of each month by kind. */
export function MonthlyBars({ months }: { months: MonthBar[] }) {
  const { t } = useTranslation()
  const label = useMonthLabel()
  const width = 480
  const height = 160
  const base = height - 20
  const max = Math.max(1, ...months.map((m) => m.total))
  const slot = width / months.length
  const summary = useMonthsSummary(months)
  return (
    <figure className="mb-2">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('signals.chart.months', { summary })}
        className="h-auto w-full max-w-xl"
      >
        <line x1="0" y1={base} x2={width} y2={base} stroke="#78716c" />
        {months.map((m, index) => {
          let y = base
          const x = index * slot + slot * 0.2
          return (
            <g key={m.month}>
              {KINDS.map((kind) => {
                const h = ((base - 16) * m[kind]) / max
                y -= h
                return h > 0 ? (
                  <rect key={kind} x={x} y={y} width={slot * 0.6} height={h} fill={KIND_FILL[kind]} />
                ) : null
              })}
              <text x={x + slot * 0.3} y={y - 4} textAnchor="middle" fontSize="12" fill="#1c1917">
                {m.total}
              </text>
              <text x={x + slot * 0.3} y={height - 4} textAnchor="middle" fontSize="12" fill="#44403c">
                {label(m.month)}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 text-sm">
        {KINDS.map((kind) => (
          <span key={kind} className="inline-flex items-center gap-1">
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" fill={KIND_FILL[kind]} />
            </svg>
            {t(`signals.kinds.${kind}`)}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}

/** Horizontal bars: complaints per 30 days while each version of a rule applied. */
export function VersionBars({ versions }: { versions: { number: number; complaintsPer30Days: number | null }[] }) {
  const { t } = useTranslation()
  const rowHeight = 28
  const width = 480
  const labelWidth = 90
  const max = Math.max(1, ...versions.map((v) => v.complaintsPer30Days ?? 0))
  const summary = versions
    .map((v) => t('signals.chart.version', { number: v.number, per30: v.complaintsPer30Days ?? '—' }))
    .join('; ')
  return (
    <svg
      viewBox={`0 0 ${width} ${versions.length * rowHeight + 4}`}
      role="img"
      aria-label={t('signals.chart.versions', { summary })}
      className="mb-2 h-auto w-full max-w-xl"
    >
      {versions.map((v, index) => {
        const y = index * rowHeight + 4
        const w = ((width - labelWidth - 50) * (v.complaintsPer30Days ?? 0)) / max
        return (
          <g key={v.number}>
            <text x="0" y={y + 16} fontSize="13" fill="#1c1917">
              {t('signals.region.version')} {v.number}
            </text>
            <rect x={labelWidth} y={y} width={Math.max(w, 1)} height={rowHeight - 8} fill={KIND_FILL.complaint} />
            <text x={labelWidth + w + 6} y={y + 15} fontSize="13" fill="#1c1917">
              {v.complaintsPer30Days ?? '—'}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

/** A region's trend in a line of text's height: signals per month (grey), complaints among them (red). */
export function TrendSpark({ region, months }: { region: string; months: MonthBar[] }) {
  const { t } = useTranslation()
  const width = 120
  const height = 32
  const max = Math.max(1, ...months.map((m) => m.total))
  const slot = width / months.length
  const summary = useMonthsSummary(months)
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={t('signals.chart.trend', { region, summary })}
    >
      {months.map((m, index) => {
        const total = ((height - 2) * m.total) / max
        const complaints = ((height - 2) * m.complaint) / max
        const x = index * slot + 2
        return (
          <g key={m.month}>
            <rect x={x} y={height - total} width={slot - 4} height={total} fill="#a8a29e" />
            <rect x={x} y={height - complaints} width={slot - 4} height={complaints} fill={KIND_FILL.complaint} />
          </g>
        )
      })}
    </svg>
  )
}
