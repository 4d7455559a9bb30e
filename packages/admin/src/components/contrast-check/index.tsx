import type { Look } from '@torii/schema'
import { t } from '../../i18n/index.ts'
import { checkLookContrast, formatRatio } from '../../lib/contrast.ts'

/** Lists each colour pair's contrast; pairs below WCAG AA are warnings (A11Y-05). */
export function ContrastCheck({ colors }: { colors: Look['colors'] }) {
  const checks = checkLookContrast(colors)
  return (
    <ul class="contrast" aria-live="polite">
      {checks.map((check) => {
        const params = { pair: t(`look.pair.${check.pair}`), ratio: formatRatio(check.ratio), min: check.min }
        return (
          <li key={check.pair} class={check.ok ? 'ok' : 'warning'} data-contrast={check.ok ? 'ok' : 'low'}>
            <span aria-hidden="true">{check.ok ? '✓ ' : '⚠ '}</span>
            {check.ok ? t('look.contrastOk', params) : t('look.contrastLow', params)}
          </li>
        )
      })}
    </ul>
  )
}
