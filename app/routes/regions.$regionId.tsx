import { subject } from '@casl/ability'
import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useAbility } from '~/components/can.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Button, Field, FormErrors, PageTitle, SelectField } from '~/components/ui/form.tsx'
import { addMembership, changeMembershipRole, listRegionMemberships, removeMembership } from '~/models/membership.server.ts'
import { DomainError } from '~/models/errors.server.ts'
import { deleteRegion, requireRegion, updateRegion } from '~/models/region.server.ts'
import { requireAbility } from '~/permissions/require-ability.server.ts'
import { redirectWithFlash } from '~/utils/flash.server.ts'
import { domainErrorReply, getIntent, invalidSubmission } from '~/utils/forms.server.ts'
import {
  AddMembershipSchema,
  ChangeMembershipSchema,
  MembershipIdSchema,
  REGION_ROLES,
  RegionSchema,
} from '~/validation/schemas.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ability } = await requireAbility(request)
  const region = await requireRegion(ability, params.regionId ?? '')
  return { region, memberships: await listRegionMemberships(ability, region.id) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, ability } = await requireAbility(request)
  const region = await requireRegion(ability, params.regionId ?? '')
  const formData = await request.formData()
  const here = `/regions/${region.id}`
  const intent = getIntent(formData)

  const intents = ['update-region', 'delete-region', 'add-member', 'change-role', 'remove-member']
  if (!intents.includes(intent)) throw data({ message: 'unknown intent' }, { status: 400 })

  if (intent === 'delete-region') {
    try {
      await deleteRegion(ability, user.id, region.id)
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      return data({ deleteError: error.key }, { status: error.status })
    }
    return redirectWithFlash(request, '/regions', { kind: 'success', key: 'regions.removed' })
  }

  if (intent === 'update-region') {
    const submission = parseWithZod(formData, { schema: RegionSchema })
    if (submission.status !== 'success') return invalidSubmission(submission)
    try {
      await updateRegion(ability, user.id, region.id, submission.value)
    } catch (error) {
      return domainErrorReply(submission, error)
    }
    return redirectWithFlash(request, here, { kind: 'success', key: 'regions.saved' })
  }

  if (intent === 'add-member') {
    const submission = parseWithZod(formData, { schema: AddMembershipSchema })
    if (submission.status !== 'success') return invalidSubmission(submission)
    try {
      await addMembership(ability, user.id, region.id, submission.value)
    } catch (error) {
      return domainErrorReply(submission, error)
    }
    return redirectWithFlash(request, here, { kind: 'success', key: 'regions.memberAdded' })
  }

  if (intent === 'change-role') {
    const submission = parseWithZod(formData, { schema: ChangeMembershipSchema })
    if (submission.status !== 'success') return invalidSubmission(submission)
    await changeMembershipRole(ability, user.id, submission.value.membershipId, submission.value.role)
    return redirectWithFlash(request, here, { kind: 'success', key: 'regions.memberChanged' })
  }

  const submission = parseWithZod(formData, { schema: MembershipIdSchema })
  if (submission.status !== 'success') return invalidSubmission(submission)
  await removeMembership(ability, user.id, submission.value.membershipId)
  return redirectWithFlash(request, here, { kind: 'success', key: 'regions.memberRemoved' })
}

export default function RegionPage() {
  const { t } = useTranslation()
  const ability = useAbility()
  const { region, memberships } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const lastResult = actionData && 'result' in actionData ? actionData.result : undefined

  const [regionForm, regionFields] = useForm({
    id: 'update-region',
    lastResult,
    defaultValue: { name: region.name, description: region.description ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegionSchema }),
    shouldRevalidate: 'onBlur',
  })
  const [memberForm, memberFields] = useForm({
    id: 'add-member',
    lastResult,
    defaultValue: { role: 'frontline' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddMembershipSchema }),
    shouldRevalidate: 'onBlur',
  })

  const canUpdateRegion = ability.can('update', subject('Region', { ...region }) as never)
  const canDeleteRegion = ability.can('delete', subject('Region', { ...region }) as never)
  const assignableRoles = REGION_ROLES.filter((role) =>
    ability.can('create', subject('Membership', { regionId: region.id, role }) as never),
  )

  return (
    <>
      <PageTitle>{region.name}</PageTitle>
      {region.description ? <p className="mb-6 text-stone-700">{region.description}</p> : null}

      {ability.can('readDraft', subject('Guideline', { regionId: region.id }) as never) ? (
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
              const editable = ability.can('update', subject('Membership', { ...m }) as never)
              const removable = ability.can('delete', subject('Membership', { ...m }) as never)
              return (
                <li key={m.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                  <div className="min-w-48 flex-1">
                    <p className="font-medium">
                      {m.user.name}
                      {m.user.deactivatedAt ? <span className="ml-2 text-sm text-stone-600">({t('regions.deactivated')})</span> : null}
                    </p>
                    <p className="text-sm text-stone-700">{m.user.email}</p>
                  </div>
                  {editable ? (
                    <Form method="post" className="flex items-center gap-2">
                      <input type="hidden" name="membershipId" value={m.id} />
                      <label htmlFor={`role-${m.id}`} className="sr-only">
                        {t('regions.role')} — {m.user.name}
                      </label>
                      <select id={`role-${m.id}`} name="role" defaultValue={m.role} className="rounded border border-stone-400 bg-white px-2 py-2">
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
            <SelectField label={t('regions.role')} errors={memberFields.role.errors} selectProps={getSelectProps(memberFields.role)}>
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

      {canUpdateRegion ? (
        <section aria-labelledby="edit-region-title" className="mb-8 max-w-md">
          <h2 id="edit-region-title" className="mb-2 text-lg font-semibold">
            {t('regions.edit')}
          </h2>
          <Form method="post" {...getFormProps(regionForm)} className="rounded border border-stone-300 bg-white p-5">
            <FormErrors errors={regionForm.errors} />
            <Field label={t('regions.name')} errors={regionFields.name.errors} inputProps={getInputProps(regionFields.name, { type: 'text' })} />
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

      {canDeleteRegion ? (
        <section aria-labelledby="delete-region-title" className="max-w-md">
          <h2 id="delete-region-title" className="mb-2 text-lg font-semibold">
            {t('regions.remove')}
          </h2>
          <p className="mb-2 text-sm text-stone-700">{t('regions.removeHint')}</p>
          {actionData && 'deleteError' in actionData ? <FormErrors errors={[actionData.deleteError]} /> : null}
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
