// Dutch copy of every notice the policy engine can raise (its `copyKey`s).
// The engine returns keys, never text; the reader's age band is the suffix:
// .child = 8-12, .teen13 = 13-15, .teen16 = 16-17, .adult = 18+, .general =
// age unknown (unverified account, who may be a child or an adult).
//
// How this copy is written (see docs/policy-engine.md, "Copy keys"):
// - Language level B1 or simpler; .child simpler still (short sentences,
//   everyday words). notices.test.ts checks the Flesch-Douma score.
// - Concrete facts a young person can judge, never blame, never scary.
//   Teens decide for themselves ("Jij beslist."); children get more guidance.
// - The same key is used by every pack (nl-default, strict, baseline), so a
//   text must fit every presentation its notice can have there: e.g. an
//   unknown adult's request is "filtered" for 8-12 in nl-default and
//   "declined" in strict, and a teen may accept it only after reading.
// - Help is a pointer ("de knop Hulp", "de Kindertelefoon"): the help table
//   next to the notice holds phone numbers and addresses.

import { shellNoticesNl } from "./notices.shell.nl.ts";

export const noticesNl = {
  // Fail closed: in notices.shell.nl.ts (it ships with the first screen).
  ...shellNoticesNl,
  // Incoming request from a verified adult who is not a contact.
  "notice.unknownAdult.child":
    "Een volwassene die je niet kent, wil met je chatten. Dat kan in deze app niet. Wil je erover praten? Dat kan met een volwassene die je vertrouwt, of met de Kindertelefoon.",
  "notice.unknownAdult.teen13":
    "Deze persoon is volwassen (leeftijd gecheckt) en staat niet in je contacten. Jij beslist of je het verzoek accepteert. Twijfel je? Praat erover met de Kindertelefoon. Dat is gratis en anoniem.",
  "notice.unknownAdult.teen16":
    "Deze persoon is volwassen (leeftijd gecheckt) en staat niet in je contacten. Neem de tijd en beslis zelf wat je doet. Voelt iets niet goed? De Kindertelefoon denkt met je mee.",
  "notice.unknownAdult.adult":
    "Deze persoon is volwassen (leeftijd gecheckt) en staat niet in je contacten. Bekijk het verzoek en beslis zelf of je het accepteert.",
  "notice.unknownAdult.general":
    "Deze persoon is volwassen (leeftijd gecheckt) en staat niet in je contacten. Neem de tijd en beslis zelf. Ben je jonger dan 18 en twijfel je? Praat erover met de Kindertelefoon.",

  // Incoming request from an account without a valid age check.
  "notice.unverifiedAge.child":
    "Iemand die je niet kent, wil met je chatten. We weten niet hoe oud deze persoon is. Daarom kan dat hier niet. Wil je erover praten? Dat kan met een volwassene die je vertrouwt, of met de Kindertelefoon.",
  "notice.unverifiedAge.teen13":
    "Van deze persoon weten we de leeftijd niet. Het kan een volwassene zijn die je niet kent. Jij beslist of je het verzoek accepteert. Twijfel je? Praat erover met de Kindertelefoon.",
  "notice.unverifiedAge.teen16":
    "Van deze persoon weten we de leeftijd niet. Het kan een volwassene zijn die je niet kent. Neem de tijd en beslis zelf. Voelt iets niet goed? De Kindertelefoon denkt met je mee.",
  "notice.unverifiedAge.adult":
    "Van deze persoon weten we de leeftijd niet, want die is niet gecheckt. Deze persoon staat ook niet in je contacten.",
  "notice.unverifiedAge.general":
    "Van deze persoon weten we de leeftijd niet, en deze persoon staat niet in je contacten. Neem de tijd en beslis zelf. Ben je jonger dan 18 en twijfel je? Praat erover met de Kindertelefoon.",

  // Incoming request from a verified peer (about the same age) who is not a contact.
  "notice.unknownPeer.child":
    "Dit kind is ongeveer even oud als jij, maar staat niet in je contacten. Ken je elkaar, van school of van sport? Dan mag je het verzoek accepteren. Twijfel je? Vraag een volwassene die je vertrouwt.",
  "notice.unknownPeer.teen13":
    "Deze persoon is ook een tiener (leeftijd gecheckt), maar staat niet in je contacten. Jij beslist of je het verzoek accepteert.",
  "notice.unknownPeer.teen16":
    "Deze persoon is ook een tiener (leeftijd gecheckt), maar staat niet in je contacten. Jij beslist of je reageert.",
  "notice.unknownPeer.adult":
    "Deze persoon is ook volwassen (leeftijd gecheckt), maar staat niet in je contacten.",
  "notice.unknownPeer.general":
    "Deze persoon staat niet in je contacten. Bekijk het verzoek en beslis zelf.",

  // A verified minor outside the reader's peer group who is not a contact
  // (incoming; in strict also when a teen starts the contact).
  "notice.unknownPerson.child":
    "Een tiener die je niet kent, wil met je chatten. Dat kan in deze app niet. Wil je erover praten? Dat kan met een volwassene die je vertrouwt, of met de Kindertelefoon.",
  "notice.unknownPerson.teen13":
    "Deze persoon is ook jonger dan 18 (leeftijd gecheckt), maar een stuk jonger of ouder dan jij. Jullie kennen elkaar niet uit je contacten. Jij beslist wat je doet.",
  "notice.unknownPerson.teen16":
    "Deze persoon is ook jonger dan 18 (leeftijd gecheckt), maar een stuk jonger dan jij. Jullie kennen elkaar niet uit je contacten. Jij beslist wat je doet.",
  "notice.unknownPerson.adult":
    "Deze persoon is jonger dan 18 (leeftijd gecheckt) en staat niet in je contacten.",
  "notice.unknownPerson.general":
    "Deze persoon is jonger dan 18 (leeftijd gecheckt) en staat niet in je contacten. Bekijk het verzoek en beslis zelf.",

  // Signal: a stranger shares no groups with the reader.
  "notice.noSharedRooms.child":
    "Jullie zitten niet samen in een groep. Je kent deze persoon dus ook niet uit een groepschat.",
  "notice.noSharedRooms.teen13":
    "Jullie zitten niet samen in een groep. Je kent deze persoon dus ook niet uit een groepschat.",
  "notice.noSharedRooms.teen16":
    "Jullie zitten niet samen in een groep. Weet je hoe deze persoon jou gevonden heeft?",
  "notice.noSharedRooms.adult": "Jullie zitten niet samen in een groep.",
  "notice.noSharedRooms.general":
    "Jullie zitten niet samen in een groep. Weet je hoe deze persoon jou gevonden heeft?",

  // Signal: the stranger's account is on another server (federation).
  "notice.otherServer.child":
    "Dit account zit op een andere server. Daarom weten we minder over wie dit is.",
  "notice.otherServer.teen13":
    "Dit account staat op een andere server dan dat van jou. Daarom weten we minder over deze persoon.",
  "notice.otherServer.teen16":
    "Dit account staat op een andere server dan dat van jou. Daarom weten we minder over deze persoon.",
  "notice.otherServer.adult":
    "Dit account staat op een andere server. Daarom weet jouw server minder over deze persoon.",
  "notice.otherServer.general":
    "Dit account staat op een andere server dan dat van jou. Daarom weten we minder over deze persoon.",

  // Signal: the name looks like one of the reader's contacts (impersonation).
  "notice.nameResemblesContact.child":
    "Deze naam lijkt op die van iemand die je kent. Maar het is een ander account. Twijfel je? Vraag het aan een volwassene die je vertrouwt.",
  "notice.nameResemblesContact.teen13":
    "Deze naam lijkt op die van iemand die je kent, maar het is een ander account. Vraag die persoon zelf of dit klopt. Doe dat via het account dat je al kent.",
  "notice.nameResemblesContact.teen16":
    "Deze naam lijkt op die van iemand die je kent, maar het is een ander account. Check bij die persoon zelf of dit klopt, via het account dat je al kent.",
  "notice.nameResemblesContact.adult":
    "Deze naam lijkt op die van iemand in je contacten, maar het is een ander account. Check via het account dat je al kent of dit klopt.",
  "notice.nameResemblesContact.general":
    "Deze naam lijkt op die van iemand die je kent, maar het is een ander account. Check bij die persoon zelf of dit klopt, via het account dat je al kent.",

  // Signal: the name looks like a help service; real ones are behind the Help button.
  "notice.nameResemblesHelpService.child":
    "Deze naam lijkt op een hulpdienst. Maar dit is niet die hulpdienst. Echte hulp vind je via de knop Hulp.",
  "notice.nameResemblesHelpService.teen13":
    "Deze naam lijkt op een hulpdienst, maar dit is niet die hulpdienst. Echte hulpdiensten sturen jou niet als eerste een bericht. Echte hulp vind je via de knop Hulp.",
  "notice.nameResemblesHelpService.teen16":
    "Deze naam lijkt op een hulpdienst, maar dit is niet die hulpdienst. Echte hulpdiensten sturen jou niet als eerste een bericht. Echte hulp vind je via de knop Hulp.",
  "notice.nameResemblesHelpService.adult":
    "Deze naam lijkt op een hulpdienst, maar dit is niet die hulpdienst. Echte hulpdiensten sturen niet als eerste een bericht. Echte hulp vind je via de knop Hulp.",
  "notice.nameResemblesHelpService.general":
    "Deze naam lijkt op een hulpdienst, maar dit is niet die hulpdienst. Echte hulpdiensten sturen jou niet als eerste een bericht. Echte hulp vind je via de knop Hulp.",

  // Standing reminder in a conversation recently accepted from an unknown
  // adult or an account whose age is unknown.
  "notice.recentlyAcceptedUnknownAdult.child":
    "Je kent deze persoon nog maar kort. Het is een volwassene, of we weten de leeftijd niet. Voelt iets niet goed? Stop dan, en vertel het aan een volwassene die je vertrouwt.",
  "notice.recentlyAcceptedUnknownAdult.teen13":
    "Je kent deze persoon nog maar kort. Het is een volwassene, of we weten de leeftijd niet. Vraagt deze persoon om foto's, of om iets geheim te houden? Je mag altijd stoppen, blokkeren of melden.",
  "notice.recentlyAcceptedUnknownAdult.teen16":
    "Je kent deze persoon nog maar kort. Het is een volwassene, of we weten de leeftijd niet. Vraagt deze persoon om foto's of geld, of om iets geheim te houden? Je kunt altijd stoppen, blokkeren of melden.",
  "notice.recentlyAcceptedUnknownAdult.adult":
    "Je kent deze persoon nog maar kort. Je kunt altijd blokkeren of melden.",
  "notice.recentlyAcceptedUnknownAdult.general":
    "Je kent deze persoon nog maar kort. Het is een volwassene, of we weten de leeftijd niet. Voelt iets niet goed? Je kunt altijd blokkeren of melden.",

  // Standing reminder in a conversation recently accepted from another stranger.
  "notice.recentlyAcceptedStranger.child":
    "Je kent deze persoon nog maar kort. Voelt iets niet goed? Stop dan, en vertel het aan een volwassene die je vertrouwt.",
  "notice.recentlyAcceptedStranger.teen13":
    "Je kent deze persoon nog maar kort. Voelt iets niet goed? Je mag altijd stoppen, blokkeren of melden.",
  "notice.recentlyAcceptedStranger.teen16":
    "Je kent deze persoon nog maar kort. Voelt iets niet goed? Je kunt altijd stoppen, blokkeren of melden.",
  "notice.recentlyAcceptedStranger.adult":
    "Je kent deze persoon nog maar kort. Je kunt altijd blokkeren of melden.",
  "notice.recentlyAcceptedStranger.general":
    "Je kent deze persoon nog maar kort. Voelt iets niet goed? Je kunt altijd blokkeren of melden.",

  // Sender side: a minor starts a chat with an unknown adult or unverified account.
  "notice.contactingUnknownAdult.child":
    "Deze persoon is volwassen, of we weten de leeftijd niet. Je kent deze persoon niet. Vraag eerst een volwassene die je vertrouwt.",
  "notice.contactingUnknownAdult.teen13":
    "Deze persoon is volwassen, of we weten de leeftijd niet. Jullie kennen elkaar niet uit je contacten. Jij beslist of je een gesprek begint. Twijfel je? Praat erover met de Kindertelefoon.",
  "notice.contactingUnknownAdult.teen16":
    "Deze persoon is volwassen, of we weten de leeftijd niet. Jullie kennen elkaar niet uit je contacten. Jij beslist of je een gesprek begint.",
  "notice.contactingUnknownAdult.adult":
    "Deze persoon staat niet in je contacten. Wil je toch een gesprek beginnen?",
  "notice.contactingUnknownAdult.general":
    "Deze persoon is volwassen, of we weten de leeftijd niet. Jullie kennen elkaar niet uit je contacten. Ben je jonger dan 18 en twijfel je? Praat erover met de Kindertelefoon.",

  // Sender side: starting this chat is refused (other than deterrence).
  "notice.contactNotAvailable.child":
    "Met deze persoon kun je hier geen gesprek beginnen. Zo beschermt de app kinderen. Ken je deze persoon echt? Vraag dan een volwassene om hulp.",
  "notice.contactNotAvailable.teen13":
    "Met deze persoon kun je hier geen gesprek beginnen. Zo beschermt de app jongeren tegen mensen die ze niet kennen. Je hebt niets fout gedaan.",
  "notice.contactNotAvailable.teen16":
    "Met deze persoon kun je hier geen gesprek beginnen. Zo beschermt de app jongeren tegen mensen die ze niet kennen. Je hebt niets fout gedaan.",
  "notice.contactNotAvailable.adult":
    "Met deze persoon kun je hier geen gesprek beginnen. Dat komt door de veiligheidsregels van deze app.",
  "notice.contactNotAvailable.general":
    "Met deze persoon kun je hier geen gesprek beginnen. Dat komt door de veiligheidsregels van deze app.",

  // Sender side: an adult or unverified account tried to reach a minor who is
  // not their contact. Deterrence in the spirit of IWF/Stop It Now "reThink".
  "notice.deterrence.adultToMinor":
    "Je kunt geen contact zoeken met dit account. In deze app kunnen volwassenen geen gesprek beginnen met kinderen en jongeren die ze niet kennen. Dat geldt ook voor accounts zonder gecheckte leeftijd. Maak je je zorgen over je eigen seksuele gevoelens voor kinderen of jongeren? Stop it Now helpt je, gratis en anoniem.",

  // Sender side: the recipient's age is unknown and their device did not
  // answer before the chat starts (offline). Not a refusal: the sender may go
  // on, but is told what the recipient's own app will do, with Stop it Now.
  "notice.deterrence.recipientMayHoldAside":
    "We konden de app van deze persoon nu niet bereiken. We weten dus niet of dit een kind of jongere is. Is dat zo, dan zet hun app je bericht apart. Ze zien dan eerst een waarschuwing. Maak je je zorgen over je eigen seksuele gevoelens voor kinderen of jongeren? Stop it Now helpt je, gratis en anoniem.",

  // Setting change: loosening "findable by peers" (allowed after reading for teens).
  "notice.setting.findableByPeers.child":
    "Als je dit aanzet, kunnen kinderen van jouw leeftijd je vinden als ze zoeken. Ze zien dan je naam. Volwassenen kunnen je nooit vinden.",
  "notice.setting.findableByPeers.teen13":
    "Als je dit aanzet, kunnen tieners van ongeveer jouw leeftijd je vinden als ze zoeken. Ze zien dan je naam en kunnen je een verzoek sturen. Volwassenen vinden je nooit, en je kunt dit altijd weer uitzetten.",
  "notice.setting.findableByPeers.teen16":
    "Als je dit aanzet, kunnen tieners van ongeveer jouw leeftijd je vinden als ze zoeken. Ze zien dan je naam en kunnen je een verzoek sturen. Volwassenen vinden je nooit, en je kunt dit altijd weer uitzetten.",
  "notice.setting.findableByPeers.adult":
    "Als je dit aanzet, kunnen andere volwassenen je vinden als ze zoeken. Ze zien dan je naam en kunnen je een verzoek sturen.",
  "notice.setting.findableByPeers.general":
    "Als je dit aanzet, kunnen anderen je vinden als ze zoeken. Ze zien dan je naam en kunnen je een verzoek sturen.",

  // Setting change: loosening "suggested to peers".
  "notice.setting.suggestedToPeers.child":
    "Als je dit aanzet, laat de app je zien aan kinderen van jouw leeftijd. Ze kunnen je dan een verzoek sturen. Volwassenen zien je nooit.",
  "notice.setting.suggestedToPeers.teen13":
    "Als je dit aanzet, stelt de app jou voor aan tieners van ongeveer jouw leeftijd. Ze zien dan je naam en kunnen je een verzoek sturen. Volwassenen zien je nooit, en je kunt dit altijd weer uitzetten.",
  "notice.setting.suggestedToPeers.teen16":
    "Als je dit aanzet, stelt de app jou voor aan tieners van ongeveer jouw leeftijd. Ze zien dan je naam en kunnen je een verzoek sturen. Volwassenen zien je nooit, en je kunt dit altijd weer uitzetten.",
  "notice.setting.suggestedToPeers.adult":
    "Als je dit aanzet, stelt de app jou voor aan andere volwassenen. Ze zien dan je naam en kunnen je een verzoek sturen.",
  "notice.setting.suggestedToPeers.general":
    "Als je dit aanzet, stelt de app jou voor aan anderen. Ze zien dan je naam en kunnen je een verzoek sturen.",

  // Setting change refused: the protective setting is locked for this band.
  "notice.setting.locked.child":
    "Deze instelling staat vast voor jouw leeftijd. Zo kunnen mensen die je niet kent je niet vinden.",
  "notice.setting.locked.teen13":
    "Deze instelling staat vast voor jouw leeftijd. Zo blijf je uit beeld bij mensen die je niet kent.",
  "notice.setting.locked.teen16":
    "Deze instelling staat vast voor jouw leeftijd. Zo blijf je uit beeld bij mensen die je niet kent.",
  "notice.setting.locked.adult": "Deze instelling staat vast. Je kunt dit hier niet veranderen.",
  "notice.setting.locked.general": "Deze instelling staat vast. Je kunt dit hier niet veranderen.",

  // A group invitation with someone inside who is not a contact (the group safety overview).
  "notice.groupWithStrangers.child":
    "In deze groep zit iemand die je niet kent. Daarom zetten we de groep apart. Wil je erover praten? Dat kan met een volwassene die je vertrouwt, of met de Kindertelefoon.",
  "notice.groupWithStrangers.teen13":
    "In deze groep zit iemand die je niet kent. Kijk eerst wie erin zit. Jij beslist of je meedoet. Twijfel je? Praat erover met de Kindertelefoon.",
  "notice.groupWithStrangers.teen16":
    "In deze groep zit iemand die je niet kent. Kijk eerst wie erin zit en beslis dan zelf. Voelt iets niet goed? De Kindertelefoon denkt met je mee.",
  "notice.groupWithStrangers.adult":
    "In deze groep zit iemand die niet in je contacten staat. Kijk eerst wie erin zit.",
  "notice.groupWithStrangers.general":
    "In deze groep zit iemand die je niet kent. Kijk eerst wie erin zit en beslis dan zelf. Ben je jonger dan 18 en twijfel je? Praat erover met de Kindertelefoon.",

  // A group invitation whose members the homeserver did not share.
  "notice.groupMembersUnknown.child":
    "We kunnen niet zien wie er in deze groep zit. Daarom zetten we de groep apart. Vraag het aan degene die je uitnodigde, of aan een volwassene die je vertrouwt.",
  "notice.groupMembersUnknown.teen13":
    "We kunnen niet zien wie er in deze groep zit. Vraag eerst aan degene die je uitnodigde wie erin zit. Jij beslist of je meedoet.",
  "notice.groupMembersUnknown.teen16":
    "We kunnen niet zien wie er in deze groep zit. Vraag eerst wie erin zit. Beslis daarna zelf of je meedoet.",
  "notice.groupMembersUnknown.adult":
    "We kunnen niet zien wie er in deze groep zit. Vraag eerst wie erin zit.",
  "notice.groupMembersUnknown.general":
    "We kunnen niet zien wie er in deze groep zit. Vraag eerst wie erin zit. Beslis daarna zelf of je meedoet.",

  // Someone who is not a contact joined (or was added to) a chat the reader is in.
  "notice.strangerJoined.child":
    "Er is iemand bij dit gesprek gekomen die je niet kent. Je ziet de berichten van deze persoon niet. Je kunt de groep verlaten. Vertel het aan een volwassene die je vertrouwt, of bel de Kindertelefoon.",
  "notice.strangerJoined.teen13":
    "Er is iemand bij dit gesprek gekomen die je niet kent. Hun berichten zie je pas als je dat zelf kiest. Jij beslist wat je doet. Twijfel je? De Kindertelefoon denkt met je mee.",
  "notice.strangerJoined.teen16":
    "Er is iemand bij dit gesprek gekomen die je niet kent. Hun berichten zie je pas als je dat zelf kiest. Voelt iets niet goed? De Kindertelefoon denkt met je mee.",
  "notice.strangerJoined.adult":
    "Er is iemand bij dit gesprek gekomen die niet in je contacten staat.",
  "notice.strangerJoined.general":
    "Er is iemand bij dit gesprek gekomen die je niet kent. Hun berichten zie je pas als je dat zelf kiest. Ben je jonger dan 18 en twijfel je? Praat erover met de Kindertelefoon.",

  // An image or file from someone who is not a contact: nothing downloaded until the tap, then blurred (media point).
  "notice.mediaFromStranger.child":
    "Dit komt van iemand die je niet kent. Het is nog niet gedownload. Je hoeft het niet te openen. Twijfel je? Vraag het aan een volwassene die je vertrouwt.",
  "notice.mediaFromStranger.teen13":
    "Dit komt van iemand die niet in je contacten staat. Het wordt pas gedownload als jij tikt. Je ziet het dan eerst wazig. Jij beslist of je het bekijkt. Je kunt ook blokkeren of melden.",
  "notice.mediaFromStranger.teen16":
    "Dit komt van iemand die niet in je contacten staat. Het wordt pas gedownload als jij tikt, en je ziet het eerst wazig. Jij beslist. Blokkeren, melden en hulp zijn een tik weg.",
  "notice.mediaFromStranger.adult":
    "Dit komt van iemand die niet in je contacten staat. Het wordt pas gedownload als je tikt, en je ziet het eerst wazig.",
  "notice.mediaFromStranger.general":
    "Dit komt van iemand die je niet kent. Het wordt pas gedownload als je tikt, en je ziet het eerst wazig. Ben je jonger dan 18 en voelt iets niet goed? Helpwanted en de Kindertelefoon helpen je.",

  // The same from someone whose request was accepted only recently.
  "notice.mediaRecentlyAccepted.child":
    "Je kent deze persoon nog maar kort. Daarom is dit nog niet gedownload. Tik alleen als je het wilt zien. Voelt iets niet goed? Vertel het aan een volwassene die je vertrouwt.",
  "notice.mediaRecentlyAccepted.teen13":
    "Je kent deze persoon nog maar kort. Daarom wordt dit pas gedownload als jij tikt. Je ziet het dan eerst wazig. Jij beslist. Krijg je iets wat je niet wilde zien? Je kunt blokkeren of melden.",
  "notice.mediaRecentlyAccepted.teen16":
    "Je kent deze persoon nog maar kort. Dit wordt pas gedownload als je tikt, en je ziet het eerst wazig. Jij beslist. Krijg je iets wat je niet wilde zien? Blokkeren of melden kan altijd.",
  "notice.mediaRecentlyAccepted.adult":
    "Je kent deze persoon nog maar kort. Dit wordt pas gedownload als je tikt, en je ziet het eerst wazig.",
  "notice.mediaRecentlyAccepted.general":
    "Je kent deze persoon nog maar kort. Dit wordt pas gedownload als je tikt, en je ziet het eerst wazig. Krijg je iets wat je niet wilde zien? Blokkeren of melden kan altijd.",

  // An image or file the reader's rules do not show at all (8-12 from a stranger in nl-default).
  "notice.mediaNotViewable.child":
    "Iemand die je niet kent, stuurde een foto of een bestand. Dat zie je hier niet. Zo ben je veilig. Vertel het aan een volwassene die je vertrouwt, of bel de Kindertelefoon.",
  "notice.mediaNotViewable.teen13":
    "Iemand die niet in je contacten staat, stuurde een foto of een bestand. Dat laat de app niet zien. Voelt iets niet goed? Je kunt blokkeren of melden, of praten met de Kindertelefoon.",
  "notice.mediaNotViewable.teen16":
    "Iemand die niet in je contacten staat, stuurde een foto of een bestand. Dat laat de app niet zien. Voelt iets niet goed? Je kunt blokkeren of melden. De Kindertelefoon denkt met je mee.",
  "notice.mediaNotViewable.adult":
    "Iemand die niet in je contacten staat, stuurde een foto of een bestand. Dat laten de regels van deze app hier niet zien.",
  "notice.mediaNotViewable.general":
    "Iemand die je niet kent, stuurde een foto of een bestand. Dat laat de app niet zien. Ben je jonger dan 18 en voelt iets niet goed? Praat erover met de Kindertelefoon.",

  // Before sending an image to someone the sender does not know well: think first, may still send.
  "notice.mediaThinkFirst.child":
    "Denk even na voor je dit stuurt. De ander kan een foto bewaren en aan anderen laten zien. Dan krijg je hem niet meer terug. Twijfel je? Vraag het eerst aan een volwassene die je vertrouwt.",
  "notice.mediaThinkFirst.teen13":
    "Even nadenken. Wat je stuurt, kan de ander bewaren en doorsturen. Ook als je het later terughaalt. Jij beslist. Vraagt iemand om foto's en voelt dat niet goed? Helpwanted helpt je, gratis en anoniem.",
  "notice.mediaThinkFirst.teen16":
    "Even nadenken. Wat je stuurt, kan de ander bewaren en doorsturen, ook als je het later terughaalt. Jij beslist. Zet iemand je onder druk? Helpwanted helpt je, gratis en anoniem.",
  "notice.mediaThinkFirst.adult":
    "Wat je stuurt, kan de ander bewaren en doorsturen, ook als je het later terughaalt.",
  "notice.mediaThinkFirst.general":
    "Even nadenken. Wat je stuurt, kan de ander bewaren en doorsturen, ook als je het later terughaalt. Zet iemand je onder druk? Helpwanted helpt je, gratis en anoniem.",

  // Beside "unsend" after sending: the honest caveat.
  "notice.mediaUnsendCaveat.child":
    "Je kunt dit terughalen. Maar de ander kan het al bewaard hebben. Dat kan de app niet zien.",
  "notice.mediaUnsendCaveat.teen13":
    "Je kunt dit terughalen. Dan is het weg uit het gesprek. Maar de ander kan het al bewaard of doorgestuurd hebben. Dat kan de app niet tegenhouden.",
  "notice.mediaUnsendCaveat.teen16":
    "Je kunt dit terughalen. Dan is het weg uit het gesprek. Maar de ander kan het al bewaard of doorgestuurd hebben. Dat kan de app niet tegenhouden.",
  "notice.mediaUnsendCaveat.adult":
    "Je kunt dit terughalen. Maar de ander kan het al bewaard of doorgestuurd hebben.",
  "notice.mediaUnsendCaveat.general":
    "Je kunt dit terughalen. Dan is het weg uit het gesprek. Maar de ander kan het al bewaard of doorgestuurd hebben. Dat kan de app niet tegenhouden.",
} as const;

export type NoticeCopyKey = keyof typeof noticesNl;
