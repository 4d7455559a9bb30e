import { PurposeEditor } from '../components/purpose-editor/index.tsx'
import { SiteFrame } from '../components/site-frame/index.tsx'
import { t } from '../i18n/index.ts'
import { siteModel } from '../models/site.ts'

/** The purposes of the draft. */
export default function PurposesPage({ siteId }: { siteId: string }) {
  return (
    <SiteFrame siteId={siteId} section="purposes" editsDraft>
      <p>{t('purposes.intro')}</p>
      {siteModel.draft.value && (
        <PurposeEditor
          config={siteModel.draft.value}
          errors={siteModel.errors.value}
          readOnly={!siteModel.canEdit.value}
          onChange={(config) => siteModel.edit(() => config)}
        />
      )}
    </SiteFrame>
  )
}
