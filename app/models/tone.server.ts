// The tone check's phrase families in the database: HQ adds, edits and disables them on the
// admin page (routes/tone.*); the editor and the save actions read the enabled ones on every
// request, so a change applies at once. The checking itself is app/tone/checker.ts.
import { accessibleBy } from '@casl/prisma/runtime'
import { DEFAULT_PHRASE_FAMILIES } from '~/tone/default-families.ts'
import {
  checkTone,
  compileFamilies,
  LEARNED_FAMILY_ID,
  type CompiledFamily,
  type PhraseFamilyData,
  type ToneOverrides,
  type ToneSettings,
} from '~/tone/checker.ts'
import { defaultToneModel, TONE_MODEL_DATA } from '~/tone/default-model.ts'
import { can, type Action, type AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { Conflict, invariantFound, isUniqueViolation } from '~/utils/errors.ts'
import { prisma } from '~/utils/db.server.ts'
import { firstFreeSlug, slugify } from '~/utils/slug.ts'
import type { PhraseFamilyInput } from '~/validation/schemas.ts'
import { recordAudit } from './audit.server.ts'
import { listToneReports, toneOverrides } from './tone-reports.server.ts'

export async function toneSettings(ability: AppAbility): Promise<ToneSettings> {
  const [families, overrides] = await Promise.all([activePhraseFamilies(ability), toneOverrides()])
  return { families, overrides }
}

/** The whole tone check (families, learned signal, overrides) on texts, as the editor runs it. */
export function checkTexts(settings: { compiled: CompiledFamily[]; overrides: ToneOverrides }, ...texts: string[]) {
  const options = { model: defaultToneModel(), overrides: settings.overrides }
  return texts.flatMap((text) => checkTone(text, settings.compiled, options))
}

/**
 * A principle or guideline: the title is a heading, checked by the families only (the learned
 * signal judges sentences, and headings are too terse to judge by resemblance); the body fully.
 */
export function checkDocument(
  settings: { compiled: CompiledFamily[]; overrides: ToneOverrides },
  title: string,
  body: string,
) {
  return [...checkTone(title, settings.compiled, { overrides: settings.overrides }), ...checkTexts(settings, body)]
}

let defaultsCopied: Promise<void> | null = null

/**
 * Copies in the default families the table does not hold yet (once per process). Families are
 * never deleted (only disabled), so a missing default key means it was never copied.
 */
function ensureDefaultFamilies(): Promise<void> {
  defaultsCopied ??= (async () => {
    await prisma.phraseFamily.createMany({ data: DEFAULT_PHRASE_FAMILIES, skipDuplicates: true })
    // A default nobody at HQ has edited (revision 1, no editor) follows the shipped version, so an
    // update of Leidraad brings its better patterns; HQ's own edits are never overwritten.
    for (const { key, ...family } of DEFAULT_PHRASE_FAMILIES) {
      await prisma.phraseFamily.updateMany({
        where: {
          key,
          revision: 1,
          updatedById: null,
          NOT: { patterns: family.patterns, exceptions: family.exceptions },
        },
        data: family,
      })
    }
  })().catch((error: unknown) => {
    defaultsCopied = null
    throw error
  })
  return defaultsCopied
}

const familyFields = {
  id: true,
  key: true,
  name: true,
  patterns: true,
  exceptions: true,
  explanation: true,
  suggestion: true,
  enabled: true,
  revision: true,
} as const

/** Every family the ability may read (the admin page), enabled ones first. */
export async function listPhraseFamilies(ability: AppAbility) {
  await ensureDefaultFamilies()
  return prisma.phraseFamily.findMany({
    where: accessibleBy(ability, 'read').ofType('PhraseFamily'),
    orderBy: [{ enabled: 'desc' }, { createdAt: 'asc' }, { key: 'asc' }],
    select: { ...familyFields, updatedAt: true, updatedBy: { select: { name: true } } },
  })
}

/** The enabled families, as the checker (and the editor in the browser) takes them. */
export async function activePhraseFamilies(ability: AppAbility): Promise<PhraseFamilyData[]> {
  await ensureDefaultFamilies()
  return prisma.phraseFamily.findMany({
    where: { AND: [accessibleBy(ability, 'read').ofType('PhraseFamily'), { enabled: true }] },
    orderBy: [{ createdAt: 'asc' }, { key: 'asc' }],
    select: { id: true, name: true, patterns: true, exceptions: true, explanation: true, suggestion: true },
  })
}

/**
 * The tone check's page: every family (enabled first), what the user may change, and the findings
 * of the enabled families in a text the user tries out.
 */
export async function toneOverview(ability: AppAbility, text: string) {
  authorize(ability, 'read', 'PhraseFamily')
  const [families, overrides] = await Promise.all([listPhraseFamilies(ability), toneOverrides()])
  const enabled = families.filter((family) => family.enabled)
  const names = new Map(enabled.map((family) => [family.id, family.name]))
  const findings = text
    ? checkTexts({ compiled: compileFamilies(enabled), overrides }, text).map((finding) => ({
        ...finding,
        name: names.get(finding.familyId) ?? null,
      }))
    : null
  return {
    families,
    findings,
    model: { trainedOn: TONE_MODEL_DATA.trainedOn, threshold: TONE_MODEL_DATA.threshold },
    may: { create: can(ability, 'create', 'PhraseFamily'), update: can(ability, 'update', 'PhraseFamily') },
  }
}

/** Whether the user may add phrase families (the "new family" page). */
export function requireToneEditor(ability: AppAbility) {
  authorize(ability, 'create', 'PhraseFamily')
}

/** A family if the ability may read it (NotFound otherwise) and do `action` on it (Forbidden). */
export async function requirePhraseFamily(ability: AppAbility, id: string, action: Action = 'read') {
  await ensureDefaultFamilies()
  const family = await prisma.phraseFamily.findFirst({
    where: { AND: [accessibleBy(ability, 'read').ofType('PhraseFamily'), { id }] },
    select: familyFields,
  })
  invariantFound(family)
  authorize(ability, action, 'PhraseFamily', family)
  return family
}

function familyData(input: PhraseFamilyInput) {
  return {
    name: input.name,
    patterns: input.patterns,
    exceptions: input.exceptions,
    explanation: input.explanation,
    suggestion: input.suggestion,
    enabled: input.enabled,
  }
}

export async function createPhraseFamily(ability: AppAbility, actorId: string, input: PhraseFamilyInput) {
  authorize(ability, 'create', 'PhraseFamily')
  const base = slugify(input.name) || 'familie'
  try {
    return await prisma.$transaction(async (tx) => {
      const taken = await tx.phraseFamily.findMany({ where: { key: { startsWith: base } }, select: { key: true } })
      const key = firstFreeSlug(
        base,
        taken.map((f) => f.key),
      )
      const family = await tx.phraseFamily.create({ data: { ...familyData(input), key, updatedById: actorId } })
      await recordAudit(tx, {
        actorId,
        action: 'phraseFamily.create',
        subjectType: 'PhraseFamily',
        subjectId: family.id,
        after: familyData(input),
      })
      return family
    })
  } catch (error) {
    // Someone added a family with the same name at the same moment: nothing was written.
    if (isUniqueViolation(error)) throw new Conflict('tone.errors.nameClash', 'name')
    throw error
  }
}

/** Saves a family; refused (nothing written) when someone else saved it since `input.revision`. */
export async function updatePhraseFamily(ability: AppAbility, actorId: string, id: string, input: PhraseFamilyInput) {
  const family = await requirePhraseFamily(ability, id, 'update')
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.phraseFamily.updateMany({
      where: { id, revision: input.revision ?? family.revision },
      data: { ...familyData(input), revision: { increment: 1 }, updatedById: actorId },
    })
    if (!count) throw new Conflict('tone.stale')
    const { id: _id, key: _key, revision: _revision, ...before } = family
    await recordAudit(tx, {
      actorId,
      action:
        input.enabled === family.enabled
          ? 'phraseFamily.update'
          : input.enabled
            ? 'phraseFamily.enable'
            : 'phraseFamily.disable',
      subjectType: 'PhraseFamily',
      subjectId: id,
      before,
      after: familyData(input),
    })
  })
}

/** How many brush-offs the enabled families find in the text (the count shown after a save). */
export async function countToneFindings(ability: AppAbility, title: string, text = ''): Promise<number> {
  const { families, overrides } = await toneSettings(ability)
  return checkDocument({ compiled: compileFamilies(families), overrides }, title, text).length
}

// Findings of published versions, kept per version as long as the families stay the same: a
// published version never changes, so only an edit of the families makes them stale.
let findingsCache: {
  stamp: string
  compiled: CompiledFamily[]
  overrides: ToneOverrides
  byVersion: Map<string, string[]>
} | null = null
const FINDINGS_CACHE_LIMIT = 100_000

async function versionFindings(ability: AppAbility) {
  const { families, overrides } = await toneSettings(ability)
  const stamp = JSON.stringify([families, overrides])
  if (findingsCache?.stamp !== stamp || findingsCache.byVersion.size > FINDINGS_CACHE_LIMIT) {
    findingsCache = { stamp, compiled: compileFamilies(families), overrides, byVersion: new Map() }
  }
  return findingsCache
}

/**
 * The tone check over the published version of every guideline the ability may read (optionally
 * one region's): guideline id → the names of the families it trips, one entry per finding.
 */
export async function toneFindingsOfPublishedGuidelines(ability: AppAbility, options: { regionId?: string } = {}) {
  const cache = await versionFindings(ability)
  const guidelines = await prisma.guideline.findMany({
    where: {
      AND: [
        accessibleBy(ability, 'read').ofType('Guideline'),
        options.regionId ? { regionId: options.regionId } : {},
        { status: { not: 'archived' }, publishedVersion: { gt: 0 } },
      ],
    },
    select: { id: true, publishedVersion: true },
  })
  const result = new Map<string, string[]>()
  if (!guidelines.length) return result
  const versions = await prisma.$queryRaw<{ id: string; guidelineId: string }[]>`
    SELECT v.id, v."guidelineId"
    FROM "GuidelineVersion" v JOIN "Guideline" g ON g.id = v."guidelineId" AND v.number = g."publishedVersion"
    WHERE g.id = ANY(${guidelines.map((g) => g.id)})`
  const unchecked = versions.filter((version) => !cache.byVersion.has(version.id)).map((version) => version.id)
  if (unchecked.length) {
    const names = new Map(cache.compiled.map(({ family }) => [family.id, family.name]))
    const texts = await prisma.guidelineVersion.findMany({
      where: { id: { in: unchecked } },
      select: { id: true, title: true, bodyText: true },
    })
    for (const text of texts) {
      const findings = checkDocument(cache, text.title, text.bodyText)
      cache.byVersion.set(
        text.id,
        findings.map((finding) => names.get(finding.familyId) ?? LEARNED_FAMILY_ID),
      )
    }
  }
  for (const version of versions) result.set(version.guidelineId, cache.byVersion.get(version.id) ?? [])
  return result
}

/**
 * The findings summed for the coverage overview: per cell (`<regionId>:<principleId>`) and per
 * region (`<regionId>`); cells and regions without findings are left out.
 */
export function toneCountsPerCell(
  rows: { region: { id: string }; cells: { principleId: string; guidelines: { id: string }[] }[] }[],
  findings: Map<string, string[]>,
): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const row of rows) {
    for (const cell of row.cells) {
      const count = cell.guidelines.reduce((sum, g) => sum + (findings.get(g.id)?.length ?? 0), 0)
      if (!count) continue
      counts[`${row.region.id}:${cell.principleId}`] = count
      counts[row.region.id] = (counts[row.region.id] ?? 0) + count
    }
  }
  return counts
}

const BATCH_LIMIT = 500

/**
 * HQ's "check every published guideline": the current published version of each guideline the
 * ability may read, through the whole tone check; those with findings, by region and title (at
 * most 500 listed, all counted).
 */
export async function checkPublishedGuidelines(ability: AppAbility) {
  const { families, overrides } = await toneSettings(ability)
  const settings = { compiled: compileFamilies(families), overrides }
  const names = new Map(families.map((family) => [family.id, family.name]))
  const guidelines = await prisma.guideline.findMany({
    where: {
      AND: [
        accessibleBy(ability, 'read').ofType('Guideline'),
        { status: { not: 'archived' }, publishedVersion: { gt: 0 } },
      ],
    },
    select: { id: true, region: { select: { id: true, name: true } } },
  })
  const regionOf = new Map(guidelines.map((guideline) => [guideline.id, guideline.region]))
  const versions = guidelines.length
    ? await prisma.$queryRaw<{ guidelineId: string; title: string; bodyText: string }[]>`
        SELECT v."guidelineId", v.title, v."bodyText"
        FROM "GuidelineVersion" v JOIN "Guideline" g ON g.id = v."guidelineId" AND v.number = g."publishedVersion"
        WHERE g.id = ANY(${guidelines.map((guideline) => guideline.id)})`
    : []
  const flagged = []
  for (const version of versions) {
    const findings = checkDocument(settings, version.title, version.bodyText)
    if (!findings.length) continue
    flagged.push({
      id: version.guidelineId,
      region: regionOf.get(version.guidelineId)!,
      title: version.title,
      findings: findings.map((finding) => ({
        name: names.get(finding.familyId) ?? null,
        text: finding.text,
        example: finding.example ?? null,
      })),
    })
  }
  flagged.sort((a, b) => a.region.name.localeCompare(b.region.name) || a.title.localeCompare(b.title))
  return { checked: versions.length, flaggedCount: flagged.length, flagged: flagged.slice(0, BATCH_LIMIT) }
}

/** Everything the tone page shows; writers' reports and the published check only to who may see them. */
export async function tonePage(ability: AppAbility, options: { text: string; checkPublished: boolean }) {
  const mayReport = can(ability, 'create', 'ToneReport') || can(ability, 'update', 'ToneReport')
  const [overview, reports, published] = await Promise.all([
    toneOverview(ability, options.text),
    mayReport ? listToneReports(ability) : null,
    options.checkPublished && can(ability, 'read', 'Guideline') ? checkPublishedGuidelines(ability) : null,
  ])
  return { ...overview, reports, published }
}
