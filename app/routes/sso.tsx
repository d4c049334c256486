import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { useResultFor } from '~/components/action-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Button, Field, FormErrors, PageTitle, SelectField } from '~/components/ui/form.tsx'
import { requireRegions } from '~/models/region.server.ts'
import { addGroupMapping, listGroupMappings, removeGroupMapping } from '~/models/sso.server.ts'
import { oidcSettings } from '~/utils/oidc.server.ts'
import { ORG_ROLES, REGION_ROLES } from '~/validation/schemas.ts'
import { dispatch, intent } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

/** The admin's single sign-on page: whether SSO is on, and which provider groups give which roles. */
export const loader = signedIn(async ({ ability }) => {
  const settings = oidcSettings()
  const [mappings, regions] = await Promise.all([listGroupMappings(ability), requireRegions(ability)])
  return {
    settings: settings && {
      issuer: settings.issuer.href,
      clientId: settings.clientId,
      redirectUri: settings.redirectUri,
      groupsClaim: settings.groupsClaim,
      passwordForSso: process.env.SSO_PASSWORD_SIGNIN !== 'off',
    },
    mappings,
    regions: regions.map((r) => ({ id: r.id, name: r.name })),
  }
})

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional())
const MappingSchema = z.object({
  group: z.string({ error: 'errors.required' }).trim().min(1, 'errors.required').max(200, 'errors.tooLong'),
  orgRole: optional(z.enum(ORG_ROLES)),
  regionId: optional(z.string().max(100)),
  regionRole: optional(z.enum(REGION_ROLES)),
})
const SsoIntents = z.discriminatedUnion('intent', [
  intent('add', MappingSchema),
  intent('remove', z.object({ mappingId: z.string().min(1) })),
])

export const action = signedIn(({ request, user, ability }) =>
  dispatch(request, SsoIntents, {
    add: async ({ group, orgRole, regionId, regionRole }) => {
      await addGroupMapping(ability, user.id, {
        group,
        orgRole: orgRole ?? null,
        regionId: regionId ?? null,
        regionRole: regionRole ?? null,
      })
      return { flash: 'sso.added' }
    },
    remove: async ({ mappingId }) => {
      await removeGroupMapping(ability, user.id, mappingId)
      return { flash: 'sso.removed' }
    },
  }),
)

export default function SsoPage() {
  const { t } = useTranslation()
  const { settings, mappings, regions } = useLoaderData<typeof loader>()
  const result = useResultFor('add')
  return (
    <>
      <PageTitle>{t('sso.title')}</PageTitle>
      {settings ? (
        <dl className="mb-6 grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded border border-stone-300 bg-white p-4 text-sm">
          <dt className="font-medium">{t('sso.issuer')}</dt>
          <dd className="break-all">{settings.issuer}</dd>
          <dt className="font-medium">{t('sso.clientId')}</dt>
          <dd className="break-all">{settings.clientId}</dd>
          <dt className="font-medium">{t('sso.redirectUri')}</dt>
          <dd className="break-all">{settings.redirectUri}</dd>
          <dt className="font-medium">{t('sso.groupsClaim')}</dt>
          <dd>{settings.groupsClaim}</dd>
          <dt className="font-medium">{t('sso.passwords')}</dt>
          <dd>{settings.passwordForSso ? t('sso.passwordsOn') : t('sso.passwordsOff')}</dd>
        </dl>
      ) : (
        <p className="mb-6 max-w-prose rounded border-l-4 border-amber-700 bg-amber-50 px-4 py-3">{t('sso.off')}</p>
      )}
      <h2 className="mb-2 text-lg font-semibold">{t('sso.mappings')}</h2>
      <p className="mb-3 max-w-prose text-stone-700">{t('sso.mappingsIntro')}</p>
      {mappings.length ? (
        <ul className="mb-6 divide-y divide-stone-200 rounded border border-stone-300 bg-white">
          {mappings.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
              <span>
                <code className="rounded bg-stone-100 px-1">{m.group}</code> →{' '}
                {[
                  m.orgRole ? t(`roles.${m.orgRole}`) : null,
                  m.region && m.regionRole ? `${t(`roles.${m.regionRole}`)} ${m.region.name}` : null,
                ]
                  .filter(Boolean)
                  .join(', ')}
              </span>
              <Form method="post">
                <input type="hidden" name="mappingId" value={m.id} />
                <Button
                  name="intent"
                  value="remove"
                  variant="danger"
                  aria-label={t('sso.removeMapping', { group: m.group })}
                >
                  {t('sso.remove')}
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-6">{t('sso.noMappings')}</p>
      )}
      <Form method="post" className="max-w-md rounded border border-stone-300 bg-white p-5">
        <h2 className="mb-2 font-semibold">{t('sso.add')}</h2>
        <FormErrors errors={result?.error?.[''] ?? undefined} />
        <Field
          label={t('sso.group')}
          hint={t('sso.groupHint')}
          errors={result?.error?.group ?? undefined}
          inputProps={{ id: 'group', name: 'group', required: true }}
        />
        <SelectField label={t('sso.orgRole')} selectProps={{ id: 'orgRole', name: 'orgRole', defaultValue: '' }}>
          <option value="">{t('roles.none')}</option>
          {['hq_editor', 'admin'].map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('sso.region')}
          errors={result?.error?.regionId ?? undefined}
          selectProps={{ id: 'regionId', name: 'regionId', defaultValue: '' }}
        >
          <option value="">{t('roles.none')}</option>
          {regions.map((region) => (
            <option key={region.id} value={region.id}>
              {region.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('sso.regionRole')}
          errors={result?.error?.regionRole ?? undefined}
          selectProps={{ id: 'regionRole', name: 'regionRole', defaultValue: '' }}
        >
          <option value="">{t('roles.none')}</option>
          {REGION_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </SelectField>
        <Button name="intent" value="add">
          {t('sso.add')}
        </Button>
      </Form>
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
