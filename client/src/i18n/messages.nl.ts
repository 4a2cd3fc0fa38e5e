// Dutch, the client's first language. Every user-visible string lives here
// and in messages.en.ts; the keys of this file are the type of all keys.
// Copy for young people: short, warm, concrete (language level B1 or simpler).

export const nl = {
  "app.name": "Veilig Chatten",
  "app.tagline": "Versleuteld chatten, met hulp dichtbij.",
  "language.label": "Taal",
  "language.nl": "Nederlands",
  "language.en": "English",

  "help.button": "Hulp",
  "help.title": "Hulp",
  "help.intro":
    "Zit je ergens mee? Hier vind je mensen die je kunnen helpen. Praten is gratis. Je hoeft je naam niet te zeggen.",
  "help.private":
    "Deze pagina werkt ook zonder internet. De app houdt niet bij wat je hier bekijkt.",
  "help.close": "Sluiten",
  "help.quickExit": "Snel weg",
  "help.quickExitHint": "Snel weg sluit deze pagina meteen.",
  "signIn.title": "Inloggen",
  "signIn.username": "Gebruikersnaam",
  "signIn.password": "Wachtwoord",
  "signIn.server": "Server",
  "signIn.serverHint": "Het adres van je Matrix-server.",
  "signIn.changeServer": "Andere server kiezen",
  "signIn.submit": "Inloggen",
  "signIn.busy": "Bezig met inloggen…",
  "signIn.error.wrongCredentials":
    "Je gebruikersnaam of wachtwoord klopt niet. Probeer het nog een keer.",
  "signIn.error.unreachable":
    "We kunnen de server {server} niet bereiken. Heb je internet? Klopt het adres?",
  "signIn.error.notAHomeserver": "Op {server} draait geen Matrix-server. Kijk of het adres klopt.",
  "signIn.error.unsupportedServer": "Deze server is te oud voor deze app. Nodig: {missing}.",
  "signIn.error.invalidUrl":
    "Dit serveradres klopt niet. Een goed adres ziet eruit als https://matrix.voorbeeld.nl.",
  "signIn.error.serverError":
    "Er ging iets mis op de server (fout {status}). Probeer het straks nog eens.",
  "signIn.error.required": "Vul je gebruikersnaam en wachtwoord in.",

  "session.restoring": "We laden je gesprekken…",
  "session.startFailed": "Je gesprekken konden niet worden geladen. Log opnieuw in.",

  "chats.title": "Gesprekken",
  "chats.empty": "Je hebt nog geen gesprekken.",
  "chats.unread_one": "{count} nieuw bericht",
  "chats.unread_other": "{count} nieuwe berichten",
  "chats.signedInAs": "Ingelogd als {userId}",
  "chats.offline": "Geen verbinding. We proberen het opnieuw.",
  "chats.signOut": "Uitloggen",

  "home.tabs": "Lijsten",
  "home.tab.chats": "Gesprekken",
  "home.tab.requests": "Verzoeken",
  "home.newChat": "Nieuw gesprek",
  "home.controlArm": "Dit is een test. De app beschermt je nu niet. Alleen voor onderzoek.",
  "home.policyFailedClosed":
    "De app kon je instellingen niet laden. Daarom is hij nu extra voorzichtig.",
  "invitation.wantsToChat": "{name} wil met je chatten.",
  "invitation.accept": "Accepteren",
  "requests.empty": "Je hebt geen verzoeken.",
  "requests.intro":
    "Hier staan berichten van mensen die niet in je contacten staan. Jij kiest wat je ermee doet.",
  "requests.heldAside": "Apart gezet",
  "requests.open": "Bekijken",
  "request.title": "Verzoek",
  "request.from": "Van",
  "request.notFound": "Dit verzoek is er niet meer.",
  "request.accept": "Accepteren",
  "request.ignore": "Weigeren",
  "request.block": "Blokkeren",
  "request.back": "Terug naar verzoeken",
  "request.previewHidden": "Het bericht zie je pas als je het verzoek accepteert.",
  "newChat.title": "Nieuw gesprek",
  "newChat.matrixId": "Matrix-ID van de ander",
  "newChat.matrixIdHint": "Bijvoorbeeld @lotte:localhost",
  "newChat.start": "Gesprek starten",
  "newChat.continue": "Toch doorgaan",
  "newChat.cancel": "Annuleren",
  "newChat.back": "Terug naar gesprekken",
  "newChat.error.invalidId":
    "Dit is geen geldig Matrix-ID. Een Matrix-ID ziet eruit als @naam:server.",
  "newChat.error.self": "Dit is je eigen Matrix-ID.",
  "newChat.error.failed": "Het gesprek kon niet worden gestart. Probeer het nog eens.",
  "recovery.offer.title": "Bewaar je herstelcode",
  "recovery.offer.text":
    "Met een herstelcode kun je je oude berichten ook lezen op een nieuwe telefoon. Alleen jij krijgt de code. Ook wij kunnen hem niet terughalen.",
  "recovery.offer.create": "Maak mijn herstelcode",
  "recovery.later": "Later",
  "recovery.password": "Je wachtwoord",
  "recovery.showKey.title": "Jouw herstelcode",
  "recovery.showKey.text":
    "Schrijf deze code op of bewaar hem op een veilige plek. Je ziet hem maar één keer. Geef hem nooit aan iemand anders, ook niet als iemand erom vraagt.",
  "recovery.showKey.copy": "Kopiëren",
  "recovery.showKey.saved": "Ik heb mijn herstelcode bewaard",
  "recovery.showKey.done": "Klaar",
  "recovery.enter.title": "Oude berichten lezen",
  "recovery.enter.text":
    "Op deze telefoon kun je je oude berichten nog niet lezen. Typ je herstelcode. Let op hoofdletters.",
  "recovery.enter.label": "Herstelcode",
  "recovery.enter.submit": "Berichten openen",
  "recovery.restored": "Gelukt. Je oude berichten zijn weer te lezen.",
  "recovery.continue": "Verder naar je gesprekken",
  "recovery.error.empty": "Typ eerst je herstelcode.",
  "recovery.error.typo": "Er zit een tikfout in de code. Kijk hem nog eens goed na.",
  "recovery.error.wrongKey": "Dit is niet de goede herstelcode. Probeer het nog eens.",
  "recovery.error.notSetUp": "Er is nog geen herstelcode voor dit account.",
  "recovery.error.passwordNeeded": "Typ je wachtwoord om te laten zien dat jij het bent.",
  "recovery.error.wrongPassword": "Dit wachtwoord klopt niet. Probeer het nog eens.",
  "conversation.back": "Terug naar gesprekken",
  "conversation.encrypted": "Alleen jullie kunnen deze berichten lezen. Ook wij niet.",
  "conversation.notFound": "Dit gesprek bestaat niet (meer).",
  "conversation.loadOlder": "Oudere berichten laden",
  "conversation.loadingOlder": "Oudere berichten laden…",
  "conversation.loadOlderFailed":
    "Oudere berichten laden lukt nu niet. Probeer het straks nog eens.",
  "conversation.noOlder": "Dit is het begin van het gesprek.",
  "conversation.composerLabel": "Bericht",
  "conversation.composerPlaceholder": "Schrijf een bericht",
  "conversation.send": "Versturen",
  "conversation.sending": "Wordt verstuurd…",
  "conversation.failed": "Niet verstuurd.",
  "conversation.retry": "Opnieuw proberen",
  "conversation.undecryptable_one":
    "{count} bericht kun je hier niet lezen. Het is versleuteld voor een eerdere login of een ander apparaat.",
  "conversation.undecryptable_other":
    "{count} berichten kun je hier niet lezen. Ze zijn versleuteld voor een eerdere login of een ander apparaat.",
  "conversation.you": "Jij",
  "conversation.actions": "Opties voor dit gesprek",
  "conversation.leave": "Gesprek verlaten",
  "conversation.block": "{name} blokkeren",
  "conversation.messagesLabel": "Berichten",
} as const;

export type MessageKey = keyof typeof nl;
