// The top of a handbook page below the handbook's home: the refusal shown when a form is sent
// without a connection (filled in by the page's script), and the way back to the handbook.
import { useTranslation } from 'react-i18next'

export function HandbookPageTop({ region }: { region: { id: string; name: string } }) {
  const { t } = useTranslation()
  return (
    <>
      <p
        role="alert"
        hidden
        data-offline-refusal=""
        className="mb-4 rounded border-l-4 border-red-700 bg-red-50 px-3 py-2 text-red-900"
      >
        {t('offline.refused')}
      </p>
      <p className="mb-2 text-sm print:hidden">
        <a href={`/handbook/${region.id}`} className="text-brand-800 underline">
          ← {t('handbook.title', { region: region.name })}
        </a>
      </p>
    </>
  )
}
