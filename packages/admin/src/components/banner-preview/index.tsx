import type { RegionRule, SiteConfig } from '@torii/schema'
import { useEffect, useRef, useState } from 'preact/hooks'
import { t } from '../../i18n/index.ts'

type MountPreview = (host: HTMLElement, config: SiteConfig, language: string, rule?: RegionRule) => () => void

let loading: Promise<MountPreview | null> | null = null

/** Loads the banner's preview entry once; `null` when this build has none. */
function loadMountPreview(): Promise<MountPreview | null> {
  loading ??= import('torii:banner-preview')
    .then((mod) => (mod.unavailable ? null : mod.mountPreview))
    .catch(() => null)
  return loading
}

export interface BannerPreviewProps {
  config: SiteConfig
  language: string
  label: string
  /** The region rule of the visitor to show: what a first visit under it looks like (default: opt-in). */
  rule?: RegionRule
}

/**
 * Mounts the real banner UI with the draft inside a framed box; remounts when the draft, the language or the
 * rule changes.
 */
export function BannerPreview({ config, language, label, rule }: BannerPreviewProps) {
  const host = useRef<HTMLDivElement>(null)
  const [mount, setMount] = useState<MountPreview | null | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const configJson = JSON.stringify(config)
  const ruleJson = rule ? JSON.stringify(rule) : undefined

  useEffect(() => {
    let alive = true
    loadMountPreview().then((fn) => alive && setMount(() => fn))
    return () => {
      alive = false
    }
  }, [])

  useEffect(() => {
    if (!mount || !host.current) return
    // Debounced so typing does not remount on every key.
    let unmount: (() => void) | undefined
    const timer = setTimeout(() => {
      try {
        setError(null)
        const shownRule = ruleJson === undefined ? undefined : (JSON.parse(ruleJson) as RegionRule)
        unmount = mount(host.current!, JSON.parse(configJson) as SiteConfig, language, shownRule)
      } catch (cause) {
        setError((cause as Error).message)
      }
    }, 150)
    return () => {
      clearTimeout(timer)
      try {
        unmount?.()
      } catch {
        // A failing unmount must not break the admin.
      }
    }
  }, [mount, configJson, language, ruleJson])

  if (mount === null) return <p class="notice">{t('look.previewUnavailable')}</p>
  return (
    <figure class="preview">
      <figcaption>{label}</figcaption>
      {error && (
        <p class="notice error" role="alert">
          {t('look.previewError', { message: error })}
        </p>
      )}
      <div
        class="preview-frame"
        ref={host}
        data-testid="banner-preview"
        data-region-rule={rule?.key}
        data-region-model={rule?.model}
        lang={language}
      />
    </figure>
  )
}
