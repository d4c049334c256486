import { useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { CsvExample, CsvUploadForm } from '~/components/csv-upload-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ImportPreview, PREVIEW_ROWS, RowOutcome } from '~/components/import-preview.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { applySignalImport, previewSignalImport, requireSignalImport } from '~/models/signal-import.server.ts'
import { CsvApplyFields, CsvPreviewFields, csvText } from '~/web/csv-upload.server.ts'
import { dispatch, intent } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

/**
 * Customer signals from a complaint or survey tool (a region's manager, the admin): preview every
 * row, then apply all or nothing; rows imported before are skipped.
 */
export const loader = signedIn(({ ability }) => {
  requireSignalImport(ability)
  return null
})

const ImportIntents = z.discriminatedUnion('intent', [
  intent('preview', CsvPreviewFields),
  intent('apply', CsvApplyFields),
])

export const action = signedIn(({ request, user, ability }) =>
  dispatch(request, ImportIntents, {
    preview: async (fields) => {
      const text = await csvText(fields)
      return { preview: await previewSignalImport(ability, text), csv: text }
    },
    apply: async ({ csv }) => {
      const result = await applySignalImport(ability, user.id, csv)
      return { flash: 'signals.import.applied', values: result, to: '/signals/import' }
    },
  }),
)

export default function SignalImportPage() {
  const { t } = useTranslation()
  const data = useActionData<typeof action>()
  const preview = data && 'preview' in data ? data : null
  const errors = data && 'result' in data ? data.result.error : undefined
  return (
    <>
      <PageTitle>{t('signals.import.title')}</PageTitle>
      <p className="mb-2 max-w-prose text-stone-700">{t('signals.import.intro')}</p>
      <CsvExample>{t('signals.import.example')}</CsvExample>
      <CsvUploadForm errors={errors} />
      {preview ? <Preview preview={preview.preview} csv={preview.csv} /> : null}
    </>
  )
}

type PreviewData = Awaited<ReturnType<typeof previewSignalImport>>

function Preview({ preview, csv }: { preview: PreviewData; csv: string }) {
  const { t } = useTranslation()
  const { summary, rows } = preview
  const shown = [
    ...rows.filter((r) => r.problems.length),
    ...rows.filter((r) => !r.problems.length && !r.known),
    ...rows.filter((r) => !r.problems.length && r.known),
  ].slice(0, PREVIEW_ROWS)
  return (
    <ImportPreview
      summary={t('signals.import.summary', summary)}
      headers={[
        t('import.line'),
        t('signals.import.date'),
        t('signals.import.region'),
        t('signals.import.kind'),
        t('signals.import.text'),
        t('signals.import.outcome'),
      ]}
      rows={shown.map((row) => (
        <tr key={row.line} className={row.problems.length ? 'bg-red-50' : undefined}>
          <td className="px-3 py-2">{row.line}</td>
          <td className="whitespace-nowrap px-3 py-2">{row.date}</td>
          <td className="px-3 py-2">{row.region?.name ?? '—'}</td>
          <td className="px-3 py-2">{row.kind ? t(`signals.kinds.${row.kind}`) : '—'}</td>
          <td className="px-3 py-2">
            {row.text.length > 160 ? `${row.text.slice(0, 160)}…` : row.text}
            {row.guideline ? <span className="block text-stone-700">{row.guideline.title}</span> : null}
            {row.noRule ? <span className="block text-stone-700">{t('signals.noRule')}</span> : null}
          </td>
          <td className="px-3 py-2">
            <RowOutcome
              problems={row.problems.map((problem) => t(`signals.import.problems.${problem}`))}
              outcome={t(row.known ? 'signals.import.known' : 'signals.import.add')}
            />
          </td>
        </tr>
      ))}
      total={rows.length}
      problems={summary.problems}
      csv={csv}
      applyLabel={t('signals.import.apply', { count: summary.add })}
    />
  )
}

export const ErrorBoundary = GeneralErrorBoundary
