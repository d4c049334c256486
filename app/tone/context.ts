// The tone check's context rules: where a phrase family's words stand decides whether they brush a
// customer off. Quoted as what not to say, describing the situation of a condition, or followed by
// what the employee will do: then they do not. The learned signal uses the same cues as features.
import type { Token } from './text.ts'

const words = (list: string) => new Set(list.split(/\s+/))

const AVOID_VERBS = ['vermijd', 'avoid', 'voorkom']
const SPEECH_VERBS = words(`zeg zeggen gebruik gebruiken say use tell verwijs verwijzen schuif schuiven wijs wijzen
  beroep beroepen verschuil verschuilen hide refer blame point antwoord antwoorden answer reply noem noemen mention
  roep schrijf schrijven write end eindig beeindig send stuur sturen hoort horen belong`)
const NEGATIONS = words('niet nooit geen not never no')
const NOTHING = words('niets niks nothing')
const INSTEAD = words('instead plaats rather liever')
const CONDITIONS = words('als wanneer zodra mocht indien zolang if when whenever once should unless tenzij')
const THEN = words('dan then')
const SUBJECTS = words('ik we wij i')
const MODALS = words('zal zullen kan kunnen mag wil shall can may will would')
const TURNS = words('maar but en and dus so daarom however instead wel')
// What an employee says they will do next ("ik bel u terug", "let me check", "I'll walk you over"):
// verbs by their stem, so "bel", "belt" and "bellen" all count.
const COMMITMENT_STEMS =
  `ga zal kan kun wil bel zoek vraag regel zorg kijk stuur schrijf noteer maak help los breng loop
  neem geef haal leg mail plan boek verbind pak check controleer ruil bestel meld zet reken tel roep laat stel kom hou
  doe bied verwerk pas will can shall would call ask find send email walk take note write arrange sort fix give book
  bring look phone ring order swap put get see have am pass refund replace offer process set hand reserveer
  reserve`
    .split(/\s+/)
    .filter(Boolean)
const COMMITMENT_WORDS = words('ga gaan zal kan kun wil will can am have get see put set do doe')
// After "maar"/"but" a first-person clause counts as an offer unless it only thinks or feels.
const COGNITION =
  words(`snap begrijp begrijpen weet vind denk hoop ben zie voel understand know think hope am afraid see
  feel get agree sorry`)

const commitments = new Map<string, boolean>()
function isCommitment(word: string): boolean {
  let known = commitments.get(word)
  if (known === undefined) {
    known =
      COMMITMENT_WORDS.has(word) ||
      COMMITMENT_STEMS.some((stem) => stem.length >= 3 && (word === stem || (word.length > 3 && word.startsWith(stem))))
    if (commitments.size > 20_000) commitments.clear()
    commitments.set(word, known)
  }
  return known
}

/** Whether the words at `i` promise what the speaker does next: "ik bel u", "zal ik", "let me". */
function offerAt(tokens: Token[], i: number, afterTurn: boolean): boolean {
  const word = tokens[i]!.word
  const following = tokens.slice(i + 1, i + 5).map((token) => token.word)
  if (following.some((next) => NEGATIONS.has(next) || NOTHING.has(next))) return false
  if ((word === 'let' || word === 'have' || word === 'like') && (following[0] === 'me' || following[0] === 'us'))
    return true
  if (word === 'me' && isCommitment(following[0] ?? '')) return true
  // "zal ik", "kan ik", "bel ik zelf de vervoerder", "shall I": the verb before the subject.
  if ((MODALS.has(word) || isCommitment(word)) && SUBJECTS.has(following[0] ?? '')) return true
  if (!SUBJECTS.has(word)) return false
  if (following.slice(0, 3).some(isCommitment)) return true
  return afterTurn && following.length > 0 && !COGNITION.has(following[0]!)
}

/** Whether the tokens from `from` on (unquoted) hold an offer of what the speaker will do. */
export function hasOffer(tokens: Token[], from = 0, afterTurn = false): boolean {
  for (let i = from; i < tokens.length; i++) if (!tokens[i]!.quoted && offerAt(tokens, i, afterTurn)) return true
  return false
}

/** A word that says what follows is to be avoided ("vermijd", "gebruik nooit", "don't say"). */
function avoidCue(sentence: Token[], i: number): boolean {
  const word = sentence[i]!.word
  if (AVOID_VERBS.some((verb) => word.startsWith(verb)) || INSTEAD.has(word)) return true
  if (!NEGATIONS.has(word)) return false
  // "zeg niet", "niet zeggen", "never say": the negation and the verb in one clause.
  for (let j = Math.max(0, i - 2); j <= Math.min(sentence.length - 1, i + 2); j++) {
    if (j !== i && sentence[j]!.clause === sentence[i]!.clause && SPEECH_VERBS.has(sentence[j]!.word)) return true
  }
  return false
}

/**
 * "Zeg nooit 'dat is beleid'", "Verwijs niet naar de kleine lettertjes", "avoid saying …",
 * "'Ik ben nieuw hier' is geen reden …": the words are named as what not to say.
 */
export function isAvoided(sentence: Token[], first: number, last: number): boolean {
  const quoted = sentence[first]!.quoted && sentence[last]!.quoted
  for (let i = 0; i < sentence.length; i++) {
    if (sentence[i]!.quoted) continue
    if (i < first && avoidCue(sentence, i)) return true
    // A quotation with any negation around it is named, not said.
    if (quoted && (avoidCue(sentence, i) || NEGATIONS.has(sentence[i]!.word))) return true
  }
  return false
}

/** Whether the sentence is (or starts with) a condition: "Als …", "Ligt de kassa plat, reken dan …". */
export function conditionClause(sentence: Token[]): boolean {
  if (!sentence.some((token) => token.clause > 0)) return false
  if (sentence.slice(0, 2).some((token) => CONDITIONS.has(token.word))) return true
  return sentence
    .filter((token) => token.clause > 0)
    .slice(0, 5)
    .some((token) => THEN.has(token.word))
}

/** "Ligt de kassa plat, reken dan …", "If the system is down, …": the words describe the situation. */
export function isCondition(sentence: Token[], first: number, last: number): boolean {
  return sentence[first]!.clause === 0 && sentence[last]!.clause === 0 && conditionClause(sentence)
}

/**
 * An honest no followed by what the employee will do, later in the sentence (after the flagged
 * words' clause) or in the next sentence: "Het systeem ligt eruit, maar ik schrijf uw gegevens op".
 */
export function offersAlternative(sentence: Token[], last: number, next: Token[] | undefined): boolean {
  const clause = sentence[last]!.clause
  const turn = sentence.findIndex((token, i) => i > last && (token.clause > clause || TURNS.has(token.word)))
  if (turn >= 0 && hasOffer(sentence, turn, TURNS.has(sentence[turn]!.word))) return true
  // An instruction followed by what to do instead: "…; bied in dat geval een tegoedbon aan".
  if (next === undefined) return false
  return hasOffer(next) || (isCommitment(next[0]!.word) && !next.slice(1, 4).some((t) => NEGATIONS.has(t.word)))
}

/** Cues of the context rules as features of the learned signal. */
export function contextFeatures(sentence: Token[]): string[] {
  const features: string[] = []
  if (hasOffer(sentence)) features.push('s:offer')
  if (sentence.some((token) => token.quoted)) features.push('s:quote')
  if (sentence.some((token, i) => !token.quoted && avoidCue(sentence, i))) features.push('s:avoid')
  if (conditionClause(sentence)) features.push('s:condition')
  if (sentence.slice(0, 2).some((token) => NEGATIONS.has(token.word))) features.push('s:negated-start')
  return features
}
