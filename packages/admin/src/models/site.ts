import { batch, computed, createModel, signal } from '@preact/signals'
import { type SiteConfig, siteConfigSchema } from '@torii/schema'
import { type SiteDetail, type SiteInput, type SiteRole, siteRoleAtLeast } from '@torii/schema/admin-api'
import { ApiRequestError, api, type FieldErrors } from '../api/index.ts'
import { checkDisclosure } from '../lib/draft-checks.ts'
import { issuesToFieldErrors } from '../lib/field-errors.ts'
import { registerDraftGuard } from './draft-guard.ts'
import { session } from './session.ts'

export type SaveResult = 'saved' | 'invalid' | 'failed'

/** The site being edited: its detail, the working draft, whether it has unsaved changes, its errors. */
export const SiteModel = createModel(() => {
  const siteId = signal<string | null>(null, { name: 'site.id' })
  const detail = signal<SiteDetail | null>(null, { name: 'site.detail' })
  const loadError = signal<Error | null>(null, { name: 'site.loadError' })
  const draft = signal<SiteConfig | null>(null, { name: 'site.draft' })
  /** The draft as last saved, as JSON, to tell unsaved changes. */
  const savedJson = signal('', { name: 'site.savedJson' })
  const serverErrors = signal<FieldErrors>({}, { name: 'site.serverErrors' })
  const showErrors = signal(false, { name: 'site.showErrors' })
  const saving = signal(false, { name: 'site.saving' })
  const saveError = signal<string | null>(null, { name: 'site.saveError' })

  /** The user's role on this site (the server says; before it does, what the global role gives). */
  const role = computed<SiteRole | null>(() => {
    const global = session.user.value?.role
    return detail.value?.role ?? (global === 'admin' ? 'owner' : global === 'viewer' ? 'viewer' : null)
  })
  /** Editors and owners change the draft, publish and roll back; owners also settings, members, erasure. */
  const canEdit = computed(() => siteRoleAtLeast(role.value, 'editor'))
  const isOwner = computed(() => siteRoleAtLeast(role.value, 'owner'))
  const dirty = computed(() => draft.value !== null && JSON.stringify(draft.value) !== savedJson.value)
  const validation = computed<FieldErrors>(() => {
    if (!draft.value) return {}
    const result = siteConfigSchema.safeParse(draft.value)
    return {
      ...checkDisclosure(draft.value),
      ...(result.success ? {} : issuesToFieldErrors(result.error.issues)),
    }
  })
  const errors = computed<FieldErrors>(() =>
    showErrors.value ? { ...validation.value, ...serverErrors.value } : serverErrors.value
  )

  function adoptDraft(config: SiteConfig) {
    batch(() => {
      draft.value = config
      savedJson.value = JSON.stringify(config)
      serverErrors.value = {}
      showErrors.value = false
      saveError.value = null
    })
  }

  async function load(id: string, force = false) {
    if (!force && siteId.value === id && detail.value) return
    batch(() => {
      siteId.value = id
      detail.value = null
      draft.value = null
      loadError.value = null
    })
    try {
      const next = await api.getSite(id)
      if (siteId.value !== id) return
      detail.value = next
      adoptDraft(next.draft)
    } catch (error) {
      if (siteId.value === id) loadError.value = error as Error
    }
  }

  /** Refreshes the site's detail (live revision, unpublished flag) without touching the working draft. */
  async function refresh() {
    if (!siteId.value) return
    detail.value = await api.getSite(siteId.value)
  }

  /** Takes the server's draft and detail as they are now (after a rollback replaced the draft). */
  async function reload() {
    const id = siteId.value
    if (!id) return
    const next = await api.getSite(id)
    if (siteId.value !== id) return
    batch(() => {
      detail.value = next
      adoptDraft(next.draft)
    })
  }

  function edit(change: (config: SiteConfig) => SiteConfig) {
    if (!draft.value) return
    batch(() => {
      draft.value = change(draft.value!)
      serverErrors.value = {}
      saveError.value = null
    })
  }

  async function save(): Promise<SaveResult> {
    const id = siteId.value
    if (!id || !draft.value) return 'failed'
    showErrors.value = true
    if (Object.keys(validation.value).length > 0) return 'invalid'
    saving.value = true
    saveError.value = null
    try {
      const { draft: stored } = await api.saveDraft(id, draft.value)
      adoptDraft(stored)
      await refresh().catch(() => undefined)
      return 'saved'
    } catch (error) {
      if (error instanceof ApiRequestError && Object.keys(error.fields).length > 0)
        serverErrors.value = error.fields
      saveError.value = (error as Error).message
      return 'failed'
    } finally {
      saving.value = false
    }
  }

  function discard() {
    if (savedJson.value) adoptDraft(JSON.parse(savedJson.value) as SiteConfig)
  }

  async function updateSite(input: Partial<SiteInput>) {
    const id = siteId.value
    if (!id) throw new Error('No site loaded')
    const { site } = await api.updateSite(id, input)
    if (detail.value) detail.value = { ...detail.value, site }
    return site
  }

  return {
    siteId,
    detail,
    role,
    canEdit,
    isOwner,
    loadError,
    draft,
    dirty,
    validation,
    errors,
    saving,
    saveError,
    load,
    refresh,
    reload,
    edit,
    save,
    discard,
    updateSite,
  }
})

export const siteModel = new SiteModel()

registerDraftGuard({
  siteId: () => siteModel.siteId.value,
  isDirty: () => siteModel.dirty.value,
  discard: () => siteModel.discard(),
})
