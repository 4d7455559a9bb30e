import type { Purpose } from '@torii/schema'
import { useId } from 'preact/hooks'
import { t } from '../../i18n/index.ts'
import { type GtmMode, gtmModeOf, gtmPurposes } from '../../lib/gtm-mode.ts'
import { localText } from '../../lib/local-text.ts'

export interface GtmModeFieldProps {
  /** The site's purposes. */
  sitePurposes: Purpose[]
  /** The language purpose names are shown in, when the admin's own is missing. */
  language: string
  /** The purposes the GTM vendor acts for (or would, once added). */
  purposes: string[]
  onPurposes: (purposes: string[]) => void
  disabled?: boolean
}

const MODES: GtmMode[] = ['load', 'hold']

/**
 * Google Tag Manager's two modes in words, as radio buttons: choosing one sets the vendor's purposes (the
 * site's required purpose, or an optional one). A mode the site's purposes cannot give is disabled, saying why.
 */
export function GtmModeField({ sitePurposes, language, purposes, onPurposes, disabled }: GtmModeFieldProps) {
  const id = useId()
  const current = gtmModeOf(sitePurposes, purposes)
  const nameOf = (keys: string[]) =>
    keys
      .map((key) => localText(sitePurposes.find((purpose) => purpose.key === key)?.name, language, key))
      .join(', ')
  return (
    <fieldset class="group gtm-mode">
      <legend>{t('vendors.gtmMode')}</legend>
      {MODES.map((mode) => {
        const keys = gtmPurposes(sitePurposes, mode, purposes)
        const hintId = `${id}-${mode}-hint`
        return (
          <div class="field checkbox" key={mode}>
            <input
              id={`${id}-${mode}`}
              type="radio"
              name={id}
              checked={current === mode}
              disabled={disabled || !keys}
              aria-describedby={hintId}
              onChange={() => keys && onPurposes(keys)}
            />
            <label for={`${id}-${mode}`}>{t(`vendors.gtmMode.${mode}`)}</label>
            <p class="hint" id={hintId}>
              {keys
                ? t(`vendors.gtmMode.${mode}Hint`, { purpose: nameOf(keys) })
                : t(`vendors.gtmMode.${mode}Unavailable`)}
            </p>
          </div>
        )
      })}
    </fieldset>
  )
}
