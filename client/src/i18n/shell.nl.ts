// client i18n: the Dutch words of the app shell: the header, help, the
// sign-in and loading screens, "why am I seeing this?" around help. All a
// person can see before a session starts, so they ship with the first screen
// (its JS budget: docs/performance.md); the other areas load with their
// screens (i18n.ts `loadCopyArea`; copyAreas.test.ts checks each screen's keys).
// English: shell.en.ts.

export const shellNl = {
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
  "help.quickExitHint":
    "Verlaat de app meteen en opent een neutrale website. Op een toetsenbord kan het ook: druk 3 keer snel op Esc.",
  "help.traces.title": "Wil je geen sporen achterlaten?",
  "help.traces.quickExit":
    "Tik op Snel weg. Je gaat meteen weg uit de app en ziet een gewone website. Op een toetsenbord druk je 3 keer snel op Esc.",
  "help.traces.history":
    "Je browser onthoudt wel dat je deze app hebt geopend. Wis daarom je geschiedenis. Dat doe je in de instellingen van je browser.",
  "help.traces.app":
    "De app zelf blijft op je telefoon staan. Deel je je telefoon met iemand? Log dan uit als je klaar bent.",
  "help.need.question": "Wat is er aan de hand?",
  "help.need.hint":
    "Tik wat bij jou past. Dan zie je eerst de hulp die daarbij hoort. De app leest je berichten niet.",
  "help.need.asked-for-pictures": "Iemand vraagt om foto's van mij",
  "help.need.picture-shared": "Iemand deelt een foto van mij",
  "help.need.threatened": "Iemand bedreigt mij",
  "help.need.at-home": "Er is iets thuis",
  "help.need.want-to-talk": "Ik wil gewoon praten",
  "help.need.asked-for-pictures.intro":
    "Je hoeft geen foto's te sturen. Ook niet als iemand blijft vragen. Deze hulp denkt met je mee.",
  "help.need.picture-shared.intro":
    "Het is niet jouw schuld. Een foto kan vaak offline worden gehaald. Deze hulp helpt je daarbij.",
  "help.need.threatened.intro": "Je staat er niet alleen voor. Ben je nu in gevaar? Bel dan 112.",
  "help.need.at-home.intro":
    "Thuis hoor je veilig te zijn. Praat erover met iemand die je vertrouwt, of met deze hulp.",
  "help.need.want-to-talk.intro": "Praten helpt. Hier kun je terecht met alles wat je bezighoudt.",
  "update.available": "Nieuwe versie beschikbaar",
  "update.reload": "Vernieuwen",
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
  "signIn.error.seatCodeUsed":
    "Deze QR-code is al gebruikt. Vraag de begeleider om een nieuwe QR-code.",
  "signIn.error.seatCodeUnreachable":
    "Inloggen met deze code lukt nu niet. Scan de code straks nog een keer.",
  "signIn.seatLink.title": "Inloggen met je QR-code",
  "signIn.seatLink.byHand": "Inloggen met naam en wachtwoord",
  "signIn.notice.signedOutElsewhere":
    "Je bent uitgelogd op dit apparaat. Misschien heb je dat zelf ergens anders gedaan. Log opnieuw in om verder te chatten.",

  "session.startFailed": "Je gesprekken konden niet worden geladen. Log opnieuw in.",
  "loading.title": "De app start op",
  "loading.progress": "Stap {done} van {total} klaar",
  "loading.stage.app": "De app laden",
  "loading.stage.keys": "Je sleutels klaarzetten, zodat alleen jij je berichten leest",
  "loading.stage.sync": "Je gesprekken ophalen",
  "loading.state.done": "klaar",
  "loading.state.active": "bezig",
  "loading.state.waiting": "komt nog",
  "loading.slow": "Dit duurt langer dan normaal.",
  "loading.slowHint":
    "Misschien is je internet traag. Probeer het opnieuw. Hulp kun je altijd openen, ook nu.",
  "loading.retry": "Opnieuw proberen",
  "why.title": "Waarom zie ik dit?",
  "why.rules": "Veiligheidsregels: {pack}",
  "why.other": "Dit volgt uit de veiligheidsregels van de app.",
} as const;

export type ShellKey = keyof typeof shellNl;
