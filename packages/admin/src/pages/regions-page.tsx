import { REGION_MODELS } from '@torii/schema'
import { RegionEditor } from '../components/region-editor/index.tsx'
import { RegionPreview } from '../components/region-preview/index.tsx'
import { SiteFrame } from '../components/site-frame/index.tsx'
import { t } from '../i18n/index.ts'
import { siteModel } from '../models/site.ts'

/** The draft's region rules: which consent model applies where, what each model means, and the preview as a visitor from a place. */
export default function RegionsPage({ siteId }: { siteId: string }) {
  return (
    <SiteFrame siteId={siteId} section="regions" editsDraft>
      <p>{t('regions.intro')}</p>
      <section aria-labelledby="region-models-title">
        <h2 id="region-models-title">{t('regions.models')}</h2>
        <dl class="region-models">
          {REGION_MODELS.map((model) => (
            <div key={model}>
              <dt>{t(`regions.model.${model}`)}</dt>
              <dd>{t(`regions.explain.${model}`)}</dd>
            </div>
          ))}
        </dl>
        <h3>{t('regions.precedence')}</h3>
        <p>{t('regions.precedenceText')}</p>
      </section>
      {siteModel.draft.value && (
        <RegionEditor
          config={siteModel.draft.value}
          errors={siteModel.errors.value}
          readOnly={!siteModel.canEdit.value}
          onChange={(config) => siteModel.edit(() => config)}
        />
      )}
      <section aria-labelledby="region-preview-title">
        <h2 id="region-preview-title">{t('regions.preview')}</h2>
        <p class="hint">{t('regions.previewIntro')}</p>
        {siteModel.draft.value && (
          <RegionPreview config={siteModel.draft.value} errors={siteModel.errors.value} />
        )}
      </section>
    </SiteFrame>
  )
}
