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
/** pg_trgm word similarity from which a word counts as a typo of the search term. */
const TYPO_THRESHOLD = 0.4

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
  // Typos only when the words themselves find nothing, so exact hits are never diluted.
  // The ability decides, as everywhere (see authorizeHandbook): the SQL only returns published
  // guidelines of a region the reader may read published guidelines of.
  authorizeHandbook(ability, regionId)
  let rows = await searchRows(regionId, tokens, false)
  if (!rows.length) rows = await searchRows(regionId, tokens, true)
  return rows.map((r) => ({ id: r.id, title: r.title, principleTitle: r.principleTitle, snippet: snippetParts(r.snippet), typo: r.rank === 0 }))
}

function searchRows(regionId: string, tokens: string[], typos: boolean) {
  // Every word must match; the last one also as a prefix, for search-as-you-type.
  const tsquery = tokens.map((t, i) => (i === tokens.length - 1 ? `${t}:*` : t)).join(' & ')
  const typoTokens = typos ? tokens.filter((t) => t.length >= 4) : []
  if (typos && typoTokens.length !== tokens.length) return Promise.resolve([])
  // Each current version's text is turned into a tsvector once; snippets only for the top hits.
  return prisma.$queryRaw<{ id: string; title: string; principleTitle: string; snippet: string; rank: number; typo: number }[]>`
    WITH q AS (SELECT to_tsquery('dutch', ${tsquery}) AS query),
    current AS (
      SELECT g."id", v."title", v."bodyText", pv."title" AS "principleTitle",
        to_tsvector('dutch', v."title" || ' ' || v."bodyText") AS doc,
        to_tsvector('dutch', v."title") AS head,
        to_tsvector('dutch', pv."title") AS why
      FROM "Guideline" g
      JOIN "GuidelineVersion" v ON v."guidelineId" = g."id" AND v."number" = g."publishedVersion"
      JOIN "Principle" p ON p."id" = g."principleId"
      JOIN "PrincipleVersion" pv ON pv."principleId" = p."id" AND pv."number" = p."publishedVersion"
      WHERE g."regionId" = ${regionId} AND g."publishedVersion" > 0 AND g."status" <> 'archived' AND p."status" <> 'archived'
    ),
    scored AS (
      SELECT c."id", c."title", c."bodyText", c."principleTitle",
        (ts_rank_cd(c.doc, q.query) + 2 * ts_rank_cd(c.head, q.query) + 0.5 * ts_rank_cd(c.why, q.query))::float8 AS "rank",
        (SELECT coalesce(min(word_similarity(t, c."title" || ' ' || c."bodyText" || ' ' || c."principleTitle")), 0)
          FROM unnest(${typoTokens}::text[]) AS t)::float8 AS "typo"
      FROM current c CROSS JOIN q
      WHERE ${typos}::boolean = false AND (c.doc @@ q.query OR c.why @@ q.query)
        OR ${typos}::boolean = true AND NOT EXISTS (
          SELECT 1 FROM unnest(${typoTokens}::text[]) AS t
          WHERE word_similarity(t, c."title" || ' ' || c."bodyText" || ' ' || c."principleTitle") < ${TYPO_THRESHOLD})
      ORDER BY "rank" DESC, "typo" DESC, c."title"
      LIMIT ${MAX_RESULTS}
    )
    SELECT s."id", s."title", s."principleTitle", s."rank", s."typo",
      ts_headline('dutch', s."title" || '. ' || s."bodyText", q.query,
        ${`StartSel=${SNIPPET_START}, StopSel=${SNIPPET_END}, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`}) AS "snippet"
    FROM scored s CROSS JOIN q
    ORDER BY s."rank" DESC, s."typo" DESC, s."title"`
}
