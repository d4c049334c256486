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
const ACTION_STEMS =
  `bel zoek vraag regel zorg kijk stuur schrijf noteer maak help los breng loop neem geef haal leg mail
  plan boek verbind pak check controleer ruil bestel meld zet reken tel roep laat stel kom hou bied verwerk pas navra
  terugbel terugbet uitzoek opzoek doorgeef doorgev doorzet nakijk ophaal omruil opschrijf vervang vergoed crediteer
  corrigeer herstel repareer inplan reserveer call ask find send email walk take note write arrange sort fix give book
  bring look phone ring order swap pass refund replace offer process hand reserve check chase escalate credit print
  contact`
    .split(/\s+/)
    .filter((stem) => stem.length >= 3)
// Helping verbs: "ik ga …", "I will …", "I am going to …" promise something only with an action after them.
const AUXILIARIES = words(
  'ga gaan gaat zal zullen kan kun kunnen wil will can shall would am going to have get even ff zelf u je het dat',
)

const actions = new Map<string, boolean>()
/** Whether the word is a verb of doing something for the customer ("bel", "terugbellen", "check"). */
function isAction(word: string): boolean {
  let known = actions.get(word)
  if (known === undefined) {
    known = ACTION_STEMS.some((stem) => word === stem || (word.length > stem.length && word.startsWith(stem)))
    if (actions.size > 20_000) actions.clear()
    actions.set(word, known)
  }
  return known
}

/** An action among the next few words, past helping verbs and pronouns: "ga het even navragen". */
function actionFollows(words: string[]): boolean {
  for (const word of words) {
    if (isAction(word)) return true
    if (!AUXILIARIES.has(word) && !OBJECTS.has(word)) return false
  }
  return false
}
const OBJECTS = words(
  'u je jou het dat dit ze hem haar er it you them that this uw your nu now meteen direct vandaag today',
)

/** Whether the words at `i` promise what the speaker does next: "ik bel u", "zal ik", "let me". */
function offerAt(tokens: Token[], i: number): boolean {
  const word = tokens[i]!.word
  const following = tokens.slice(i + 1, i + 6).map((token) => token.word)
  if (following.slice(0, 4).some((next) => NEGATIONS.has(next) || NOTHING.has(next))) return false
  if (word === 'let' && (following[0] === 'me' || following[0] === 'us')) return true
  if ((word === 'me' || word === 'like') && actionFollows(following.slice(word === 'like' ? 1 : 0, 4))) return true
  // "zal ik u terugbellen", "bel ik zelf de vervoerder", "shall I call": the verb before the subject.
  if (isAction(word) && SUBJECTS.has(following[0] ?? '')) return true
  if (MODALS.has(word) && SUBJECTS.has(following[0] ?? '')) return actionFollows(following.slice(1, 5))
  return SUBJECTS.has(word) && actionFollows(following.slice(0, 5))
}

/** Whether the tokens from `from` on (unquoted) hold an offer of what the speaker will do. */
export function hasOffer(tokens: Token[], from = 0): boolean {
  for (let i = from; i < tokens.length; i++) if (!tokens[i]!.quoted && offerAt(tokens, i)) return true
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
  if (turn >= 0 && hasOffer(sentence, turn)) return true
  // An instruction followed by what to do instead: "…; bied in dat geval een tegoedbon aan".
  if (next === undefined) return false
  return hasOffer(next) || (isAction(next[0]!.word) && !next.slice(1, 4).some((t) => NEGATIONS.has(t.word)))
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
