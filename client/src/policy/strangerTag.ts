// Policy layer: the small shape number that tells two people apart whose
// names the engine keeps back. Its own module (no imports) so that screens
// can use it without pulling name folding and its Unicode tables into the
// first download. Owns no decision: it only labels people the room decision keeps back.

const TAGS = 12;

/** A stable small number per user ID, so two strangers can be told apart without a name. */
export function strangerTag(userId: string): number {
  let hash = 0;
  for (let index = 0; index < userId.length; index++) {
    hash = (hash * 31 + userId.charCodeAt(index)) >>> 0;
  }
  return hash % TAGS;
}
