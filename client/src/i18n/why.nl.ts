// "Waarom zie ik dit?": one short explanation per policy rule that can decide
// what a young person sees (the engine returns rule ids in
// `decision.reasons`). Written for 13-15 at language level B1; why.test.ts
// checks that every rule of the shown decision points has words, in both
// languages, and that the Dutch reads easily.

export const whyNl = {
  "incoming-contact/presentation-table":
    "Je kent deze persoon niet uit je contacten. Daarom komt het bericht eerst bij Verzoeken.",
  "incoming-contact/adult-strangers-never-normal-chat-for-minors":
    "Een volwassene die je niet kent, komt nooit meteen bij je gesprekken. Dat geldt ook als we de leeftijd niet weten. Dat is een vaste regel van de app.",
  "incoming-contact/signal-no-shared-rooms":
    "Jullie zitten niet samen in een groep. Je kent deze persoon dus waarschijnlijk niet van school of een club.",
  "incoming-contact/signal-other-server":
    "Deze persoon gebruikt een andere server. Wij weten dan minder over dit account.",
  "incoming-contact/signal-name-resembles-contact":
    "De naam lijkt op die van iemand in je contacten. Maar het is een ander account. Sommige mensen doen zich zo voor als een vriend.",
  "incoming-contact/signal-name-resembles-help-service":
    "De naam lijkt op een hulpdienst. Echte hulpdiensten sturen je niet zelf als eerste een bericht. Echte hulp vind je via de knop Hulp.",
  "contact/contact-table": "De regels van de app bepalen met wie je een gesprek kunt beginnen.",
  "contact/adults-cannot-start-contact-with-minors":
    "In deze app kan een volwassene niet zomaar met een kind chatten. Dat kan alleen als ze elkaar al kennen.",
  "contact/recipient-did-not-answer":
    "De app van deze persoon gaf nu geen antwoord. Het kan een kind of jongere zijn. Daarom zie je eerst deze melding.",
  "conversation-notice/no-standing-notice": "Bij dit gesprek hoort geen extra melding.",
  "conversation-notice/recently-accepted-stranger":
    "Je hebt dit verzoek pas geaccepteerd. Je kende deze persoon nog niet. Daarom staat hier een tijdje een herinnering. Die gaat vanzelf weg.",
  "conversation-notice/name-resembles-contact":
    "De naam lijkt op die van iemand in je contacten. Maar het is een ander account. Daarom blijft deze melding staan.",
  "conversation-notice/name-resembles-help-service":
    "De naam lijkt op een hulpdienst. Echte hulpdiensten sturen je niet zelf als eerste een bericht. Echte hulp vind je via de knop Hulp.",
  "engine/fail-closed":
    "De app kon de veiligheidsregels niet laden. Daarom is de app nu extra voorzichtig.",
  "room/joined-room-is-a-chat":
    "Je zit al in dit gesprek. Wat iemand schrijft die je niet kent, zie je pas als je dat zelf kiest.",
  "room/inviter-judged-as-first-contact":
    "We kijken eerst naar wie je uitnodigt. Ken je die persoon niet, dan komt de uitnodiging bij Verzoeken.",
  "room/strangers-inside-need-overview":
    "In deze groep zit iemand die je niet kent. Ook als een vriend je uitnodigt. Daarom zie je eerst wie erin zit.",
  "room/unknown-membership":
    "De server laat niet zien wie er in deze groep zit. Daarom komt de groep niet meteen bij je gesprekken.",
  "room/announce-strangers-joining":
    "Er kwam iemand bij dit gesprek die je niet kent. Dat laten we je altijd weten.",
  "room/name-resembles-contact":
    "De naam van deze groep lijkt op die van iemand in je contacten. Maar het is een groep, geen vriend.",
  "room/name-resembles-help-service":
    "De naam van deze groep lijkt op een hulpdienst. Echte hulp vind je via de knop Hulp.",
} as const;

export type WhyRuleId = keyof typeof whyNl;
