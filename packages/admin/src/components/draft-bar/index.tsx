import { useSignal } from '@preact/signals'
import { errorText } from '../../i18n/error-text.ts'
import { t } from '../../i18n/index.ts'
import { sectionOf, sitePath } from '../../lib/paths.ts'
import { session } from '../../models/session.ts'
import { siteModel } from '../../models/site.ts'

/** Sticky bar saying whether the draft has unsaved changes, with Save and Discard. */
export function DraftBar() {
  const message = useSignal('')
  const { dirty, saving, saveError } = siteModel
  async function save() {
    message.value = ''
    const result = await siteModel.save()
    if (result === 'saved') message.value = t('draft.saved')
    else if (result === 'invalid') message.value = t('form.invalid')
  }
  if (!session.canWrite.value) return <p class="draft-bar">{t('app.readOnly')}</p>
  const shown = siteModel.errors.value
  const siteId = siteModel.siteId.value ?? ''
  return (
    <>
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
      {Object.keys(shown).length > 0 && <ProblemList errors={shown} siteId={siteId} />}
    </>
  )
}

const MAX_LISTED = 8

/** Where each problem is edited: every error links to its page, even when it is not on this one. */
function ProblemList({ errors, siteId }: { errors: Record<string, string>; siteId: string }) {
  const entries = Object.entries(errors)
  return (
    <div class="problems" role="alert">
      <p>{t('draft.invalid', { count: entries.length })}</p>
      <ul>
        {entries.slice(0, MAX_LISTED).map(([path, message]) => (
          <li key={path}>
            <a href={sitePath(siteId, sectionOf(path))}>
              <code>{path}</code>
            </a>
            : {errorText(message)}
          </li>
        ))}
      </ul>
    </div>
  )
}
