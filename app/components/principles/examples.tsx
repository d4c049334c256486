// "Zo doen andere regio's het": the guidelines regions shared as examples under a principle, each
// with its text, and a way to start one's own draft from it (copied, attributed, then adapted).
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RichText } from '~/components/rich-text.tsx'
import { Button } from '~/components/ui/form.tsx'
import { useDateFormat } from '~/utils/dates.ts'

export interface Example {
  id: string
  region: { id: string; name: string }
  title: string
  version: number
  sharedAt: Date | string
  copies: number
  html: string
}

export function ExamplesSection({
  examples,
  regions,
}: {
  examples: Example[]
  /** Where the reader may start a draft. */
  regions: { id: string; name: string }[]
}) {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  if (!examples.length) return null
  return (
    <section aria-labelledby="examples" className="mt-8">
      <h2 id="examples" className="mb-1 text-lg font-semibold">
        {t('examples.title')}
      </h2>
      <p className="mb-3 max-w-prose text-sm text-stone-700">{t('examples.intro')}</p>
      <ul className="space-y-3">
        {examples.map((example) => {
          const targets = regions.filter((r) => r.id !== example.region.id)
          return (
            <li key={example.id} id={`example-${example.id}`} className="rounded border border-stone-300 bg-white p-4">
              <details>
                <summary className="cursor-pointer">
                  <strong>{example.title}</strong>{' '}
                  <span className="text-sm text-stone-700">
                    {t('examples.line', {
                      region: example.region.name,
                      version: example.version,
                      date: formatDate(example.sharedAt),
                      count: example.copies,
                    })}
                  </span>
                </summary>
                <RichText html={example.html} className="mt-2" />
              </details>
              {targets.length ? (
                <Form method="post" className="mt-3 flex flex-wrap items-end gap-2">
                  <input type="hidden" name="exampleId" value={example.id} />
                  {targets.length === 1 ? (
                    <input type="hidden" name="regionId" value={targets[0]!.id} />
                  ) : (
                    <div>
                      <label htmlFor={`region-${example.id}`} className="block text-sm font-medium">
                        {t('examples.forRegion')}
                      </label>
                      <select
                        id={`region-${example.id}`}
                        name="regionId"
                        className="min-h-10 rounded border border-stone-400 bg-white px-2"
                      >
                        {targets.map((region) => (
                          <option key={region.id} value={region.id}>
                            {region.name}
                          </option>
                        ))}
                      </select>
                    </div>
                  )}
                  <Button name="intent" value="start-from-example" variant="secondary">
                    {targets.length === 1 ? t('examples.startIn', { region: targets[0]!.name }) : t('examples.start')}
                  </Button>
                </Form>
              ) : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
