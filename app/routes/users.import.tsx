import { Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { CsvExample, CsvUploadForm } from '~/components/csv-upload-form.tsx'
import { ImportPreview, PREVIEW_ROWS, RowOutcome } from '~/components/import-preview.tsx'
import { BackLink, PageTitle } from '~/components/ui/form.tsx'
import { applyStaffImport, previewStaffImport, requireStaffImport } from '~/models/staff-import.server.ts'
import { CsvApplyFields, CsvPreviewFields, csvText } from '~/web/csv-upload.server.ts'
import { dispatch, intent } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

/** The admin imports staff from the HR system's CSV: preview every row, then apply all or nothing. */
export const loader = signedIn(({ ability }) => {
  requireStaffImport(ability)
  return null
})

const ImportIntents = z.discriminatedUnion('intent', [
  intent('preview', CsvPreviewFields),
  intent('apply', CsvApplyFields.extend({ deactivateMissing: z.literal('on').optional() })),
])

export const action = signedIn(({ request, user, ability }) =>
  dispatch(request, ImportIntents, {
    preview: async (fields) => {
      const text = await csvText(fields)
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
      <CsvExample>{t('import.example')}</CsvExample>
      <CsvUploadForm errors={errors} />
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
  ].slice(0, PREVIEW_ROWS)
  return (
    <ImportPreview
      summary={t('import.summary', summary)}
      headers={[t('import.line'), t('users.name'), t('import.key'), t('import.regionRole'), t('import.outcome')]}
      rows={shown.map((row) => (
        <tr key={row.line} className={row.problems.length ? 'bg-red-50' : undefined}>
          <td className="px-3 py-2">{row.line}</td>
          <td className="px-3 py-2">{row.name}</td>
          <td className="px-3 py-2">{[row.email, row.employeeNumber].filter(Boolean).join(' · ')}</td>
          <td className="px-3 py-2">
            {row.region && row.role ? `${row.region.name} · ${t(`roles.${row.role}`)}` : '—'}
          </td>
          <td className="px-3 py-2">
            <RowOutcome
              problems={row.problems.map((problem) => t(`import.problems.${problem}`))}
              outcome={t(`import.actions.${row.action}`)}
            />
          </td>
        </tr>
      ))}
      total={rows.length}
      problems={summary.problems}
      csv={csv}
      applyLabel={t('import.apply', { count: summary.create + summary.update })}
      notes={
        missing.length ? (
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
        ) : null
      }
      applyFields={
        missing.length ? (
          <label className="mb-3 flex min-h-11 items-center gap-2">
            <input type="checkbox" name="deactivateMissing" />
            {t('import.deactivateMissing', { count: missing.length })}
          </label>
        ) : null
      }
    />
  )
}

export const ErrorBoundary = GeneralErrorBoundary
