import { computed, effect, signal } from '@preact/signals'
import { EN, type MessageKey, type Messages } from './en.ts'
import { JA } from './ja.ts'

export type UiLanguage = 'ja' | 'en'
export type { MessageKey }

export const UI_LANGUAGES: { code: UiLanguage; label: string }[] = [
  { code: 'ja', label: '日本語' },
  { code: 'en', label: 'English' },
]
const STORAGE_KEY = 'torii-admin-language'
const MESSAGES: Record<UiLanguage, Messages> = { ja: JA, en: EN }

/** The stored choice, else the browser's first language we speak, else Japanese (the first customer). */
export function detectLanguage(stored: string | null, browserLanguages: readonly string[]): UiLanguage {
  if (stored === 'ja' || stored === 'en') return stored
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0]
    if (primary === 'ja' || primary === 'en') return primary
  }
  return 'ja'
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

export const uiLanguage = signal<UiLanguage>(
  detectLanguage(
    readStored(),
    typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language])
  ),
  { name: 'uiLanguage' }
)

/** Switches the UI language and remembers it. */
export function setUiLanguage(language: UiLanguage): void {
  uiLanguage.value = language
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

const messages = computed(() => MESSAGES[uiLanguage.value])

/** The UI string for `key` in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = messages.value[key] ?? EN[key] ?? key
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match))
}

/** Keeps `<html lang>` in step (A11Y, screen reader pronunciation). */
export function syncDocumentLanguage(): () => void {
  return effect(() => {
    document.documentElement.lang = uiLanguage.value
  })
}

/**
 * Formats an ISO time in the UI language, in the browser's time zone and naming it (`16:41:44 UTC`,
 * `1:41:44 JST`): receipts are evidence, and a time without its zone is ambiguous to whoever reads it.
 */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString(uiLanguage.value === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'long',
  })
}
