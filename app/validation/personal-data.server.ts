// Customer signals must not hold customer personal data: text that looks like an e-mail address,
// a phone number or a bank account (IBAN) is refused, with the kind named so the employee knows
// what to leave out. Phone numbers are found by libphonenumber-js (Google's metadata, Dutch
// numbers by default, international ones with +/00); numbers that reach a company rather than a
// person (0800, 0900, 088 …) pass. IBANs are checked with ibantools' mod-97 test, except that a
// Dutch-shaped account number is refused even with a typo in it.
import { findPhoneNumbersInText } from 'libphonenumber-js/max'
import { isValidIBAN } from 'ibantools'
import { Invalid } from '~/utils/errors.ts'

export type PersonalDataKind = 'email' | 'phone' | 'iban'

/** An address, also written out to get past a filter ("jan (at) voorbeeld.nl", "jan apenstaartje …"). */
const EMAIL =
  /[\p{L}\p{N}._%+-]+\s*(?:@|＠|\(at\)|\[at\]|\{at\}|\s(?:at|apenstaartje)\s)\s*[\p{L}\p{N}-]+(?:\s*(?:\.|\(dot\)|\[dot\]|\(punt\)|\[punt\]|\s(?:dot|punt)\s)\s*[\p{L}\p{N}-]+)*\s*(?:\.|\(dot\)|\[dot\]|\(punt\)|\[punt\]|\s(?:dot|punt)\s)\s*\p{L}{2,}/iu

/** Two letters, two check digits, then 11–30 letters and digits, in groups or not. */
const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}(?:[ .-]?[A-Z0-9]){11,30}\b/gi
const DUTCH_IBAN = /^NL\d{2}[A-Z]{4}\d{10}$/

/** Numbers that reach a company, not a person: free, shared-cost and premium lines, company numbers. */
const COMPANY_LINES = new Set(['TOLL_FREE', 'SHARED_COST', 'PREMIUM_RATE', 'UAN', 'VOICEMAIL'])

function hasIban(text: string) {
  for (const match of text.matchAll(IBAN_CANDIDATE)) {
    const compact = match[0].replace(/[ .-]/g, '').toUpperCase()
    // Grown too long by the words after it: try each length from 15 up.
    for (let end = compact.length; end >= 15; end--) {
      const candidate = compact.slice(0, end)
      if (DUTCH_IBAN.test(candidate) || isValidIBAN(candidate)) return true
    }
  }
  return false
}

function hasPhone(text: string) {
  // Digits glued to letters ("tel:0612345678") are found too: separate them first.
  const spaced = text.replace(/(\p{L})(\+|\d)/gu, '$1 $2')
  return findPhoneNumbersInText(spaced, { defaultCountry: 'NL', extended: false }).some(({ number }) => {
    const type = number.getType()
    return !(type && COMPANY_LINES.has(type))
  })
}

/** The first kind of personal data the text seems to hold, or null. */
export function findPersonalData(text: string): PersonalDataKind | null {
  if (EMAIL.test(text)) return 'email'
  if (hasIban(text)) return 'iban'
  if (hasPhone(text)) return 'phone'
  return null
}

/**
 * Refuses text that holds what looks like personal data, naming the field and what was found:
 * the message key is `<messages>.<kind>` (each form words it for its own readers).
 */
export function refusePersonalData(text: string | undefined, field: string, messages: string) {
  const kind = text ? findPersonalData(text) : null
  if (kind) throw new Invalid(`${messages}.${kind}`, field)
}
