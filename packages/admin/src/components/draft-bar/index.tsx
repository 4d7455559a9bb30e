import { useSignal } from '@preact/signals'
import { t } from '../../i18n/index.ts'
import { session } from '../../models/session.ts'
import { siteModel } from '../../models/site.ts'

/** Sticky bar saying whether the draft has unsaved changes, with Save and Discard. */
export function DraftBar() {
  const message = useSignal('')
  const { dirty, saving, validation, saveError } = siteModel
  const problems = Object.keys(validation.value).length
  async function save() {
    message.value = ''
    const result = await siteModel.save()
    if (result === 'saved') message.value = t('draft.saved')
    else if (result === 'invalid') message.value = t('draft.invalid', { count: problems })
  }
  if (!session.canWrite.value) return <p class="draft-bar">{t('app.readOnly')}</p>
  return (
    <div class={dirty.value ? 'draft-bar is-dirty' : 'draft-bar'}>
      <p role="status" class="draft-status">
        {saveError.value
          ? t('app.error', { message: saveError.value })
          : message.value || (dirty.value ? t('draft.unsaved') : t('draft.upToDate'))}
      </p>
      <div class="actions">
        <button type="button" onClick={() => siteModel.discard()} disabled={!dirty.value || saving.value}>
          {t('draft.discard')}
        </button>
        <button
          type="button"
          class="primary"
          onClick={save}
          disabled={!dirty.value || saving.value}
          aria-disabled={!dirty.value || saving.value}
        >
          {saving.value ? t('draft.saving') : t('draft.save')}
        </button>
      </div>
    </div>
  )
}
