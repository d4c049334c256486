// The search's synonym groups in the database ("geld terug" ~ "terugbetaling" ~ "refund"): HQ
// adds, edits and disables them on the search words page (routes/search-words.tsx); the Dutch
// defaults (app/search/default-synonyms.json) are copied in the first time the list is read.
// The search reads the enabled groups through a per-process cache that every edit clears at once,
// in every app process (app/utils/cache-invalidation.server.ts).
import { accessibleBy } from '@casl/prisma/runtime'
import DEFAULT_SYNONYMS from '~/search/default-synonyms.json'
import FILLERS from '~/search/fillers.json'
import { buildLexicon, queryWords, type Lexicon } from '~/search/query.ts'
import { can, type AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { Conflict, invariantFound, isUniqueViolation } from '~/utils/errors.ts'
import { announceChange, onChange } from '~/utils/cache-invalidation.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { firstFreeSlug, slugify } from '~/utils/slug.ts'
import type { SearchSynonymInput } from '~/validation/schemas.ts'
import { recordAudit } from './audit.server.ts'

let defaultsCopied: Promise<void> | null = null

/** Copies in the default groups the table does not hold yet (once per process; groups are disabled, never deleted). */
function ensureDefaultSynonyms(): Promise<void> {
  defaultsCopied ??= (async () => {
    await prisma.searchSynonym.createMany({
      data: DEFAULT_SYNONYMS.map((group) => ({ key: group.key, terms: group.terms.join('\n') })),
      skipDuplicates: true,
    })
  })().catch((error: unknown) => {
    defaultsCopied = null
    throw error
  })
  return defaultsCopied
}

let cached: { lexicon: Promise<Lexicon> } | null = null
const CACHE_KEY = 'search-synonyms'

/** The enabled groups and the filler words, prepared for query analysis. */
export function searchLexicon(): Promise<Lexicon> {
  if (cached) return cached.lexicon
  const lexicon = (async () => {
    await ensureDefaultSynonyms()
    const rows = await prisma.searchSynonym.findMany({
      where: { enabled: true },
      orderBy: { key: 'asc' },
      select: { key: true, terms: true },
    })
    return buildLexicon(
      rows.map((row) => ({ key: row.key, terms: termLines(row.terms) })),
      FILLERS,
    )
  })()
  cached = { lexicon }
  lexicon.catch(() => {
    cached = null
  })
  return lexicon
}

function forgetLexicon() {
  cached = null
}
onChange(CACHE_KEY, forgetLexicon)

/** One term per line; blank lines and repeats dropped. */
export function termLines(terms: string): string[] {
  return [
    ...new Set(
      terms
        .split('\n')
        .map((line) => queryWords(line).join(' '))
        .filter(Boolean),
    ),
  ]
}

const readable = (ability: AppAbility) => accessibleBy(ability, 'read').ofType('SearchSynonym')

/** The search words page: every group (enabled first, then by key) and what the user may change. */
export async function listSearchSynonyms(ability: AppAbility) {
  authorize(ability, 'read', 'SearchSynonym')
  await ensureDefaultSynonyms()
  const groups = await prisma.searchSynonym.findMany({
    where: readable(ability),
    orderBy: [{ enabled: 'desc' }, { key: 'asc' }],
    select: { id: true, key: true, terms: true, enabled: true, revision: true },
  })
  return {
    groups,
    may: { create: can(ability, 'create', 'SearchSynonym'), update: can(ability, 'update', 'SearchSynonym') },
  }
}

export async function createSearchSynonym(ability: AppAbility, actorId: string, input: SearchSynonymInput) {
  authorize(ability, 'create', 'SearchSynonym')
  const terms = termLines(input.terms)
  const base = slugify(terms[0] ?? '') || 'groep'
  try {
    return await prisma.$transaction(async (tx) => {
      const taken = await tx.searchSynonym.findMany({ where: { key: { startsWith: base } }, select: { key: true } })
      const key = firstFreeSlug(
        base,
        taken.map((g) => g.key),
      )
      const group = await tx.searchSynonym.create({
        data: { key, terms: terms.join('\n'), enabled: input.enabled, updatedById: actorId },
      })
      await recordAudit(tx, {
        actorId,
        action: 'searchSynonym.create',
        subjectType: 'SearchSynonym',
        subjectId: group.id,
        after: { terms, enabled: input.enabled },
      })
      await announceChange(tx, CACHE_KEY)
      return group
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict('searchWords.errors.clash', 'terms')
    throw error
  } finally {
    forgetLexicon()
  }
}

/** Saves a group; refused (nothing written) when someone else saved it since `input.revision`. */
export async function updateSearchSynonym(ability: AppAbility, actorId: string, id: string, input: SearchSynonymInput) {
  const group = await prisma.searchSynonym.findFirst({ where: { AND: [readable(ability), { id }] } })
  invariantFound(group)
  authorize(ability, 'update', 'SearchSynonym', group)
  const terms = termLines(input.terms)
  try {
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.searchSynonym.updateMany({
        where: { id, revision: input.revision ?? group.revision },
        data: { terms: terms.join('\n'), enabled: input.enabled, revision: { increment: 1 }, updatedById: actorId },
      })
      if (!count) throw new Conflict('searchWords.stale')
      await recordAudit(tx, {
        actorId,
        action: 'searchSynonym.update',
        subjectType: 'SearchSynonym',
        subjectId: id,
        before: { terms: termLines(group.terms), enabled: group.enabled },
        after: { terms, enabled: input.enabled },
      })
      await announceChange(tx, CACHE_KEY)
    })
  } finally {
    forgetLexicon()
  }
}
