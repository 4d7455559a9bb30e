import { useSignal } from '@preact/signals'
import { type ApiToken, type CreatedApiToken, SITE_ROLES, type SiteRole } from '@torii/schema/admin-api'
import { useEffect } from 'preact/hooks'
import { ApiRequestError, api, type FieldErrors } from '../api/index.ts'
import { CopyButton } from '../components/copy-button/index.tsx'
import { DataTable } from '../components/data-table/index.tsx'
import { SelectField, TextField } from '../components/field/index.tsx'
import { PageState } from '../components/page-state/index.tsx'
import { SiteFrame } from '../components/site-frame/index.tsx'
import { formatTime, t } from '../i18n/index.ts'

/** The site's API tokens: created by the owner (the secret shown once), listed with last use, revoked. */
export default function TokensPage({ siteId }: { siteId: string }) {
  const tokens = useSignal<ApiToken[] | null>(null)
  const loadError = useSignal<Error | null>(null)
  const name = useSignal('')
  const role = useSignal<SiteRole>('editor')
  const fields = useSignal<FieldErrors>({})
  const created = useSignal<CreatedApiToken | null>(null)
  const message = useSignal('')
  const failure = useSignal('')

  async function load() {
    loadError.value = null
    try {
      tokens.value = (await api.listTokens(siteId)).tokens
    } catch (cause) {
      loadError.value = cause as Error
    }
  }
  useEffect(() => {
    load()
  }, [siteId])

  async function run(action: () => Promise<void>) {
    message.value = ''
    failure.value = ''
    try {
      await action()
      await load()
    } catch (cause) {
      if (cause instanceof ApiRequestError) fields.value = cause.fields
      failure.value = t('app.error', { message: (cause as Error).message })
    }
  }

  function submit(event: Event) {
    event.preventDefault()
    fields.value = {}
    if (!name.value.trim()) {
      fields.value = { name: t('form.required') }
      return
    }
    run(async () => {
      created.value = await api.createToken(siteId, name.value.trim(), role.value)
      name.value = ''
    })
  }

  return (
    <SiteFrame siteId={siteId} section="tokens">
      <p>{t('tokens.intro')}</p>
      {failure.value && (
        <p class="notice error" role="alert">
          {failure.value}
        </p>
      )}
      <p role="status">{message.value}</p>
      {created.value && (
        <div class="notice" data-token-secret>
          <p>{t('tokens.secret', { name: created.value.token.name })}</p>
          <p>
            <code>{created.value.secret}</code> <CopyButton text={() => created.value?.secret ?? ''} />
          </p>
        </div>
      )}
      {!tokens.value ? (
        <PageState error={loadError.value} onRetry={load} />
      ) : tokens.value.length === 0 ? (
        <p>{t('tokens.empty')}</p>
      ) : (
        <DataTable
          label={t('nav.tokens')}
          caption="hidden"
          columns={[
            { header: t('tokens.name'), cell: (token) => token.name },
            { header: t('tokens.role'), cell: (token) => t(`siteRole.${token.role}`) },
            {
              header: t('tokens.createdAt'),
              cell: (token) => `${formatTime(token.createdAt)} · ${token.createdBy}`,
            },
            {
              header: t('tokens.lastUsed'),
              cell: (token) => (token.lastUsedAt ? formatTime(token.lastUsedAt) : t('tokens.never')),
            },
            {
              cell: (token) =>
                token.revokedAt ? (
                  t('tokens.revokedAt', { time: formatTime(token.revokedAt) })
                ) : (
                  <button
                    type="button"
                    class="danger"
                    aria-label={t('tokens.revokeLabel', { name: token.name })}
                    onClick={() =>
                      run(async () => {
                        await api.revokeToken(siteId, token.id)
                        message.value = t('tokens.revoked', { name: token.name })
                      })
                    }
                  >
                    {t('tokens.revoke')}
                  </button>
                ),
            },
          ]}
          rows={tokens.value}
          rowKey={(token) => token.id}
          rowAttributes={(token) => ({ 'data-token': token.id })}
        />
      )}
      <form class="card" onSubmit={submit} noValidate>
        <h2>{t('tokens.create')}</h2>
        <TextField
          label={t('tokens.name')}
          value={name.value}
          error={fields.value.name}
          onValue={(value) => (name.value = value)}
        />
        <SelectField
          label={t('tokens.role')}
          value={role.value}
          error={fields.value.role}
          options={SITE_ROLES.map((value) => ({ value, label: t(`siteRole.${value}`) }))}
          onValue={(value) => (role.value = value as SiteRole)}
        />
        <button type="submit" class="primary">
          {t('tokens.create')}
        </button>
      </form>
    </SiteFrame>
  )
}
