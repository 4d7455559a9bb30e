import { useEffect, useState } from 'preact/hooks'
import { TextField } from '../field/index.tsx'

export interface HostsFieldProps {
  label: string
  hint?: string
  value: string[]
  error?: string
  disabled?: boolean
  onValue: (hosts: string[]) => void
}

/** One pattern a line (or comma): the host part lowercased, a path kept as typed (it is case-sensitive). */
function parse(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((line) => line.trim().replace(/^[^/]*/, (host) => host.toLowerCase()))
    .filter(Boolean)
}

/** A list of host patterns edited as lines; the text is kept while typing so blank lines don't vanish. */
export function HostsField(props: HostsFieldProps) {
  const [text, setText] = useState(props.value.join('\n'))
  useEffect(() => {
    if (parse(text).join('\n') !== props.value.join('\n')) setText(props.value.join('\n'))
  }, [props.value.join('\n')])
  return (
    <TextField
      label={props.label}
      hint={props.hint}
      value={text}
      multiline
      rows={Math.max(3, props.value.length + 1)}
      spellcheck={false}
      error={props.error}
      disabled={props.disabled}
      onValue={(next) => {
        setText(next)
        props.onValue(parse(next))
      }}
    />
  )
}
