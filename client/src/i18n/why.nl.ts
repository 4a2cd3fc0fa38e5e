// "Waarom zie ik dit?": one short explanation per policy rule, in words for
// the reader's age band. The engine returns rule ids in `decision.reasons`;
// every rule id it can return has words here (the type says so, and
// why.test.ts enumerates the engine's RULE_IDS).
//
// How this copy is written:
// - `child` is for 8-12: short sentences, everyday words, Flesch-Douma at
//   least 70. Every rule has one, so a child never reads the teen text.
// - `teen` is for 13-17 and for anyone whose age is unknown (an unverified
//   account may be a child or an adult): language level B1, at least 60.
// - `adult` only where the teen words would not fit an adult (an adult is
//   told why a young person is out of reach, not that they are protected).
//   Without it an adult reads the teen text (why.lookup.ts: band, then teen).
// - Say what the rule does for the reader, never blame, never scare.

import type { RuleId } from "@safety-by-design/policy-engine";
import { whyShellNl } from "./why.shell.nl.ts";

/** Whom an explanation is written for: 8-12, teens (and unknown ages), adults. */
export type WhyAudience = "child" | "teen" | "adult";

/** The words for one rule; `adult` is optional (then adults read `teen`). */
export type WhyTexts = {
  readonly child: string;
  readonly teen: string;
  readonly adult?: string;
};

export const whyNl: Readonly<Record<RuleId, WhyTexts>> = {
  // Help and the engine itself: in why.shell.nl.ts (they ship with the first screen).
  ...whyShellNl,
  // Discovery: who can find whom in "Mensen zoeken".
  "discovery/visibility-table": {
    child:
      "De app heeft regels voor zoeken. Die zeggen wie jij kunt vinden, en wie jou kan vinden.",
    teen: "De regels van de app bepalen wie wie kan vinden bij zoeken. Dat hangt af van de leeftijd en van wat iemand zelf heeft aangezet.",
  },
  "discovery/adults-never-see-minors": {
    child: "Grote mensen kunnen kinderen nooit vinden met zoeken. Dat is een vaste regel.",
    teen: "Volwassenen vinden jongeren nooit via zoeken. Dat geldt ook voor mensen van wie we de leeftijd niet weten.",
    adult:
      "Volwassenen vinden nooit iemand onder de 18 via zoeken, ook niet een contact. Daarom zie je hier geen kinderen of jongeren.",
  },
  "discovery/children-never-findable-by-strangers": {
    child:
      "Kinderen tot en met 12 jaar kan niemand vinden met zoeken. Zo ben je veilig voor mensen die je niet kent.",
    teen: "Kinderen van 8 tot 12 kan niemand vinden via zoeken, behalve hun contacten. Daarom zie je hen hier niet.",
    adult:
      "Kinderen van 8 tot 12 zijn voor niemand te vinden via zoeken, behalve voor hun eigen contacten.",
  },
  "discovery/suggestions-need-opt-in": {
    child: "De app laat jou niet zien aan mensen die je niet kent.",
    teen: "De app stelt je alleen voor aan anderen als je dat zelf apart hebt aangezet.",
    adult:
      "Jongeren worden alleen aan onbekenden voorgesteld als ze dat zelf apart hebben aangezet.",
  },

  // Contact: starting a chat (the sender's side).
  "contact/contact-table": {
    child: "De app heeft regels. Die zeggen met wie je een chat mag beginnen.",
    teen: "De regels van de app bepalen met wie je een gesprek kunt beginnen.",
  },
  "contact/adults-cannot-start-contact-with-minors": {
    child:
      "Een volwassene kan niet zomaar met een kind chatten. Dat kan alleen als ze elkaar al kennen.",
    teen: "In deze app kan een volwassene niet zomaar met een kind chatten. Dat kan alleen als ze elkaar al kennen.",
    adult:
      "Je wilt een gesprek beginnen met iemand onder de 18 die niet in je contacten staat. Dat kan een volwassene in deze app niet. Zo beschermt de app kinderen en jongeren.",
  },
  "contact/recipient-did-not-answer": {
    child: "De app van deze persoon gaf geen antwoord. Daarom zie je eerst deze melding.",
    teen: "De app van deze persoon gaf nu geen antwoord. Het kan een kind of jongere zijn. Daarom zie je eerst deze melding.",
    adult:
      "De app van deze persoon gaf nu geen antwoord. Het kan een kind of jongere zijn. Dan kan hun app je bericht apart zetten.",
  },

  // Incoming contact: a request from someone who is not a contact.
  "incoming-contact/presentation-table": {
    child: "Je kent deze persoon nog niet. Daarom komt het bericht niet meteen bij je chats.",
    teen: "Je kent deze persoon niet uit je contacten. Daarom komt het bericht eerst bij Verzoeken.",
  },
  "incoming-contact/adult-strangers-never-normal-chat-for-minors": {
    child: "Een volwassene die je niet kent, komt nooit bij je chats. Dat is een vaste regel.",
    teen: "Een volwassene die je niet kent, komt nooit meteen bij je gesprekken. Dat geldt ook als we de leeftijd niet weten. Dat is een vaste regel van de app.",
  },
  "incoming-contact/signal-no-shared-rooms": {
    child: "Jullie zitten niet samen in een groep. Je kent deze persoon dus waarschijnlijk niet.",
    teen: "Jullie zitten niet samen in een groep. Je kent deze persoon dus waarschijnlijk niet van school of een club.",
  },
  "incoming-contact/signal-other-server": {
    child:
      "Dit account komt van een andere plek dan dat van jou. Dan weten we minder over wie het is.",
    teen: "Deze persoon gebruikt een andere server. Wij weten dan minder over dit account.",
  },
  "incoming-contact/signal-name-resembles-contact": {
    child:
      "De naam lijkt op die van een vriend. Maar het is iemand anders. Soms doet iemand alsof hij een vriend is.",
    teen: "De naam lijkt op die van iemand in je contacten. Maar het is een ander account. Sommige mensen doen zich zo voor als een vriend.",
  },
  "incoming-contact/signal-name-resembles-help-service": {
    child:
      "De naam lijkt op een hulpdienst. Maar echte hulp stuurt jou niet zelf een bericht. Echte hulp vind je bij de knop Hulp.",
    teen: "De naam lijkt op een hulpdienst. Echte hulpdiensten sturen je niet zelf als eerste een bericht. Echte hulp vind je via de knop Hulp.",
  },

  // Conversation notices: the reminder in a chat you accepted.
  "conversation-notice/no-standing-notice": {
    child: "Bij deze chat hoort geen extra melding.",
    teen: "Bij dit gesprek hoort geen extra melding.",
  },
  "conversation-notice/recently-accepted-stranger": {
    child:
      "Je kende deze persoon nog niet. Daarom staat hier even een herinnering. Die gaat vanzelf weg.",
    teen: "Je hebt dit verzoek pas geaccepteerd. Je kende deze persoon nog niet. Daarom staat hier een tijdje een herinnering. Die gaat vanzelf weg.",
  },
  "conversation-notice/name-resembles-contact": {
    child:
      "De naam lijkt op die van een vriend. Maar het is iemand anders. Daarom blijft deze melding staan.",
    teen: "De naam lijkt op die van iemand in je contacten. Maar het is een ander account. Daarom blijft deze melding staan.",
  },
  "conversation-notice/name-resembles-help-service": {
    child:
      "De naam lijkt op een hulpdienst. Maar echte hulp stuurt jou niet zelf een bericht. Echte hulp vind je bij de knop Hulp.",
    teen: "De naam lijkt op een hulpdienst. Echte hulpdiensten sturen je niet zelf als eerste een bericht. Echte hulp vind je via de knop Hulp.",
  },

  // Disclosure: when your (verified) age group is shown to someone.
  "disclosure/disclosure-table": {
    child: "De app laat je leeftijd alleen zien als dat moet. En alleen aan wie dat mag.",
    teen: "De regels van de app bepalen wie je leeftijdsgroep te zien krijgt. Dat hangt af van wie de ander is: een contact, iemand van je leeftijd, of een onbekende.",
  },
  "disclosure/minor-band-never-to-strangers": {
    child: "Je leeftijd laten we nooit zien aan volwassenen die je niet kent.",
    teen: "Je leeftijdsgroep laten we nooit zien aan volwassenen die je niet kent. Zo kan een onbekende niet zien dat je jong bent.",
    adult:
      "De leeftijd van een kind of jongere krijgt een volwassene nooit te zien, behalve als ze elkaar al kennen.",
  },
  "disclosure/nothing-to-disclose-when-unverified": {
    child: "Je leeftijd is niet gecheckt. Daarom laten we geen leeftijd zien.",
    teen: "Je leeftijd is niet gecheckt. Dan laten we geen leeftijd zien. Een leeftijd die niet gecheckt is, tonen we nooit.",
  },

  // Reporting: where a report goes and what you can do next.
  "report/default-category-from-context": {
    child: "Je hoeft niet te zeggen wat er gebeurde. Wil je dat wel, dan kies je het zelf.",
    teen: "De app kiest een soort melding die past bij wat er gebeurde. Je kunt zelf een andere kiezen.",
  },
  "report/moderators-always": {
    child: "Je melding gaat altijd naar het team van de app. Alleen dat team kan hem lezen.",
    teen: "Elke melding gaat naar het team dat meldingen bekijkt. Alleen dat team kan de melding lezen, de server niet.",
  },
  "report/advice-for-material-in-chats": {
    child:
      "Soms kan ook de politie of een hulpdienst helpen. Die zie je hier. Jij kiest of je ze belt.",
    teen: "Bij deze soort melding kun je ook zelf naar een organisatie gaan, zoals de politie of Helpwanted. De app stuurt hun niets. Jij kiest zelf.",
  },
  "report/advice-for-public-websites": {
    child: "Staat het op een website? Dan kan ook een meldpunt helpen. Jij kiest of je dat doet.",
    teen: "Staat het op een openbare website? Dan kan ook Meldpunt Kinderporno helpen. Zij hebben het adres van de website nodig.",
  },
  "report/dsa-article-16-fields": {
    child:
      "Een melding heeft een paar vaste delen. De app vult die zelf in. Jij hoeft alleen op Melden te tikken.",
    teen: "Een melding moet volgens Europese regels een paar dingen hebben: wat er mis is, waar het staat en van wie de melding komt. De app vult dat zelf in.",
  },
  "report/reporter-identity-optional-for-child-sexual-abuse": {
    child: "Bij deze melding mag je je naam weglaten.",
    teen: "Bij deze soort melding mag je je naam weglaten. Dat staat in de Europese regels, zodat melden makkelijker is.",
  },
  "report/after-report-actions": {
    child: "Na een melding kun je nog meer doen. Je kunt iemand blokkeren, weggaan of hulp vragen.",
    teen: "Na een melding kun je meer doen: iemand blokkeren, het gesprek verlaten of hulp zoeken. De app laat zien wat hier past.",
  },
  "report/evidence-window": {
    child:
      "Een paar berichten van ervoor gaan mee. Dan snapt het team wat er gebeurde. Je mag ze ook weglaten.",
    teen: "Een paar berichten van ervoor gaan mee met je melding. Zo ziet het team wat er eerst gebeurde. Je kunt ze ook weglaten.",
  },
  "report/peers-not-criminalised": {
    child:
      "Het ging om iemand van jouw leeftijd. Dan helpt Helpwanted, bijvoorbeeld om een foto weg te halen. De politie hoeft niet.",
    teen: "Het gaat om iemand van jouw leeftijd. Foto's delen tussen leeftijdsgenoten is geen misdaad. Daarom helpt Helpwanted je, ook om een foto offline te krijgen. Er is geen politie nodig.",
  },
  "report/evidence-from-held-aside-request": {
    child:
      "De berichten van dit verzoek gaan mee naar het team. Jij hoeft ze niet te lezen. Het team kijkt ernaar.",
    teen: "De berichten van dit verzoek gaan mee naar het team dat meldingen bekijkt. Je hebt ze niet gezien en je krijgt ze ook niet te zien.",
  },

  // Protective settings: switching on something that makes you easier to reach.
  "protective-setting-change/setting-change-table": {
    child: "De app heeft regels voor deze knop. Die hangen af van hoe oud je bent.",
    teen: "De regels van de app bepalen of je deze instelling mag aanzetten, en of je eerst uitleg leest. Dat hangt af van je leeftijd.",
  },
  "protective-setting-change/tightening-always-allowed": {
    child: "Iets veiliger zetten mag altijd. Dat kan meteen.",
    teen: "Iets terugzetten naar de veilige stand mag altijd. Dat kan meteen, zonder vragen.",
  },
  "protective-setting-change/children-cannot-become-findable": {
    child:
      "Kinderen tot en met 12 jaar kan niemand vinden met zoeken. Daarom kun je dit niet aanzetten. Wie je al kent, kan wel met je chatten.",
    teen: "Kinderen tot en met 12 jaar kan niemand vinden via zoeken, behalve hun contacten. Daarom staat deze knop voor hen vast.",
  },

  // Rooms: groups and chats, and who is in them.
  "room/joined-room-is-a-chat": {
    child:
      "Je zit al in deze chat. Wat iemand schrijft die je niet kent, laten we niet zomaar zien.",
    teen: "Je zit al in dit gesprek. Wat iemand schrijft die je niet kent, zie je pas als je dat zelf kiest.",
  },
  "room/inviter-judged-as-first-contact": {
    child:
      "We kijken eerst wie je uitnodigt. Ken je die persoon niet? Dan komt de uitnodiging apart te staan.",
    teen: "We kijken eerst naar wie je uitnodigt. Ken je die persoon niet, dan komt de uitnodiging bij Verzoeken.",
  },
  "room/strangers-inside-need-overview": {
    child:
      "In deze groep zit iemand die je niet kent. Ook al nodigt een vriend je uit. Daarom laten we eerst zien wie erin zit, en niet wat er staat.",
    teen: "In deze groep zit iemand die je niet kent. Ook als een vriend je uitnodigt. Daarom zie je eerst wie erin zit.",
  },
  "room/unknown-membership": {
    child: "We weten niet wie er in deze groep zit. Daarom komt de groep niet meteen bij je chats.",
    teen: "De server laat niet zien wie er in deze groep zit. Daarom komt de groep niet meteen bij je gesprekken.",
  },
  "room/announce-strangers-joining": {
    child: "Er kwam iemand bij deze chat die je niet kent. Dat zeggen we je altijd.",
    teen: "Er kwam iemand bij dit gesprek die je niet kent. Dat laten we je altijd weten.",
  },
  "room/name-resembles-contact": {
    child:
      "De naam van deze groep lijkt op die van een vriend. Maar het is een groep, geen vriend.",
    teen: "De naam van deze groep lijkt op die van iemand in je contacten. Maar het is een groep, geen vriend.",
  },
  "room/name-resembles-help-service": {
    child:
      "De naam van deze groep lijkt op een hulpdienst. Maar dat is hij niet. Echte hulp vind je bij de knop Hulp.",
    teen: "De naam van deze groep lijkt op een hulpdienst. Echte hulp vind je via de knop Hulp.",
  },
  "room/notification-content": {
    child:
      "Een melding op je telefoon kan iedereen zien. Daarom staat er alleen: nieuw bericht. Niet wie het stuurt, en niet wat er staat.",
    teen: "Een melding op je telefoon kan iedereen lezen die je telefoon ziet. Daarom zegt een melding alleen dat er een nieuw bericht is, niet van wie of wat.",
    adult:
      "Een melding op je telefoon kan iedereen lezen die je telefoon ziet. Daarom laat die niet meer zien dan de regels voor jouw leeftijd toestaan.",
  },

  // Media: images and files, decided by who sent them and when, never by what they show.
  "media/incoming-table": {
    child:
      "Foto's van je contacten zie je meteen. Van iemand die je niet kent niet. De app kijkt nooit wat er op een foto staat.",
    teen: "Wie iets stuurt, bepaalt hoe je het ziet. Van je contacten zie je foto's meteen. Van anderen pas als je tikt, en eerst wazig. De app kijkt nooit wat er op een foto staat.",
    adult:
      "Wie iets stuurt, bepaalt hoe je het ziet: van je contacten meteen, van anderen pas als je tikt. De app kijkt nooit wat er op een foto staat.",
  },
  "media/recently-accepted": {
    child:
      "Je kent deze persoon nog maar kort. Daarom is de app nog even extra voorzichtig. Dat gaat vanzelf over.",
    teen: "Je hebt dit verzoek pas geaccepteerd. Daarom is de app nog even voorzichtig met foto's en bestanden. Na een paar dagen gaat dat vanzelf over.",
  },
  "media/outgoing-table": {
    child:
      "Je kent deze persoon nog niet zo goed. Een foto kan iemand bewaren. Daarom vraagt de app of je even nadenkt.",
    teen: "Je stuurt iets naar iemand die je nog niet goed kent. Wat je stuurt, kan bewaard worden. Daarom vraagt de app je even na te denken. Versturen mag nog steeds.",
  },
  "media/unsend-with-caveat": {
    child: "Je kunt iets terughalen. Maar misschien heeft de ander het al bewaard.",
    teen: "Terughalen haalt het uit het gesprek. Maar wat iemand al bewaard heeft, kan de app niet terughalen. Daarom zeggen we dat eerlijk.",
  },
};
