import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { useResultFor } from '~/components/action-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Button, PageTitle, TextareaField } from '~/components/ui/form.tsx'
import { createSearchSynonym, listSearchSynonyms, updateSearchSynonym } from '~/models/search-synonyms.server.ts'
import { SearchSynonymSchema } from '~/validation/schemas.ts'
import { dispatch, intent } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

/**
 * HQ's search words: groups of words that find each other in the handbook search (people's words
 * beside the rule's words). Dutch defaults are shipped; HQ adds, edits and switches groups off.
 */
export const loader = signedIn(async ({ ability }) => listSearchSynonyms(ability))

const Intents = z.discriminatedUnion('intent', [
  intent('create', SearchSynonymSchema),
  intent('update', SearchSynonymSchema.extend({ id: z.string().min(1) })),
])

export const action = signedIn(async ({ request, user, ability }) =>
  dispatch(request, Intents, {
    create: async (input) => {
      await createSearchSynonym(ability, user.id, input)
      return { flash: 'searchWords.created' }
    },
    update: async ({ id, ...input }) => {
      await updateSearchSynonym(ability, user.id, id, input)
      return { flash: 'searchWords.saved' }
    },
  }),
)

export default function SearchWordsPage() {
  const { t } = useTranslation()
  const { groups, may } = useLoaderData<typeof loader>()
  const created = useResultFor('create')
  return (
    <>
      <PageTitle>{t('searchWords.title')}</PageTitle>
      <p className="mb-4 max-w-prose text-stone-700">{t('searchWords.intro')}</p>
      {may.create ? (
        <section aria-labelledby="new-group" className="mb-8 rounded border border-stone-300 bg-white p-4">
          <h2 id="new-group" className="mb-2 text-lg font-semibold">
            {t('searchWords.add')}
          </h2>
          {/* A new key after each successful add empties the form. */}
          <Form method="post" className="space-y-2" key={groups.length}>
            <TextareaField
              label={t('searchWords.terms')}
              hint={t('searchWords.termsHint')}
              errors={created?.error?.terms ?? undefined}
              textareaProps={{
                id: 'new-terms',
                name: 'terms',
                rows: 4,
                required: true,
                maxLength: 2_000,
                defaultValue: created?.error ? String(created.initialValue?.terms ?? '') : '',
              }}
            />
            <input type="hidden" name="enabled" value="on" />
            <Button name="intent" value="create">
              {t('searchWords.create')}
            </Button>
          </Form>
        </section>
      ) : null}
      <h2 className="mb-2 text-lg font-semibold">{t('searchWords.groups', { count: groups.length })}</h2>
      <ul className="space-y-2">
        {groups.map((group) => (
          <li key={group.id} className="rounded border border-stone-300 bg-white p-3">
            <details>
              <summary className="cursor-pointer">
                <span className={group.enabled ? '' : 'text-stone-500 line-through'}>
                  {group.terms.split('\n').join(' · ')}
                </span>
                {group.enabled ? null : <span className="ml-2 text-sm text-stone-700">({t('searchWords.off')})</span>}
              </summary>
              {may.update ? <GroupForm group={group} /> : null}
            </details>
          </li>
        ))}
      </ul>
    </>
  )
}

function GroupForm({ group }: { group: { id: string; terms: string; enabled: boolean; revision: number } }) {
  const { t } = useTranslation()
  const result = useResultFor('update', { id: group.id })
  return (
    <Form method="post" className="mt-3 space-y-2" key={group.revision}>
      <input type="hidden" name="id" value={group.id} />
      <input type="hidden" name="revision" value={group.revision} />
      <TextareaField
        label={t('searchWords.terms')}
        errors={[...(result?.error?.terms ?? []), ...(result?.error?.[''] ?? [])]}
        textareaProps={{
          id: `terms-${group.id}`,
          name: 'terms',
          rows: Math.min(10, group.terms.split('\n').length + 1),
          required: true,
          maxLength: 2_000,
          defaultValue: result?.error ? String(result.initialValue?.terms ?? group.terms) : group.terms,
        }}
      />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="enabled" defaultChecked={group.enabled} className="h-5 w-5" />
        {t('searchWords.enabled')}
      </label>
      <Button name="intent" value="update" variant="secondary">
        {t('searchWords.save')}
      </Button>
    </Form>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
