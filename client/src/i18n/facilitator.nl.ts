// client i18n: the Dutch words of the facilitator console (console.html, a
// page of its own for usability studies). Only that page loads them
// (consoleMain.tsx). English: facilitator.en.ts.

export const facilitatorNl = {
  "facilitator.title": "Studieleiding",
  "facilitator.signIn.title": "Inloggen als studieleider",
  "facilitator.signIn.username": "Gebruikersnaam",
  "facilitator.signIn.password": "Wachtwoord",
  "facilitator.signIn.submit": "Inloggen",
  "facilitator.signedInAs":
    "Ingelogd als {userId}. Alles hieronder komt van de studiedienst op de laptop en geldt voor alle deelnemers.",
  "facilitator.signOut": "Uitloggen",
  "facilitator.error.signIn": "Inloggen lukte niet. Controleer naam en wachtwoord.",
  "facilitator.error.notFacilitator": "Dit account mag de studieleiding niet openen.",
  "facilitator.error.service": "De studiedienst antwoordt niet. Draait de demo (npm start)?",
  "facilitator.error.action":
    "Dat lukte niet: de studiedienst gaf een fout. Er is niets veranderd; probeer het opnieuw.",
  "facilitator.trust.title": "Telefoons verbinden",
  "facilitator.trust.hint":
    "De app draait via HTTPS op deze laptop. Een telefoon vertrouwt de verbinding pas als het certificaat van de klas erop staat. Doe dit één keer per telefoon, op hetzelfde wifi-netwerk als de laptop.",
  "facilitator.trust.qr": "QR-code naar het certificaat van de klas",
  "facilitator.trust.android":
    "Android: scan de code en download het bestand. Open Instellingen › Beveiliging › Meer › Certificaat installeren › CA-certificaat en kies het bestand.",
  "facilitator.trust.ios":
    "iPhone: scan de code in Safari en tik Sta toe. Open Instellingen › Profiel gedownload › Installeer. Zet daarna Instellingen › Algemeen › Info › Certificaatvertrouwen aan voor dit certificaat.",
  "facilitator.trust.laptop":
    "Chromebook of laptop: open het adres, sla het bestand op en importeer het bij Instellingen › Privacy en beveiliging › Certificaten beheren › Certificeringsinstanties.",
  "facilitator.trust.after":
    "Daarna opent de inlogcode van een deelnemer de app zonder waarschuwing. Haal het certificaat na de sessie weer van de telefoon.",
  "facilitator.setup.title": "Deelnemers aanmaken",
  "facilitator.setup.hint":
    "Studieaccounts p01, p02, … zijn verzonnen en bevatten geen persoonsgegevens. De leeftijdsgroep wordt bevestigd door de demo-leeftijdsdienst.",
  "facilitator.setup.count": "Aantal nieuwe deelnemers",
  "facilitator.setup.bands": "Leeftijdsgroepen (om de beurt)",
  "facilitator.setup.packA": "Beleid A",
  "facilitator.setup.packB": "Beleid B",
  "facilitator.setup.packNone": "Geen (alleen beleid A)",
  "facilitator.setup.balanced":
    "A en B eerlijk verdelen (per twee deelnemers één A en één B, in willekeurige volgorde)",
  "facilitator.setup.create": "Accounts maken",
  "facilitator.packs.invalidTitle": "Ongeldige varianten (niet te kiezen)",
  "facilitator.packs.invalid": "Ongeldige variant {id}: {errors}",
  "facilitator.seats.title": "Deelnemers",
  "facilitator.seats.empty": "Nog geen deelnemers. Maak ze hierboven aan.",
  "facilitator.seats.seat": "Deelnemer {seat}",
  "facilitator.seats.band": "Leeftijdsgroep {band}",
  "facilitator.seats.pack": "Beleid voor {seat}",
  "facilitator.seats.packHint": "Kies het beleid voordat {seat} inlogt.",
  "facilitator.seats.signIn": "Inlogcode voor {seat}",
  "facilitator.seats.qr": "QR-code om als {seat} in te loggen",
  "facilitator.seats.qrHint":
    "Deze code logt één telefoon in. Daarna werkt hij niet meer. Laat hem alleen aan {seat} zien.",
  "facilitator.seats.showLink": "Toon link",
  "facilitator.seats.codeUsed":
    "{seat} is ingelogd op een telefoon; de QR-code is gebruikt. Telefoon kwijt of gewist? Maak een nieuwe.",
  "facilitator.seats.renewCode": "Nieuwe QR-code voor {seat}",
  "facilitator.seats.noConsent": "Geen toestemming: er wordt niets bijgehouden.",
  "facilitator.seats.consent":
    "Toestemming vastgelegd (tekstversie {version}), code {participant}. {recorded} gebeurtenissen.",
  "facilitator.seats.giveConsent": "Toestemming vastleggen voor {seat}",
  "facilitator.seats.withdraw": "Toestemming van {seat} ingetrokken: gegevens wissen",
  "facilitator.seats.reset": "Account van {seat} terugzetten",
  "facilitator.seats.scenario": "Scenario voor {seat}",
  "facilitator.seats.start": "Scenario starten voor {seat}",
  "facilitator.seats.stop": "Scenario stoppen voor {seat}",
  "facilitator.seats.idle": "Er loopt geen scenario.",
  "facilitator.seats.actor": "{title}: {status}.",
  "facilitator.seats.logged": "Gebeurtenissen tellen voor ronde {run} van dit scenario.",
  "facilitator.seats.steps": "Wat de tegenspeler doet",
  "facilitator.confirm.withdraw":
    "Toestemming van {seat} intrekken? Dit wist direct alle {recorded} gebeurtenissen van deze deelnemer op de studiedienst, ook van scenario's die al gespeeld zijn. De telefoon stuurt daarna niets meer. Dat kan niet ongedaan worden gemaakt; alleen het feit dat de toestemming is ingetrokken blijft bewaard.",
  "facilitator.confirm.withdrawYes": "Ja, intrekken en wissen",
  "facilitator.confirm.reset":
    "Account van {seat} terugzetten? Open verzoeken worden geweigerd, gesprekken verlaten en blokkades opgeheven. Gesprekken met vrienden blijven. Doe dit alleen als de deelnemer niet midden in een scenario zit.",
  "facilitator.confirm.resetYes": "Ja, terugzetten",
  "facilitator.confirm.renewCode":
    "Nieuwe QR-code voor {seat}? Elke telefoon die nu als {seat} is ingelogd, wordt uitgelogd. De oude code werkt niet meer.",
  "facilitator.confirm.renewCodeYes": "Ja, nieuwe code maken",
  "facilitator.confirm.clear":
    "Sessie afsluiten? Dit wist alle gebeurtenissen, toestemmingen en {seats} deelnemers van deze sessie op de studiedienst. Exporteer eerst. Dat kan niet ongedaan worden gemaakt.",
  "facilitator.confirm.clearYes": "Ja, alles wissen",
  "facilitator.confirm.no": "Annuleren",
  "facilitator.result.seatsCreated": "{count} deelnemers aangemaakt: {first} tot en met {last}.",
  "facilitator.result.packSet": "{seat} krijgt beleid {pack} bij de volgende keer inloggen.",
  "facilitator.result.consentGiven": "Toestemming vastgelegd voor {seat} (code {participant}).",
  "facilitator.result.withdrawn":
    "Toestemming van {seat} ingetrokken: {deleted} gebeurtenissen gewist.",
  "facilitator.result.reset":
    "{seat} teruggezet: {declined} verzoeken geweigerd, {left} gesprekken verlaten.",
  "facilitator.result.codeRenewed":
    "Nieuwe QR-code voor {seat} gemaakt. Apparaten uitgelogd: {signedOut}. Scan de nieuwe code met de telefoon.",
  "facilitator.result.cleared":
    "Sessie afgesloten: {records} gebeurtenissen en {consents} toestemmingen gewist.",
  "facilitator.result.started": "Scenario gestart voor {seat}.",
  "facilitator.result.stopped": "Scenario gestopt voor {seat}.",
  "facilitator.runStatus.running": "loopt",
  "facilitator.runStatus.finished": "afgelopen",
  "facilitator.runStatus.failed": "mislukt",
  "facilitator.runStatus.stopped": "gestopt",
  "facilitator.stepStatus.running": "bezig",
  "facilitator.stepStatus.finished": "klaar",
  "facilitator.stepStatus.skipped": "overgeslagen",
  "facilitator.stepStatus.failed": "mislukt",
  "facilitator.stepStatus.stopped": "afgebroken",
  "facilitator.step.start-direct-chat": "Begint een privégesprek",
  "facilitator.step.start-group": "Maakt een groep",
  "facilitator.step.invite-participant": "Nodigt de deelnemer uit",
  "facilitator.step.add-actor": "Voegt iemand toe aan het gesprek",
  "facilitator.step.send": "Stuurt een bericht",
  "facilitator.step.wait": "Wacht even",
  "facilitator.step.wait-for-join": "Wacht tot de deelnemer het verzoek aanneemt",
  "facilitator.step.try-contact": "Probeert contact te maken",
  "facilitator.event.scenario-started": "Scenario begonnen",
  "facilitator.event.notice-shown": "Melding getoond",
  "facilitator.event.why-opened": "Uitleg geopend",
  "facilitator.event.help-opened": "Hulp geopend",
  "facilitator.event.help-resource-opened": "Hulplijn geopend",
  "facilitator.event.request-answered": "Verzoek beantwoord",
  "facilitator.event.action-chosen": "Actie gekozen",
  "facilitator.event.report-filed": "Melding gedaan",
  "facilitator.event.scenario-ended": "Scenario gestopt",
  "facilitator.timeline.title": "Tijdlijn van alle deelnemers (alleen gebeurtenissen, geen inhoud)",
  "facilitator.timeline.empty": "Nog niets vastgelegd.",
  "facilitator.timeline.time": "Tijd",
  "facilitator.timeline.seat": "Deelnemer",
  "facilitator.timeline.scenario": "Scenario (ronde)",
  "facilitator.timeline.event": "Gebeurtenis",
  "facilitator.timeline.detail": "Details (ids van het beleid)",
  "facilitator.summary.title": "Samenvatting per scenario",
  "facilitator.summary.empty": "Nog geen gespeelde scenario's.",
  "facilitator.summary.scenario": "Scenario",
  "facilitator.summary.pack": "Beleid",
  "facilitator.summary.runs": "Keren",
  "facilitator.summary.help": "Tijd tot hulp (mediaan)",
  "facilitator.summary.report": "Tijd tot melden (mediaan)",
  "facilitator.summary.choices": "Keuze per melding",
  "facilitator.export.title": "Exporteren en afsluiten",
  "facilitator.export.hint":
    "Eén bestand voor alle deelnemers van deze sessie: codes, tijden en ids. Geen berichten, geen namen, geen accounts.",
  "facilitator.export.csv": "CSV downloaden",
  "facilitator.export.json": "JSON downloaden",
  "facilitator.export.clear": "Sessie afsluiten: alles wissen",
} as const;

export type FacilitatorKey = keyof typeof facilitatorNl;
