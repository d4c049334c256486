import { Form, Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Button, Field, PageTitle, SelectField } from '~/components/ui/form.tsx'
import { auditLog, type AuditRef, type AuditSentence } from '~/models/audit.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { signedIn } from '~/web/route.server.ts'

/** The audit log as sentences, filtered by `?person=&kind=&from=&to=`, older pages by `before`. */
export const loader = signedIn(({ request, ability }) => auditLog(ability, new URL(request.url).searchParams))

type Data = ReturnType<typeof useLoaderData<typeof loader>>
type Entry = Data['entries'][number]

// Where a named record goes in a translated sentence: private-use characters no text contains.
const slot = (name: string) => `\uE000${name}\uE001`
const SLOT = /\uE000(\w+)\uE001/

function RefText({ value }: { value: AuditRef }) {
  const { t } = useTranslation()
  const label =
    value.name === null ? t(`audit.unknown.${value.kind}`) : t(`audit.refs.${value.kind}`, { name: value.name })
  return value.href ? (
    <Link to={value.href} className="text-brand-800 underline">
      {label}
    </Link>
  ) : (
    <>{label}</>
  )
}

/** "Marieke de Vries published version 2 of ‘Klachten zijn cadeaus’", the title a link when it may be opened. */
function Sentence({ actor, sentence }: { actor: string | null; sentence: AuditSentence }) {
  const { t, i18n } = useTranslation()
  const formatDay = useDateFormat('date')
  const values: Record<string, string | number> = { ...sentence.values }
  // Role names mid-sentence: "maakte Piet teamlid", not "Teamlid".
  for (const name of ['role', 'previous'] as const)
    if (typeof values[name] === 'string' && values[name])
      values[name] = t(`roles.${values[name]}`).toLocaleLowerCase(i18n.language)
  if (typeof values.date === 'string' && values.date) values.date = formatDay(values.date)
  const text = t(`audit.sentences.${sentence.key}`, {
    ...values,
    ...Object.fromEntries(Object.keys(sentence.refs).map((name) => [name, slot(name)])),
    actor: actor ?? t('audit.system'),
  })
  const parts: ReactNode[] = text
    .split(SLOT)
    .map((part, i) =>
      i % 2 === 1 && sentence.refs[part] ? <RefText key={`${part}-${i}`} value={sentence.refs[part]} /> : part,
    )
  return <>{parts}</>
}

function Json({ value }: { value: unknown }) {
  return (
    <pre className="whitespace-pre-wrap break-all rounded bg-stone-100 p-2 font-mono text-xs">
      {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
    </pre>
  )
}

function EntryItem({ entry }: { entry: Entry }) {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  return (
    <li className="px-3 py-3 sm:px-4">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm text-stone-700">
        <time dateTime={new Date(entry.createdAt).toISOString()}>{formatDate(entry.createdAt)}</time>
        <span className="rounded bg-stone-100 px-2 py-0.5 text-xs font-medium text-stone-800">
          {t(`audit.kinds.${entry.kind}`)}
        </span>
      </div>
      <p className="mt-1 break-words">
        <Sentence actor={entry.actor} sentence={entry.sentence} />
        {entry.via ? <span className="text-stone-700"> {t(`audit.via.${entry.via}`)}</span> : null}
      </p>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-brand-800 underline">{t('audit.details')}</summary>
        <dl className="mt-2 grid gap-1">
          <dt className="font-medium">{t('audit.action')}</dt>
          <dd>
            <code className="break-all font-mono">{entry.action}</code>
          </dd>
          <dt className="font-medium">{t('audit.subject')}</dt>
          <dd>
            <code className="break-all font-mono">
              {entry.subjectType} {entry.subjectId}
            </code>
          </dd>
          <dt className="font-medium">{t('audit.before')}</dt>
          <dd>
            <Json value={entry.before} />
          </dd>
          <dt className="font-medium">{t('audit.after')}</dt>
          <dd>
            <Json value={entry.after} />
          </dd>
        </dl>
      </details>
    </li>
  )
}

export default function AuditPage() {
  const { t } = useTranslation()
  const { entries, hasMore, filters, people, kinds } = useLoaderData<typeof loader>()
  const { before, ...chosen } = filters
  const filtered = Object.values(chosen).some(Boolean)
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams()
    for (const [name, value] of Object.entries({ ...chosen, ...extra })) if (value) params.set(name, value)
    return params.size ? `?${params}` : '/audit'
  }
  const last = entries.at(-1)
  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <p className="mb-4 text-stone-700">{t('audit.intro')}</p>
      <Form method="get" className="mb-6 rounded border border-stone-300 bg-white p-4" aria-labelledby="audit-filters">
        <h2 id="audit-filters" className="mb-3 text-lg font-semibold">
          {t('audit.filters.title')}
        </h2>
        <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField
            label={t('audit.filters.person')}
            selectProps={{ id: 'person', name: 'person', defaultValue: chosen.person ?? '' }}
          >
            <option value="">{t('audit.filters.everyone')}</option>
            <option value="system">{t('audit.filters.system')}</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('audit.filters.kind')}
            selectProps={{ id: 'kind', name: 'kind', defaultValue: chosen.kind ?? '' }}
          >
            <option value="">{t('audit.filters.allKinds')}</option>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`audit.kinds.${kind}`)}
              </option>
            ))}
          </SelectField>
          <Field
            label={t('audit.filters.from')}
            inputProps={{ id: 'from', name: 'from', type: 'date', defaultValue: chosen.from ?? '' }}
          />
          <Field
            label={t('audit.filters.to')}
            inputProps={{ id: 'to', name: 'to', type: 'date', defaultValue: chosen.to ?? '' }}
          />
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <Button type="submit">{t('audit.filters.apply')}</Button>
          {filtered ? (
            <Link to="/audit" className="text-brand-800 underline">
              {t('audit.filters.clear')}
            </Link>
          ) : null}
        </div>
      </Form>
      {entries.length ? (
        <ol
          aria-label={t('audit.entries')}
          className="divide-y divide-stone-200 rounded border border-stone-300 bg-white"
        >
          {entries.map((entry) => (
            <EntryItem key={entry.id} entry={entry} />
          ))}
        </ol>
      ) : (
        <p>{filtered ? t('audit.emptyFiltered') : t('audit.empty')}</p>
      )}
      <div className="mt-4 flex flex-wrap gap-4">
        {before ? (
          <Link to={query({})} className="text-brand-800 underline">
            {t('audit.newest')}
          </Link>
        ) : null}
        {hasMore && last ? (
          <Link to={query({ before: last.id })} className="text-brand-800 underline">
            {t('audit.older')}
          </Link>
        ) : null}
      </div>
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
