import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { useResultFor } from '~/components/action-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Button, Field, FormErrors, PageTitle, SelectField } from '~/components/ui/form.tsx'
import { addMembership, changeMembershipRole, removeMembership } from '~/models/membership.server.ts'
import { deleteRegion, regionPage, requireRegion, updateRegion } from '~/models/region.server.ts'
import { AddMembershipSchema, ChangeMembershipSchema, MembershipIdSchema, RegionSchema } from '~/validation/schemas.ts'
import { dispatch, intent } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

export const loader = signedIn(({ ability, params }) => regionPage(ability, params.regionId ?? ''))

const RegionIntents = z.discriminatedUnion('intent', [
  intent('update-region', RegionSchema),
  intent('delete-region'),
  intent('add-member', AddMembershipSchema),
  intent('change-role', ChangeMembershipSchema),
  intent('remove-member', MembershipIdSchema),
])

export const action = signedIn(async ({ request, user, ability, params }) => {
  const region = await requireRegion(ability, params.regionId ?? '')
  return dispatch(
    request,
    RegionIntents,
    {
      'delete-region': async () => {
        await deleteRegion(ability, user.id, region.id)
        return { flash: 'regions.removed', to: '/regions' }
      },
      'update-region': async ({ name, description }) => {
        await updateRegion(ability, user.id, region.id, { name, description })
        return { flash: 'regions.saved' }
      },
      'add-member': async ({ email, role }) => {
        await addMembership(ability, user.id, region.id, { email, role })
        return { flash: 'regions.memberAdded' }
      },
      'change-role': async ({ membershipId, role }) => {
        await changeMembershipRole(ability, user.id, membershipId, role)
        return { flash: 'regions.memberChanged' }
      },
      'remove-member': async ({ membershipId }) => {
        await removeMembership(ability, user.id, membershipId)
        return { flash: 'regions.memberRemoved' }
      },
    },
    { redirectTo: `/regions/${region.id}` },
  )
})

export default function RegionPage() {
  const { t } = useTranslation()
  const { region, memberships, may, assignableRoles } = useLoaderData<typeof loader>()
  const deleteResult = useResultFor('delete-region')

  const [regionForm, regionFields] = useForm({
    id: 'update-region',
    lastResult: useResultFor('update-region'),
    defaultValue: { name: region.name, description: region.description ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegionSchema }),
    shouldRevalidate: 'onBlur',
  })
  const [memberForm, memberFields] = useForm({
    id: 'add-member',
    lastResult: useResultFor('add-member'),
    defaultValue: { role: 'frontline' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddMembershipSchema }),
    shouldRevalidate: 'onBlur',
  })

  return (
    <>
      <PageTitle>{region.name}</PageTitle>
      {region.description ? <p className="mb-6 text-stone-700">{region.description}</p> : null}

      {may.workspace ? (
        <p className="mb-6">
          <Link to="guidelines" className="font-medium text-brand-800 underline">
            {t('guidelines.workspace', { region: region.name })}
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="team-title" className="mb-8">
        <h2 id="team-title" className="mb-2 text-lg font-semibold">
          {t('regions.team')}
        </h2>
        {memberships.length ? (
          <ul className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
            {memberships.map((m) => {
              const editable = m.may.update
              const removable = m.may.remove
              return (
                <li key={m.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                  <div className="min-w-48 flex-1">
                    <p className="font-medium">
                      {m.user.name}
                      {m.user.deactivatedAt ? (
                        <span className="ml-2 text-sm text-stone-600">({t('regions.deactivated')})</span>
                      ) : null}
                    </p>
                    <p className="text-sm text-stone-700">{m.user.email}</p>
                  </div>
                  {editable ? (
                    <Form method="post" className="flex items-center gap-2">
                      <input type="hidden" name="membershipId" value={m.id} />
                      <label htmlFor={`role-${m.id}`} className="sr-only">
                        {t('regions.role')} — {m.user.name}
                      </label>
                      <select
                        id={`role-${m.id}`}
                        name="role"
                        defaultValue={m.role}
                        className="rounded border border-stone-400 bg-white px-2 py-2"
                      >
                        {assignableRoles.map((role) => (
                          <option key={role} value={role}>
                            {t(`roles.${role}`)}
                          </option>
                        ))}
                      </select>
                      <Button type="submit" name="intent" value="change-role" variant="secondary">
                        {t('regions.changeRole')}
                      </Button>
                    </Form>
                  ) : (
                    <span className="text-sm">{t(`roles.${m.role}`)}</span>
                  )}
                  {removable ? (
                    <Form method="post">
                      <input type="hidden" name="membershipId" value={m.id} />
                      <Button type="submit" name="intent" value="remove-member" variant="danger">
                        {t('regions.removeMember')}
                      </Button>
                    </Form>
                  ) : null}
                </li>
              )
            })}
          </ul>
        ) : (
          <p>{t('regions.teamEmpty')}</p>
        )}
      </section>

      {assignableRoles.length ? (
        <section aria-labelledby="add-member-title" className="mb-8 max-w-md">
          <h2 id="add-member-title" className="mb-2 text-lg font-semibold">
            {t('regions.addMember')}
          </h2>
          <Form method="post" {...getFormProps(memberForm)} className="rounded border border-stone-300 bg-white p-5">
            <FormErrors errors={memberForm.errors} />
            <Field
              label={t('regions.memberEmail')}
              errors={memberFields.email.errors}
              inputProps={getInputProps(memberFields.email, { type: 'email' })}
            />
            <SelectField
              label={t('regions.role')}
              errors={memberFields.role.errors}
              selectProps={getSelectProps(memberFields.role)}
            >
              {assignableRoles.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </SelectField>
            <Button type="submit" name="intent" value="add-member">
              {t('regions.add')}
            </Button>
          </Form>
        </section>
      ) : null}

      {may.update ? (
        <section aria-labelledby="edit-region-title" className="mb-8 max-w-md">
          <h2 id="edit-region-title" className="mb-2 text-lg font-semibold">
            {t('regions.edit')}
          </h2>
          <Form method="post" {...getFormProps(regionForm)} className="rounded border border-stone-300 bg-white p-5">
            <FormErrors errors={regionForm.errors} />
            <Field
              label={t('regions.name')}
              errors={regionFields.name.errors}
              inputProps={getInputProps(regionFields.name, { type: 'text' })}
            />
            <Field
              label={t('regions.description')}
              errors={regionFields.description.errors}
              inputProps={getInputProps(regionFields.description, { type: 'text' })}
            />
            <Button type="submit" name="intent" value="update-region">
              {t('regions.save')}
            </Button>
          </Form>
        </section>
      ) : null}

      {may.remove ? (
        <section aria-labelledby="delete-region-title" className="max-w-md">
          <h2 id="delete-region-title" className="mb-2 text-lg font-semibold">
            {t('regions.remove')}
          </h2>
          <p className="mb-2 text-sm text-stone-700">{t('regions.removeHint')}</p>
          <FormErrors errors={deleteResult?.error?.[''] ?? undefined} />
          <Form method="post">
            <Button type="submit" name="intent" value="delete-region" variant="danger">
              {t('regions.remove')}
            </Button>
          </Form>
        </section>
      ) : null}
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
