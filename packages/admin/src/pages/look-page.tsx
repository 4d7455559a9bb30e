import { useSignal } from '@preact/signals'
import { type BannerTexts, bannerTextsSchema, type Look, POSITIONS, type SiteConfig } from '@torii/schema'
import { BannerPreview } from '../components/banner-preview/index.tsx'
import { ContrastCheck } from '../components/contrast-check/index.tsx'
import { CheckboxField, FieldGroup, SelectField, TextField } from '../components/field/index.tsx'
import { SiteFrame } from '../components/site-frame/index.tsx'
import { type MessageKey, t } from '../i18n/index.ts'
import { siteModel } from '../models/site.ts'

/** Every text a site may override, in the schema's order: a key the banner gains shows up here by itself. */
const TEXT_KEYS = Object.keys(bannerTextsSchema.shape) as (keyof BannerTexts)[]
const LONG_TEXTS = new Set<string>(['description', 'preferencesDescription', 'noticeDescription'])
const COLOR_KEYS = ['background', 'text', 'accent', 'accentText'] as const

function setText(config: SiteConfig, language: string, key: keyof BannerTexts, value: string): SiteConfig {
  const texts = { ...(config.texts[language] ?? {}) }
  // An empty text means "use the banner's default": leave the key out.
  if (value) texts[key] = value
  else delete texts[key]
  return { ...config, texts: { ...config.texts, [language]: texts } }
}

function setLook(config: SiteConfig, look: Partial<Look>): SiteConfig {
  return { ...config, look: { ...config.look, ...look } }
}

/** Banner texts per language, colours, position and layout, the contrast check and the live preview. */
export default function LookPage({ siteId }: { siteId: string }) {
  const previewLanguage = useSignal<string | null>(null)
  const draft = siteModel.draft.value
  const errors = siteModel.errors.value
  const readOnly = !siteModel.canEdit.value
  const edit = siteModel.edit
  return (
    <SiteFrame siteId={siteId} section="look" editsDraft>
      {draft && (
        <div class="look-grid">
          <div>
            <FieldGroup legend={t('look.appearance')}>
              <SelectField
                label={t('look.position')}
                value={draft.look.position}
                disabled={readOnly}
                options={POSITIONS.map((position) => ({ value: position, label: position }))}
                onValue={(position) =>
                  edit((config) => setLook(config, { position: position as Look['position'] }))
                }
              />
              <SelectField
                label={t('look.layout')}
                value={draft.look.layout}
                disabled={readOnly}
                options={['bar', 'box'].map((layout) => ({ value: layout, label: layout }))}
                onValue={(layout) => edit((config) => setLook(config, { layout: layout as Look['layout'] }))}
              />
              <CheckboxField
                label={t('look.floatingButton')}
                checked={draft.look.floatingButton}
                disabled={readOnly}
                onChecked={(floatingButton) => edit((config) => setLook(config, { floatingButton }))}
              />
              <div class="colors">
                {COLOR_KEYS.map((key) => (
                  <TextField
                    key={key}
                    type="color"
                    label={t(`look.color.${key}`)}
                    value={draft.look.colors[key]}
                    error={errors[`look.colors.${key}`]}
                    disabled={readOnly}
                    onValue={(value) =>
                      edit((config) => setLook(config, { colors: { ...config.look.colors, [key]: value } }))
                    }
                  />
                ))}
              </div>
              <ContrastCheck colors={draft.look.colors} />
            </FieldGroup>
            {draft.languages.map((language) => (
              <FieldGroup key={language} legend={t('look.texts', { language })}>
                <p class="hint">{t('look.textsHint')}</p>
                {TEXT_KEYS.map((key) => (
                  <TextField
                    key={key}
                    label={t(`look.text.${key}` as MessageKey)}
                    lang={language}
                    multiline={LONG_TEXTS.has(key)}
                    value={draft.texts[language]?.[key] ?? ''}
                    error={errors[`texts.${language}.${key}`]}
                    disabled={readOnly}
                    onValue={(value) => edit((config) => setText(config, language, key, value))}
                  />
                ))}
              </FieldGroup>
            ))}
          </div>
          <section class="preview-column" aria-labelledby="preview-title">
            <h2 id="preview-title">{t('look.preview')}</h2>
            <SelectField
              label={t('look.previewLanguage')}
              value={previewLanguage.value ?? draft.defaultLanguage}
              options={draft.languages.map((language) => ({ value: language, label: language }))}
              onValue={(language) => (previewLanguage.value = language)}
            />
            <BannerPreview
              config={draft}
              language={previewLanguage.value ?? draft.defaultLanguage}
              label={`${t('look.preview')} (${previewLanguage.value ?? draft.defaultLanguage})`}
            />
          </section>
        </div>
      )}
    </SiteFrame>
  )
}
