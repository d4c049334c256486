import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DocumentEditor } from '~/components/editor/document-editor.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { RichText } from '~/components/rich-text.tsx'
import { EMPTY_DOCUMENT } from '~/editor/document.ts'
import { renderDocumentHtml } from '~/editor/render.server.ts'
import { createGuideline, getPrincipleVersion, requirePublishedPrinciple } from '~/models/guideline.server.ts'
import { activePhraseFamilies } from '~/models/phrase-family.server.ts'
import { requireRegion } from '~/models/region.server.ts'
import { authorize } from '~/permissions/authorize.server.ts'
import { requireAbility } from '~/permissions/require-ability.server.ts'
import { parseDocumentSubmission, savedDocumentFlash } from '~/utils/document-form.server.ts'
import { redirectWithFlash } from '~/utils/flash.server.ts'
import { domainErrorReply } from '~/utils/forms.server.ts'

/** `/guidelines/new?region=<id>&principle=<id>`: a new draft guideline of that region under that principle. */
async function requireTarget(request: Request) {
  const { user, ability } = await requireAbility(request)
  const search = new URL(request.url).searchParams
  const region = await requireRegion(ability, search.get('region') ?? '')
  const principle = await requirePublishedPrinciple(ability, search.get('principle') ?? '')
  authorize(ability, 'create', 'Guideline', { regionId: region.id, status: 'draft' })
  return { user, ability, region, principle }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { ability, region, principle } = await requireTarget(request)
  const [version, toneFamilies] = await Promise.all([getPrincipleVersion(principle.id, principle.publishedVersion), activePhraseFamilies(ability)])
  return {
    toneFamilies, region: { id: region.id, name: region.name }, principle: { title: version.title, html: renderDocumentHtml(version.body) } }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, ability, region, principle } = await requireTarget(request)
  const parsed = parseDocumentSubmission(await request.formData())
  if (!parsed.ok) return parsed.reply
  try {
    const guideline = await createGuideline(ability, user.id, { ...parsed.value, regionId: region.id, principleId: principle.id })
    return redirectWithFlash(request, `/guidelines/${guideline.id}`, await savedDocumentFlash(ability, 'guidelines.created', parsed.value))
  } catch (error) {
    return domainErrorReply(parsed.submission, error)
  }
}

export default function NewGuidelinePage() {
  const { t } = useTranslation()
  const { region, principle, toneFamilies } = useLoaderData<typeof loader>()
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
          toneFamilies={toneFamilies}
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
