/** A search snippet with the matched words marked; the text is never treated as HTML. */
export function Snippet({ parts }: { parts: { text: string; hit: boolean }[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.hit ? (
          <mark key={i} className="rounded bg-yellow-200 px-0.5 font-semibold text-stone-900">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  )
}
