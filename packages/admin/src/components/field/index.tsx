import type { ComponentChildren, TargetedEvent } from 'preact'
import { useId } from 'preact/hooks'
import { errorText } from '../../i18n/error-text.ts'

interface BaseProps {
  label: string
  error?: string
  hint?: string
  /** Language of the value when it differs from the UI (A11Y-08). */
  lang?: string
  disabled?: boolean
}

function describedBy(hintId: string, errorId: string, hint?: string, error?: string) {
  return [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined
}

function Messages({ hint, error, id }: { hint?: string; error?: string; id: string }) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {errorText(error)}
        </p>
      )}
    </>
  )
}

export interface TextFieldProps extends BaseProps {
  value: string
  onValue: (value: string) => void
  type?: 'text' | 'email' | 'password' | 'url' | 'date' | 'search' | 'color'
  multiline?: boolean
  rows?: number
  required?: boolean
  autoComplete?: string
  name?: string
  placeholder?: string
  spellcheck?: boolean
  inputMode?: 'text' | 'numeric' | 'url' | 'email'
}

/** A labelled text input (or textarea) with its hint and error tied to it. */
export function TextField(props: TextFieldProps) {
  const id = useId()
  const common = {
    id,
    name: props.name,
    value: props.value,
    lang: props.lang,
    disabled: props.disabled,
    required: props.required,
    placeholder: props.placeholder,
    spellcheck: props.spellcheck,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy(`${id}-hint`, `${id}-error`, props.hint, props.error),
    onInput: (event: TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      props.onValue(event.currentTarget.value),
  }
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 3} />
      ) : (
        <input
          {...common}
          type={(props.type ?? 'text') as 'text'}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete}
        />
      )}
      <Messages hint={props.hint} error={props.error} id={id} />
    </div>
  )
}

export interface CheckboxFieldProps extends BaseProps {
  checked: boolean
  onChecked: (checked: boolean) => void
}

/** A real checkbox with its label (A11Y-07). */
export function CheckboxField(props: CheckboxFieldProps) {
  const id = useId()
  return (
    <div class={props.error ? 'field checkbox has-error' : 'field checkbox'}>
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, props.hint, props.error)}
        onChange={(event) => props.onChecked(event.currentTarget.checked)}
      />
      <label for={id}>{props.label}</label>
      <Messages hint={props.hint} error={props.error} id={id} />
    </div>
  )
}

export interface SelectFieldProps extends BaseProps {
  value: string
  onValue: (value: string) => void
  options: { value: string; label: string }[]
}

/** A labelled select. */
export function SelectField(props: SelectFieldProps) {
  const id = useId()
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, props.hint, props.error)}
        onChange={(event) => props.onValue(event.currentTarget.value)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Messages hint={props.hint} error={props.error} id={id} />
    </div>
  )
}

/** A fieldset with a legend and an optional group error. */
export function FieldGroup(props: {
  legend: string
  error?: string
  children: ComponentChildren
  class?: string
}) {
  return (
    <fieldset class={props.class ?? 'group'}>
      <legend>{props.legend}</legend>
      {props.children}
      {props.error && <p class="field-error">{errorText(props.error)}</p>}
    </fieldset>
  )
}
