import { Form, Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { BackLink, Button, FormErrors, PageTitle, ScrollRegion } from '~/components/ui/form.tsx'
import { applyStaffImport, previewStaffImport, requireStaffImport } from '~/models/staff-import.server.ts'
import { Invalid } from '~/utils/errors.ts'
import { dispatch, intent } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

/** The admin imports staff from the HR system's CSV: preview every row, then apply all or nothing. */
export const loader = signedIn(({ ability }) => {
  requireStaffImport(ability)
  return null
})

const MAX_CSV_BYTES = 900_000
const csvText = async (file: File | undefined, pasted: string | undefined) => {
  if (file && file.size > MAX_CSV_BYTES) throw new Invalid('import.errors.tooLarge', 'file')
  const text = file && file.size ? await file.text() : (pasted ?? '')
  if (!text.trim()) throw new Invalid('import.errors.empty', 'file')
  return text
}
const ImportIntents = z.discriminatedUnion('intent', [
  intent('preview', z.object({ file: z.instanceof(File).optional(), csv: z.string().max(MAX_CSV_BYTES).optional() })),
  intent('apply', z.object({ csv: z.string().max(MAX_CSV_BYTES), deactivateMissing: z.literal('on').optional() })),
])

export const action = signedIn(({ request, user, ability }) =>
  dispatch(request, ImportIntents, {
    preview: async ({ file, csv }) => {
      const text = await csvText(file, csv)
      return { preview: await previewStaffImport(ability, text), csv: text }
    },
    apply: async ({ csv, deactivateMissing }) => {
      const result = await applyStaffImport(ability, user.id, csv, { deactivateMissing: deactivateMissing === 'on' })
      return { flash: 'import.applied', values: result, to: '/users' }
    },
  }),
)

export default function ImportPage() {
  const { t } = useTranslation()
  const data = useActionData<typeof action>()
  const preview = data && 'preview' in data ? data : null
  const errors = data && 'result' in data ? data.result.error : undefined
  return (
    <>
      <BackLink to="/users">{t('users.title')}</BackLink>
      <PageTitle>{t('import.title')}</PageTitle>
      <p className="mb-2 max-w-prose text-stone-700">{t('import.intro')}</p>
      <pre className="mb-4 max-w-prose overflow-x-auto rounded bg-stone-100 p-3 text-sm">{t('import.example')}</pre>
      <Form
        method="post"
        encType="multipart/form-data"
        className="mb-8 max-w-xl rounded border border-stone-300 bg-white p-5"
      >
        <FormErrors errors={[...(errors?.[''] ?? []), ...(errors?.file ?? [])]} />
        <label htmlFor="file" className="mb-1 block font-medium">
          {t('import.file')}
        </label>
        <input id="file" name="file" type="file" accept=".csv,text/csv,text/plain" className="mb-4 block" />
        <label htmlFor="csv" className="mb-1 block font-medium">
          {t('import.paste')}
        </label>
        <textarea
          id="csv"
          name="csv"
          rows={4}
          className="mb-4 block w-full rounded border border-stone-400 px-3 py-2 font-mono text-sm"
        />
        <Button name="intent" value="preview">
          {t('import.preview')}
        </Button>
      </Form>
      {preview ? <Preview preview={preview.preview} csv={preview.csv} /> : null}
    </>
  )
}

type PreviewData = Awaited<ReturnType<typeof previewStaffImport>>

function Preview({ preview, csv }: { preview: PreviewData; csv: string }) {
  const { t } = useTranslation()
  const { summary, rows, missing } = preview
  const shown = [
    ...rows.filter((r) => r.problems.length),
    ...rows.filter((r) => !r.problems.length && r.action !== 'unchanged'),
    ...rows.filter((r) => !r.problems.length && r.action === 'unchanged'),
  ].slice(0, 300)
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title" className="mb-2 text-lg font-semibold">
        {t('import.previewTitle')}
      </h2>
      <p role="status" className="mb-3" data-testid="import-summary">
        {t('import.summary', summary)}
      </p>
      <ScrollRegion label={t('import.previewTitle')} className="mb-4">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t('import.line')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('users.name')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('import.key')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('import.regionRole')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('import.outcome')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {shown.map((row) => (
              <tr key={row.line} className={row.problems.length ? 'bg-red-50' : undefined}>
                <td className="px-3 py-2">{row.line}</td>
                <td className="px-3 py-2">{row.name}</td>
                <td className="px-3 py-2">{[row.email, row.employeeNumber].filter(Boolean).join(' · ')}</td>
                <td className="px-3 py-2">
                  {row.region && row.role ? `${row.region.name} · ${t(`roles.${row.role}`)}` : '—'}
                </td>
                <td className="px-3 py-2">
                  {row.problems.length ? (
                    <ul className="text-red-900">
                      {row.problems.map((problem) => (
                        <li key={problem}>{t(`import.problems.${problem}`)}</li>
                      ))}
                    </ul>
                  ) : (
                    t(`import.actions.${row.action}`)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {rows.length > shown.length ? (
        <p className="mb-4 text-sm">{t('import.more', { count: rows.length - shown.length })}</p>
      ) : null}
      {missing.length ? (
        <div className="mb-4 rounded border border-amber-700 bg-amber-50 p-4">
          <h3 className="mb-1 font-semibold">{t('import.missing', { count: missing.length })}</h3>
          <ul className="mb-2 list-disc pl-6 text-sm">
            {missing.slice(0, 50).map((person) => (
              <li key={person.id}>
                <Link to={`/users/${person.id}`} className="text-brand-800 underline">
                  {person.name}
                </Link>{' '}
                {person.email ?? person.employeeNumber}
              </li>
            ))}
          </ul>
          {missing.length > 50 ? <p className="text-sm">{t('import.more', { count: missing.length - 50 })}</p> : null}
        </div>
      ) : null}
      {summary.problems ? (
        <p role="alert" className="font-medium text-red-900">
          {t('import.fixFirst', { count: summary.problems })}
        </p>
      ) : (
        <Form method="post" className="rounded border border-stone-300 bg-white p-4">
          <input type="hidden" name="csv" value={csv} />
          {missing.length ? (
            <label className="mb-3 flex min-h-11 items-center gap-2">
              <input type="checkbox" name="deactivateMissing" />
              {t('import.deactivateMissing', { count: missing.length })}
            </label>
          ) : null}
          <Button name="intent" value="apply">
            {t('import.apply', { count: summary.create + summary.update })}
          </Button>
        </Form>
      )}
    </section>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
