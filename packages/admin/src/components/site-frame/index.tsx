import type { ComponentChildren } from 'preact'
import { useEffect } from 'preact/hooks'
import { t } from '../../i18n/index.ts'
import type { SiteSection } from '../../lib/paths.ts'
import { useTitle } from '../../lib/use-title.ts'
import { siteModel } from '../../models/site.ts'
import { DraftBar } from '../draft-bar/index.tsx'
import { PageState } from '../page-state/index.tsx'
import { SiteNav } from '../site-nav/index.tsx'

export interface SiteFrameProps {
  siteId: string
  section: SiteSection
  /** Pages that edit the draft show the save bar. */
  editsDraft?: boolean
  children: ComponentChildren
}

/** Loads the site, then shows its navigation, the section heading and the page. */
export function SiteFrame({ siteId, section, editsDraft, children }: SiteFrameProps) {
  const title = t(`nav.${section}`)
  useTitle(title)
  useEffect(() => {
    siteModel.load(siteId)
  }, [siteId])
  const detail = siteModel.detail.value
  const ready = detail && siteModel.siteId.value === siteId && siteModel.draft.value
  return (
    <div class="site-layout">
      <SiteNav siteId={siteId} siteName={detail?.site.name ?? siteId} />
      <div class="site-content">
        <h1>{title}</h1>
        {ready ? (
          <>
            {editsDraft && <DraftBar />}
            {children}
          </>
        ) : (
          <PageState error={siteModel.loadError.value} onRetry={() => siteModel.load(siteId, true)} />
        )}
      </div>
    </div>
  )
}
