// Dutch, the client's first language. Every user-visible string lives here
// and in messages.en.ts; the keys of this file are the type of all keys.
// Copy for young people: short, warm, concrete (language level B1 or simpler).

export const nl = {
  "app.name": "Veilig Chatten",
  "app.tagline": "Versleuteld chatten, met hulp dichtbij.",
  "language.label": "Taal",
  "language.nl": "Nederlands",
  "language.en": "English",

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

  "session.restoring": "Je gesprekken worden geladen…",
  "session.startFailed": "Je gesprekken konden niet worden geladen. Log opnieuw in.",

  "chats.title": "Gesprekken",
  "chats.empty": "Je hebt nog geen gesprekken.",
  "chats.unread_one": "{count} nieuw bericht",
  "chats.unread_other": "{count} nieuwe berichten",
  "chats.signedInAs": "Ingelogd als {userId}",
  "chats.offline": "Geen verbinding. We proberen het opnieuw.",
  "chats.signOut": "Uitloggen",

  "conversation.back": "Terug naar gesprekken",
  "conversation.encrypted": "Berichten zijn versleuteld. Alleen jullie kunnen ze lezen.",
  "conversation.notFound": "Dit gesprek bestaat niet (meer).",
  "conversation.loadOlder": "Oudere berichten laden",
  "conversation.loadingOlder": "Oudere berichten laden…",
  "conversation.loadOlderFailed": "Oudere berichten konden niet worden geladen.",
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
