import { useSignal } from '@preact/signals'
import { t } from '../../i18n/index.ts'

/** Copies `text()` to the clipboard and says so in a live region. */
export function CopyButton({ text, label }: { text: () => string; label?: string }) {
  const message = useSignal('')
  async function copy() {
    try {
      await navigator.clipboard.writeText(text())
      message.value = t('settings.copied')
    } catch {
      message.value = t('settings.copyFailed')
    }
  }
  return (
    <span class="copy">
      <button type="button" onClick={copy}>
        {label ?? t('settings.copy')}
      </button>
      <span role="status" class="copy-status">
        {message.value}
      </span>
    </span>
  )
}
