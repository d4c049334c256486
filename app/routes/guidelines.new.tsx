import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DocumentEditor } from '~/components/editor/document-editor.tsx'
import { editorShouldRevalidate } from '~/components/editor/document-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { RichText } from '~/components/rich-text.tsx'
import { EMPTY_DOCUMENT } from '~/editor/document.ts'
import { renderDocumentHtml } from '~/editor/render.server.ts'
import { createGuideline, requireNewGuidelineTarget } from '~/models/guideline.server.ts'
import { toneSettings } from '~/models/tone.server.ts'
import { saveDocument } from '~/web/document.server.ts'
import { signedIn, type SignedInArgs } from '~/web/route.server.ts'

/** `/guidelines/new?region=<id>&principle=<id>`: a new draft guideline of that region under that principle. */
function requireTarget({ request, ability }: SignedInArgs) {
  const search = new URL(request.url).searchParams
  return requireNewGuidelineTarget(ability, search.get('region') ?? '', search.get('principle') ?? '')
}

export const loader = signedIn(async (args) => {
  const { region, version } = await requireTarget(args)
  return {
    tone: await toneSettings(args.ability),
    region: { id: region.id, name: region.name },
    principle: { title: version.title, html: renderDocumentHtml(version.body) },
  }
})

export const action = signedIn(async (args) => {
  const { user, ability, request } = args
  const { region, principle } = await requireTarget(args)
  return saveDocument(request, ability, {
    flash: 'guidelines.created',
    save: async (input) => {
      const guideline = await createGuideline(ability, user.id, {
        ...input,
        regionId: region.id,
        principleId: principle.id,
      })
      return `/guidelines/${guideline.id}`
    },
  })
})

export default function NewGuidelinePage() {
  const { t } = useTranslation()
  const { region, principle, tone } = useLoaderData<typeof loader>()
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div>
        <DocumentEditor
          back={{ to: `/regions/${region.id}/guidelines`, label: t('guidelines.workspace', { region: region.name }) }}
          heading={t('guidelines.new', { region: region.name })}
          title=""
          body={EMPTY_DOCUMENT}
          revision={0}
          placeholder={t('guidelines.placeholder')}
          tone={tone}
        />
      </div>
      <aside aria-labelledby="principle-aside" className="rounded border border-stone-300 bg-white p-4 text-sm">
        <h2 id="principle-aside" className="mb-1 font-semibold">
          {t('guidelines.underPrinciple')}
        </h2>
        <p className="mb-2 font-medium">{principle.title}</p>
        <RichText html={principle.html} />
      </aside>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

export const shouldRevalidate = editorShouldRevalidate
