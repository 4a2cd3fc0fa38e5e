import type { AgeBand } from "../model/bands.ts";
import type { RelationshipClass, StrangerClass } from "../model/ids.ts";
import type { CompiledPack } from "../pack/compile.ts";

/**
 * What `other` is to the protected person, judged only on verified facts: a
 * peer is whatever the pack calls a peer of the protected person's band;
 * otherwise the other's verified band (or its absence) decides.
 */
export function strangerClass(self: AgeBand, other: AgeBand, pack: CompiledPack): StrangerClass {
  if (pack.peers[self][other]) return "peer-stranger";
  if (other === "18+") return "adult-stranger";
  if (other === "unverified") return "unverified-stranger";
  return "minor-stranger";
}

export function relationshipClass(
  self: AgeBand,
  other: AgeBand,
  isContact: boolean,
  pack: CompiledPack,
): RelationshipClass {
  return isContact ? "contact" : strangerClass(self, other, pack);
}
