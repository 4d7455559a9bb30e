import type { SiteConfig } from '@torii/schema'
import { useEffect, useRef, useState } from 'preact/hooks'
import { t } from '../../i18n/index.ts'

type MountPreview = (host: HTMLElement, config: SiteConfig, language: string) => () => void

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
}

/** Mounts the real banner UI with the draft inside a framed box; remounts when the draft or language changes. */
export function BannerPreview({ config, language, label }: BannerPreviewProps) {
  const host = useRef<HTMLDivElement>(null)
  const [mount, setMount] = useState<MountPreview | null | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const configJson = JSON.stringify(config)

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
        unmount = mount(host.current!, JSON.parse(configJson) as SiteConfig, language)
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
  }, [mount, configJson, language])

  if (mount === null) return <p class="notice">{t('look.previewUnavailable')}</p>
  return (
    <figure class="preview">
      <figcaption>{label}</figcaption>
      {error && (
        <p class="notice error" role="alert">
          {t('look.previewError', { message: error })}
        </p>
      )}
      <div class="preview-frame" ref={host} data-testid="banner-preview" lang={language} />
    </figure>
  )
}
