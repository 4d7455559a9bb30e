import { useSignal } from '@preact/signals'
import type { SiteConfig } from '@torii/schema'
import { errorText } from '../../i18n/error-text.ts'
import { t } from '../../i18n/index.ts'
import { fieldLabel } from '../../lib/field-labels.ts'
import { sectionOf, sitePath } from '../../lib/paths.ts'
import { siteModel } from '../../models/site.ts'
import { ConfirmDialog } from '../confirm-dialog/index.tsx'

/** Sticky bar saying whether the draft has unsaved changes, with Save and Discard. */
export function DraftBar() {
  // A message holds for the draft it was said about: an edit, a discard or a reload makes it stale.
  const note = useSignal<{ text: string; about: SiteConfig | null } | null>(null)
  const confirming = useSignal(false)
  const { dirty, saving, saveError } = siteModel
  const say = (text: string) => (note.value = { text, about: siteModel.draft.value })
  const message = note.value?.about === siteModel.draft.value ? note.value.text : ''
  async function save() {
    note.value = null
    const result = await siteModel.save()
    if (result === 'saved') say(t('draft.saved'))
    else if (result === 'invalid') say(t('form.invalid'))
  }
  function discard() {
    confirming.value = false
    siteModel.discard()
    say(t('draft.discarded'))
  }
  if (!siteModel.canEdit.value) return <p class="draft-bar">{t('app.readOnly')}</p>
  const shown = siteModel.errors.value
  const siteId = siteModel.siteId.value ?? ''
  return (
    <>
      <div class={dirty.value ? 'draft-bar is-dirty' : 'draft-bar'}>
        <p role="status" class="draft-status">
          {saveError.value
            ? t('app.error', { message: saveError.value })
            : message || (dirty.value ? t('draft.unsaved') : t('draft.upToDate'))}
        </p>
        <div class="actions">
          <button
            type="button"
            onClick={() => (confirming.value = true)}
            disabled={!dirty.value || saving.value}
          >
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
      <ConfirmDialog
        open={confirming.value}
        title={t('draft.discardTitle')}
        confirmLabel={t('draft.discardYes')}
        cancelLabel={t('draft.cancel')}
        onConfirm={discard}
        onCancel={() => (confirming.value = false)}
      >
        <p>{t('draft.discardConfirm')}</p>
      </ConfirmDialog>
    </>
  )
}

const MAX_LISTED = 8

/** Where each problem is edited: every error links to its page, even when it is not on this one. */
function ProblemList({ errors, siteId }: { errors: Record<string, string>; siteId: string }) {
  const entries = Object.entries(errors)
  const config = siteModel.draft.value
  const more = entries.length - MAX_LISTED
  return (
    <div class="problems" role="alert">
      <p>{t('draft.invalid', { count: entries.length })}</p>
      <ul>
        {entries.slice(0, MAX_LISTED).map(([path, message]) => (
          <li key={path}>
            <a href={sitePath(siteId, sectionOf(path))} title={path}>
              {fieldLabel(path, config)}
            </a>
            : {errorText(message)}
          </li>
        ))}
      </ul>
      {more > 0 && <p>{t('draft.more', { count: more })}</p>}
    </div>
  )
}
