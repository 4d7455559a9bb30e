import type { Localized } from '@torii/schema'
import type { FieldErrors } from '../../api/index.ts'
import { TextField } from '../field/index.tsx'

export interface LocalizedFieldsProps {
  /** Builds each input's label from its language. */
  label: (language: string) => string
  value: Localized
  languages: string[]
  onValue: (value: Localized) => void
  /** Errors keyed by language (already relative to this field). */
  errors?: FieldErrors
  multiline?: boolean
  disabled?: boolean
}

/** One input per site language for a text given per language. */
export function LocalizedFields(props: LocalizedFieldsProps) {
  return (
    <>
      {props.languages.map((language) => (
        <TextField
          key={language}
          label={props.label(language)}
          lang={language}
          value={props.value[language] ?? ''}
          multiline={props.multiline}
          disabled={props.disabled}
          error={props.errors?.[language]}
          onValue={(text) => props.onValue({ ...props.value, [language]: text })}
        />
      ))}
    </>
  )
}
