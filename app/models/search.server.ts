// Handbook search: PostgreSQL full-text search with the `dutch` configuration (stemming:
// "klachten" finds "klacht") over a guideline's published title and text and its principle's
// title, ranked, with highlighted snippets; plus pg_trgm word similarity for typos ("retuor"
// finds "retour"). The ability must allow reading the region's published guidelines first, and
// the SQL returns nothing else, so search never shows what a guideline page would refuse.
import type { AppAbility } from '~/permissions/ability.ts'
import { authorizeHandbook } from './handbook.server.ts'
import { prisma } from '~/utils/db.server.ts'

export const SNIPPET_START = '\u0002'
export const SNIPPET_END = '\u0003'
const MAX_RESULTS = 20
/** pg_trgm similarity from which a published word counts as what a misspelt search word meant. */
const TYPO_THRESHOLD = 0.25
/** How many resembling words a misspelt word is replaced by. */
const CORRECTIONS_PER_WORD = 3

/** Letters and digits only: user input never reaches tsquery syntax. */
export function searchTokens(query: string): string[] {
  return (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => t.length >= 2).slice(0, 8)
}

export type SnippetPart = { text: string; hit: boolean }
export type SearchHit = { id: string; title: string; principleTitle: string; snippet: SnippetPart[]; typo: boolean }

/** ts_headline's output split into plain and matched parts (so the browser never gets markup). */
export function snippetParts(snippet: string): SnippetPart[] {
  return snippet
    .split(SNIPPET_START)
    .flatMap((chunk, i) => {
      if (i === 0) return [{ text: chunk, hit: false }]
      const [hit = '', rest = ''] = chunk.split(SNIPPET_END)
      return [
        { text: hit, hit: true },
        { text: rest, hit: false },
      ]
    })
    .filter((part) => part.text.length > 0)
}

export async function searchHandbook(ability: AppAbility, regionId: string, query: string): Promise<SearchHit[]> {
  const tokens = searchTokens(query)
  if (!tokens.length) return []
  authorizeHandbook(ability, regionId)
  const exact = tokens.map((t, i) => (i === tokens.length - 1 ? `${t}:*` : t)).join(' & ')
  let rows = await searchRows(regionId, exact)
  let typo = false
  if (!rows.length) {
    const corrected = await correctedQuery(tokens)
    if (corrected) {
      rows = await searchRows(regionId, corrected)
      typo = true
    }
  }
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    principleTitle: r.principleTitle,
    snippet: snippetParts(r.snippet),
    typo,
  }))
}

/**
 * Typo tolerance: each word of 4+ letters is replaced by the published words it resembles most
 * (pg_trgm similarity, from the SearchWord vocabulary that triggers keep), so "retuor" searches
 * for "retour". Null when a word resembles nothing: then there is nothing to find.
 */
async function correctedQuery(tokens: string[]): Promise<string | null> {
  const long = tokens.filter((t) => t.length >= 4)
  if (!long.length) return null
  const rows = await prisma.$queryRaw<{ token: string; word: string }[]>`
    SELECT t.token, w.word
    FROM unnest(${long}::text[]) AS t(token)
    CROSS JOIN LATERAL (
      SELECT "word" FROM "SearchWord" ORDER BY "word" <-> t.token LIMIT ${CORRECTIONS_PER_WORD}
    ) AS w
    WHERE similarity(w.word, t.token) >= ${TYPO_THRESHOLD}`
  const corrections = new Map<string, string[]>()
  for (const { token, word } of rows) {
    // Only plain words go into the tsquery (the vocabulary may hold e.g. hyphenated parts).
    if (/^[\p{L}\p{N}]+$/u.test(word)) corrections.set(token, [...(corrections.get(token) ?? []), word])
  }
  const parts: string[] = []
  for (const token of tokens) {
    if (token.length < 4) {
      parts.push(token)
      continue
    }
    const words = corrections.get(token)
    if (!words?.length) return null
    parts.push(`(${words.join(' | ')})`)
  }
  return parts.join(' & ')
}

function searchRows(regionId: string, tsquery: string) {
  return prisma.$queryRaw<{ id: string; title: string; principleTitle: string; snippet: string; rank: number }[]>`
    WITH q AS (SELECT to_tsquery('dutch', ${tsquery}) AS query),
    current AS (
      SELECT g."id", v."title", v."bodyText", pv."title" AS "principleTitle",
        v."searchDoc" AS doc, v."searchHead" AS head, pv."searchTitle" AS why
      FROM "Guideline" g
      JOIN "GuidelineVersion" v ON v."guidelineId" = g."id" AND v."number" = g."publishedVersion"
      JOIN "Principle" p ON p."id" = g."principleId"
      JOIN "PrincipleVersion" pv ON pv."principleId" = p."id" AND pv."number" = p."publishedVersion"
      WHERE g."regionId" = ${regionId} AND g."publishedVersion" > 0 AND g."status" <> 'archived' AND p."status" <> 'archived'
    ),
    scored AS (
      SELECT c."id", c."title", c."bodyText", c."principleTitle",
        (ts_rank_cd(c.doc, q.query) + 2 * ts_rank_cd(c.head, q.query) + 0.5 * ts_rank_cd(c.why, q.query))::float8 AS "rank"
      FROM current c CROSS JOIN q
      WHERE c.doc @@ q.query OR c.why @@ q.query
      ORDER BY "rank" DESC, c."title"
      LIMIT ${MAX_RESULTS}
    )
    SELECT s."id", s."title", s."principleTitle", s."rank",
      ts_headline('dutch', s."title" || '. ' || s."bodyText", q.query,
        ${`StartSel=${SNIPPET_START}, StopSel=${SNIPPET_END}, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`}) AS "snippet"
    FROM scored s CROSS JOIN q
    ORDER BY s."rank" DESC, s."title"`
}
