import { useSignal } from '@preact/signals'
import { SITE_ROLES, type SiteMember, type SiteRole } from '@torii/schema/admin-api'
import { useEffect } from 'preact/hooks'
import { ApiRequestError, api, type FieldErrors } from '../api/index.ts'
import { DataTable } from '../components/data-table/index.tsx'
import { SelectField, TextField } from '../components/field/index.tsx'
import { PageState } from '../components/page-state/index.tsx'
import { SiteFrame } from '../components/site-frame/index.tsx'
import { t } from '../i18n/index.ts'

const roleOptions = () => SITE_ROLES.map((value) => ({ value, label: t(`siteRole.${value}`) }))

function errorText(cause: unknown): string {
  if (cause instanceof ApiRequestError && cause.code === 'not_found') return t('members.error.not_found')
  return t('app.error', { message: (cause as Error).message })
}

/** Who has which role on the site: the owner grants, changes and takes roles away. */
export default function MembersPage({ siteId }: { siteId: string }) {
  const members = useSignal<SiteMember[] | null>(null)
  const loadError = useSignal<Error | null>(null)
  const email = useSignal('')
  const role = useSignal<SiteRole>('viewer')
  const fields = useSignal<FieldErrors>({})
  const message = useSignal('')
  const failure = useSignal('')

  async function load() {
    loadError.value = null
    try {
      members.value = (await api.listMembers(siteId)).members
    } catch (cause) {
      loadError.value = cause as Error
    }
  }
  useEffect(() => {
    load()
  }, [siteId])

  async function run(action: () => Promise<string>) {
    message.value = ''
    failure.value = ''
    try {
      message.value = await action()
      await load()
    } catch (cause) {
      if (cause instanceof ApiRequestError) fields.value = cause.fields
      failure.value = errorText(cause)
    }
  }

  function grant(address: string, granted: SiteRole) {
    return run(async () => {
      const { member } = await api.setMember(siteId, address, granted)
      return t('members.added', { email: member.email, role: t(`siteRole.${member.role}`) })
    })
  }

  function submit(event: Event) {
    event.preventDefault()
    fields.value = {}
    if (!email.value.trim()) {
      fields.value = { email: t('form.required') }
      return
    }
    grant(email.value.trim(), role.value).then(() => {
      if (!failure.value) email.value = ''
    })
  }

  return (
    <SiteFrame siteId={siteId} section="members">
      <p>{t('members.intro')}</p>
      {failure.value && (
        <p class="notice error" role="alert">
          {failure.value}
        </p>
      )}
      <p role="status">{message.value}</p>
      {!members.value ? (
        <PageState error={loadError.value} onRetry={load} />
      ) : members.value.length === 0 ? (
        <p>{t('members.empty')}</p>
      ) : (
        <DataTable
          label={t('nav.members')}
          caption="hidden"
          columns={[
            { header: t('members.email'), cell: (member) => member.email },
            {
              header: t('members.role'),
              cell: (member) => (
                <select
                  aria-label={t('members.roleOf', { email: member.email })}
                  value={member.role}
                  onChange={(event) => grant(member.email, event.currentTarget.value as SiteRole)}
                >
                  {roleOptions().map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ),
            },
            {
              cell: (member) => (
                <button
                  type="button"
                  class="danger"
                  aria-label={t('members.removeLabel', { email: member.email })}
                  onClick={() =>
                    run(async () => {
                      await api.removeMember(siteId, member.email)
                      return t('members.removed', { email: member.email })
                    })
                  }
                >
                  {t('members.remove')}
                </button>
              ),
            },
          ]}
          rows={members.value}
          rowKey={(member) => member.email}
          rowAttributes={(member) => ({ 'data-member': member.email })}
        />
      )}
      <form class="card" onSubmit={submit} noValidate>
        <h2>{t('members.add')}</h2>
        <TextField
          label={t('members.email')}
          type="email"
          autoComplete="off"
          value={email.value}
          error={fields.value.email}
          onValue={(value) => (email.value = value)}
        />
        <SelectField
          label={t('members.role')}
          value={role.value}
          error={fields.value.role}
          options={roleOptions()}
          onValue={(value) => (role.value = value as SiteRole)}
        />
        <button type="submit" class="primary">
          {t('members.add')}
        </button>
      </form>
    </SiteFrame>
  )
}
