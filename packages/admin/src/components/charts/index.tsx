import { RECEIPT_ACTIONS, type ReceiptAction } from '@torii/schema'
import type { Stats } from '@torii/schema/admin-api'
import { t } from '../../i18n/index.ts'

/**
 * Colours distinguishable from one another and ≥ 3:1 against white (1.4.11), taken by the actions in
 * `RECEIPT_ACTIONS` order: an action the contract gains takes the next one.
 */
const ACTION_PALETTE = ['#1a7f37', '#b3261e', '#0b5cad', '#8a4600', '#6f42c1', '#00708a', '#a3126b']

/** One colour per action. */
export const ACTION_COLORS = Object.fromEntries(
  RECEIPT_ACTIONS.map((action, i) => [action, ACTION_PALETTE[i % ACTION_PALETTE.length]!])
) as Record<ReceiptAction, string>

const WIDTH = 720
const HEIGHT = 220
const PAD = { top: 10, right: 10, bottom: 24, left: 36 }

/** Stacked bars of choices per day; the numbers are in the table next to it. */
export function ChoicesPerDayChart({ perDay, label }: { perDay: Stats['perDay']; label: string }) {
  const totals = perDay.map((day) =>
    RECEIPT_ACTIONS.reduce((sum, action) => sum + (day.counts[action] ?? 0), 0)
  )
  const max = Math.max(1, ...totals)
  const innerW = WIDTH - PAD.left - PAD.right
  const innerH = HEIGHT - PAD.top - PAD.bottom
  const band = innerW / Math.max(1, perDay.length)
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={label}
        preserveAspectRatio="xMidYMid meet"
      >
        <line
          x1={PAD.left}
          y1={PAD.top + innerH}
          x2={WIDTH - PAD.right}
          y2={PAD.top + innerH}
          stroke="#57606a"
        />
        <text x={PAD.left - 6} y={PAD.top + 10} text-anchor="end" font-size="11" fill="#1f2328">
          {max}
        </text>
        <text x={PAD.left - 6} y={PAD.top + innerH} text-anchor="end" font-size="11" fill="#1f2328">
          0
        </text>
        {perDay.map((day, i) => {
          let y = PAD.top + innerH
          return (
            <g key={day.date}>
              {RECEIPT_ACTIONS.map((action) => {
                const count = day.counts[action] ?? 0
                if (!count) return null
                const h = (count / max) * innerH
                y -= h
                return (
                  <rect
                    key={action}
                    x={PAD.left + i * band + band * 0.15}
                    y={y}
                    width={band * 0.7}
                    height={h}
                    fill={ACTION_COLORS[action]}
                  />
                )
              })}
              {(i === 0 || i === perDay.length - 1) && (
                <text
                  x={PAD.left + i * band + band / 2}
                  y={HEIGHT - 6}
                  text-anchor={i === 0 ? 'start' : 'end'}
                  font-size="11"
                  fill="#1f2328"
                >
                  {day.date.slice(5)}
                </text>
              )}
            </g>
          )
        })}
      </svg>
      <figcaption>
        <ul class="legend">
          {RECEIPT_ACTIONS.map((action) => (
            <li key={action}>
              <span class="swatch" style={{ background: ACTION_COLORS[action] }} aria-hidden="true" />
              {t(`action.${action}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  )
}

/** Horizontal bars of the consent rate per purpose. */
export function PurposeRateChart({
  perPurpose,
  label,
  name,
}: {
  perPurpose: Stats['perPurpose']
  label: string
  name: (key: string) => string
}) {
  const rowH = 28
  const labelW = 160
  const height = Math.max(rowH, perPurpose.length * rowH)
  const barW = WIDTH - labelW - 60
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label}>
      {perPurpose.map((row, i) => (
        <g key={row.key}>
          <text x={labelW - 8} y={i * rowH + 18} text-anchor="end" font-size="12" fill="#1f2328">
            {name(row.key)}
          </text>
          <rect x={labelW} y={i * rowH + 6} width={barW} height={16} fill="#eaeef2" />
          <rect
            x={labelW}
            y={i * rowH + 6}
            width={barW * Math.min(1, Math.max(0, row.rate))}
            height={16}
            fill="#0b5cad"
          />
          <text x={labelW + barW + 6} y={i * rowH + 18} font-size="12" fill="#1f2328">
            {`${Math.round(row.rate * 100)}%`}
          </text>
        </g>
      ))}
    </svg>
  )
}
