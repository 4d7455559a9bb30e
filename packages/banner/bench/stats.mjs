// The benches' summaries of repeated measurements (missing ones, null, left out).

/** The median (the lower middle of an even count); NaN when there is none. */
export const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b)
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN
}

/** The interquartile range as text (`25–40`); `—` when there is none. */
export const spread = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b)
  return s.length
    ? `${s[Math.floor(s.length / 4)].toFixed(0)}–${s[Math.floor((3 * s.length) / 4)].toFixed(0)}`
    : '—'
}
