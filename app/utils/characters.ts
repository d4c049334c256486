/**
 * A character no stored text can hold: a NUL (PostgreSQL refuses it in text and JSON) or half
 * of a surrogate pair (not a character at all; JSON in PostgreSQL refuses it too).
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

export function hasUnstorableCharacter(text: string): boolean {
  return UNSTORABLE.test(text)
}
