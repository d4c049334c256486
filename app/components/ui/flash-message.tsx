import { useTranslation } from 'react-i18next'
import type { Flash } from '~/web/flash.server.ts'

export function FlashMessage({ flash }: { flash: Flash }) {
  const { t } = useTranslation()
  const style =
    flash.kind === 'success' ? 'border-green-700 bg-green-50 text-green-900' : 'border-red-700 bg-red-50 text-red-900'
  return (
    // Focused after the action that caused it (app/components/app-shell.tsx), so it is read out.
    <p id="flash" role="status" tabIndex={-1} className={`mb-4 rounded border-l-4 px-4 py-3 focus:outline-2 ${style}`}>
      {t(flash.key, flash.values)}
      {flash.detail ? (
        <>
          {' '}
          <span data-testid="flash-detail">{t(flash.detail.key, flash.detail.values)}</span>
        </>
      ) : null}
    </p>
  )
}
