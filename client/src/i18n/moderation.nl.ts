// client i18n: the Dutch words of the moderators' screens (adults only; see
// audience.ts). Loaded only on a moderator's device, when the session offers
// moderation (main.tsx), before the moderation screen can open.
// English: moderation.en.ts.

export const moderationNl = {
  "moderation.title": "Moderatie",
  "moderation.back": "Terug naar gesprekken",
  "moderation.sealedNote":
    "De server bewaart alleen verzegelde meldingen. Wat je hier ziet, is op dit apparaat geopend met de sleutel van het moderatieteam.",
  "moderation.key.title": "Sleutel van het moderatieteam",
  "moderation.key.intro":
    "Meldingen zijn verzegeld met de publieke sleutel van het moderatieteam. Alleen met de geheime sleutel gaan ze open. Die sleutel zit niet in de app: importeer hem eenmalig op dit apparaat.",
  "moderation.key.label": "Sleutelbestand of geheime sleutel",
  "moderation.key.hint":
    "Plak de inhoud van moderation-key.json of alleen de geheime sleutel (secretKey). De sleutel wordt op dit apparaat bewaard, alleen voor dit account.",
  "moderation.key.submit": "Sleutel importeren",
  "moderation.key.busy": "Sleutel controleren…",
  "moderation.key.error.empty": "Plak eerst het sleutelbestand of de geheime sleutel.",
  "moderation.key.error.unreadable":
    "Dit is geen sleutel van het moderatieteam. Plak de volledige inhoud van moderation-key.json, of de geheime sleutel (43 tekens base64url).",
  "moderation.key.error.mismatchedPair":
    "De publieke en de geheime sleutel in dit bestand horen niet bij elkaar.",
  "moderation.key.mismatch":
    "Let op: dit is niet de sleutel waarmee deze app nu meldingen verzegelt. Nieuwe meldingen gaan er niet mee open.",
  "moderation.key.forget": "Sleutel vergeten op dit apparaat",
  "moderation.refresh": "Vernieuwen",
  "moderation.loading": "Meldingen laden…",
  "moderation.error.unreachable": "De server is niet bereikbaar. Probeer het opnieuw.",
  "moderation.error.signedOut": "De sessie is verlopen. Log opnieuw in.",
  "moderation.error.notAdmin":
    "Dit account is geen beheerder van de server en kan de meldingen niet ophalen.",
  "moderation.error.server": "De server gaf een fout. Probeer het later opnieuw.",
  "moderation.error.unexpected": "De server gaf een onverwacht antwoord.",
  "moderation.list.open": "Open meldingen",
  "moderation.list.handled": "Afgehandeld",
  "moderation.list.empty": "Geen open meldingen.",
  "moderation.list.incomplete_one": "{count} melding is nog niet compleet: er ontbreken delen.",
  "moderation.list.incomplete_other":
    "{count} meldingen zijn nog niet compleet: er ontbreken delen.",
  "moderation.list.unrecognised_one":
    "{count} melding komt niet van deze app (niet verzegeld) en staat hier niet.",
  "moderation.list.unrecognised_other":
    "{count} meldingen komen niet van deze app (niet verzegeld) en staan hier niet.",
  "moderation.list.userReportsUnsupported":
    "Deze server geeft geen lijst van meldingen over profielen (Synapse 1.133 of nieuwer nodig).",
  "moderation.list.truncated": "Er zijn meer meldingen dan dit scherm in één keer laadt.",
  "moderation.row.received": "Ontvangen {time} · melding {id}",
  "moderation.row.unreadable": "Gaat niet open",
  "moderation.subject.message": "Bericht",
  "moderation.subject.profile": "Profiel",
  "moderation.category.child-sexual-abuse-material": "Materiaal van seksueel kindermisbruik",
  "moderation.category.sexual-content-to-minor": "Seksuele inhoud naar een minderjarige",
  "moderation.category.asking-for-images": "Vraagt om foto's of filmpjes",
  "moderation.category.grooming": "Grooming",
  "moderation.category.sextortion": "Sextortion (afpersing met beelden)",
  "moderation.category.image-abuse": "Beeldmisbruik (beelden gedeeld zonder toestemming)",
  "moderation.category.threat-or-violence": "Bedreiging of geweld",
  "moderation.category.harassment": "Intimidatie of pesten",
  "moderation.category.impersonation": "Zich voordoen als een ander",
  "moderation.category.scam-or-spam": "Oplichting of spam",
  "moderation.category.other": "Iets anders",
  "moderation.signature.valid": "Handtekening geldig",
  "moderation.signature.invalid": "Handtekening ongeldig",
  "moderation.signature.absent": "Niet ondertekend",
  "moderation.signature.title": "Handtekening",
  "moderation.signature.validText":
    "Ondertekend door de houder van deze sleutel, voor dit team, over precies deze melding.",
  "moderation.signature.invalidText":
    "De handtekening klopt niet: de melding is veranderd, of voor een ander team gemaakt. Behandel de inhoud als onbetrouwbaar.",
  "moderation.signature.absentText":
    "De melder heeft de identiteit weggelaten; dan is er geen handtekening.",
  "moderation.report.title": "Melding {id}",
  "moderation.report.back": "Terug naar meldingen",
  "moderation.report.category": "Categorie",
  "moderation.report.created": "Gemaakt (klok van de melder)",
  "moderation.report.received": "Ontvangen door de server",
  "moderation.report.note": "Toelichting van de melder",
  "moderation.report.noNote": "Geen toelichting.",
  "moderation.evidence.title": "Bewijs",
  "moderation.evidence.reported": "Gemeld bericht",
  "moderation.evidence.context": "Berichten ervoor (context)",
  "moderation.evidence.noContext": "Geen eerdere berichten meegestuurd.",
  "moderation.evidence.noConsent": "De melder heeft geen context gedeeld.",
  "moderation.evidence.undecryptable": "Kon op het apparaat van de melder niet worden ontsleuteld.",
  "moderation.evidence.truncated": "Ingekort.",
  "moderation.evidence.profile": "Gemeld profiel: {userId}",
  "moderation.media.title": "Foto's en bestanden",
  "moderation.media.photo": "Foto ({size}) — kan schokkend zijn",
  "moderation.media.file": "Bestand {name} ({size}) — kan schokkend zijn",
  "moderation.media.warning":
    "Pas na 'Toon' wordt het opgehaald en ontsleuteld. Bekijk het alleen als het nodig is.",
  "moderation.media.show": "Toon",
  "moderation.media.save": "Opslaan",
  "moderation.media.loading": "Ophalen en controleren…",
  "moderation.media.pictureLabel": "Gemelde foto",
  "moderation.media.saved": "Opgeslagen als bestand. Het is hier niet geopend.",
  "moderation.media.error.gone": "Dit staat niet meer op de server.",
  "moderation.media.error.damaged":
    "Dit is niet wat de melder meestuurde: de controle klopt niet. Het wordt niet getoond.",
  "moderation.media.error.tooLarge": "Groter dan de melding zegt. Het wordt niet getoond.",
  "moderation.media.error.unavailable": "Ophalen lukte niet. Probeer het nog eens.",
  "moderation.media.error.refused":
    "Dit is geen foto die dit apparaat veilig kan tonen. Het wordt niet getoond.",
  "moderation.media.error.notConfigured": "Op dit apparaat kan gemelde media niet worden geopend.",
  "moderation.dsa.title": "Melding volgens DSA artikel 16",
  "moderation.dsa.explanation": "(a) Uitleg",
  "moderation.dsa.location": "(b) Exacte locatie",
  "moderation.dsa.reporter": "(c) Melder",
  "moderation.dsa.reporterWithheld": "Weggelaten (DSA art. 16(2)(c))",
  "moderation.dsa.withholdingAllowed":
    "Toegestaan voor deze categorie (seksueel misbruik van kinderen).",
  "moderation.dsa.withholdingNotExpected":
    "Let op: voor deze categorie voorzien de regels niet in weglaten.",
  "moderation.dsa.goodFaith": "(d) Verklaring te goeder trouw",
  "moderation.dsa.goodFaithConfirmed": "Bevestigd",
  "moderation.dsa.goodFaithNotConfirmed": "Niet bevestigd",
  "moderation.server.title": "Wat de server vastlegde",
  "moderation.server.filedBy": "Ingediend door account: {userIds}",
  "moderation.server.filedByMatches": "Dit is de melder die de melding noemt.",
  "moderation.server.filedByDiffers":
    "Dit is niet de melder die de melding noemt. Controleer dit voor je verder gaat.",
  "moderation.server.targetDiffers":
    "De server heeft de melding op een ander bericht of profiel dan de melding zelf noemt.",
  "moderation.server.sender": "Afzender van het gemelde bericht volgens de server: {userId}",
  "moderation.server.senderMatches": "Komt overeen met het bewijs.",
  "moderation.server.senderDiffers": "Wijkt af van het bewijs. Controleer dit.",
  "moderation.server.senderUnknown":
    "De server kent het gemelde bericht niet (meer); de afzender is niet te controleren.",
  "moderation.routing.title": "Doorverwijzing (Nederland)",
  "moderation.routing.moderators": "Platformmoderatie: altijd (deze melding).",
  "moderation.routing.chat": "Advies voor dit materiaal in een chat:",
  "moderation.routing.website": "Als dit materiaal ook op een openbare website staat (met URL):",
  "moderation.routing.none": "Geen externe instantie volgens de veiligheidsregels.",
  "moderation.routing.failedClosed":
    "De veiligheidsregels konden niet worden toegepast; dit is het voorzichtige standaardadvies.",
  "moderation.routing.rules": "Besloten door de regels: {rules}",
  "moderation.unreadable.title": "Deze melding gaat niet open",
  "moderation.markHandled": "Markeren als afgehandeld",
  "moderation.reopen": "Weer open zetten",
  "moderation.handledAt": "Afgehandeld op {time}",
  "moderation.handledNote":
    "Afgehandeld wordt op dit apparaat bijgehouden. De verzegelde melding blijft op de server bewaard.",
  "moderation.row.age": "{age} oud · afhandelen vóór {deadline}",
  "moderation.handledAtBy": "Afgehandeld op {time} door {userId}",
  "moderation.key.count_one": "{count} sleutel op dit apparaat.",
  "moderation.key.count_other":
    "{count} sleutels op dit apparaat: meldingen die met een oudere sleutel zijn verzegeld, gaan ook open.",
  "moderation.key.add": "Sleutel toevoegen",
  "moderation.key.addIntro":
    "Na een sleutelwissel: voeg de nieuwe sleutel toe. De oude blijft, zodat oudere meldingen open blijven gaan.",
  "moderation.key.addSubmit": "Toevoegen",
  "moderation.key.addCancel": "Annuleren",
  "moderation.teamNote":
    "Afgehandeld, weer open zetten en notities delen jullie in de moderatieruimte, verzegeld met de teamsleutels: het hele team ziet het.",
  "moderation.row.overdue": "Termijn verstreken",
  "moderation.age.minutes_one": "{count} minuut",
  "moderation.age.minutes_other": "{count} minuten",
  "moderation.age.hours_one": "{count} uur",
  "moderation.age.hours_other": "{count} uur",
  "moderation.age.days_one": "{count} dag",
  "moderation.age.days_other": "{count} dagen",
  "moderation.channel.intake": "Via de intake",
  "moderation.legend.title": "Wat de labels betekenen",
  "moderation.legend.subject": "Bericht of Profiel: wat er gemeld is.",
  "moderation.legend.valid":
    "Handtekening geldig: de melder heeft de melding ondertekend. Onder 'Wat de server vastlegde' zie je of het account klopt.",
  "moderation.legend.invalid":
    "Handtekening ongeldig: de melding is na het ondertekenen veranderd, of voor een ander team gemaakt. Behandel de inhoud als onbetrouwbaar.",
  "moderation.legend.absent":
    "Niet ondertekend: de melder liet de naam weg. Dat mag bij seksueel misbruik van kinderen (DSA art. 16 lid 2 onder c). Zonder naam is er geen handtekening.",
  "moderation.legend.intake":
    "Via de intake: de melding kwam via de intake, die niet doorgeeft wie meldde. Niemand in het moderatieteam kan dat zien.",
  "moderation.legend.deadline":
    "Termijn: uiterlijk dan afhandelen. 24 uur voor misbruikmateriaal en wat ertoe kan leiden (de Nederlandse afspraak voor meldpunten), anders 72 uur. De open meldingen staan op volgorde van termijn.",
  "moderation.legend.overdue":
    "Termijn verstreken: de termijn is voorbij en de melding is nog open.",
  "moderation.server.intake":
    "Via de intake. De server legde alleen vast dat de intake deze melding in de moderatieruimte zette, niet wie meldde.",
  "moderation.evidence.reporterSelf": "De melder (naam weggelaten)",
  "moderation.evidence.unseen": "Berichten die de melder niet zag",
  "moderation.evidence.unseenHint":
    "Het apparaat van de melder hield dit verzoek apart; de melder heeft deze berichten nooit gezien.",
  "moderation.handoff.title": "Overdragen aan een instantie",
  "moderation.handoff.intro":
    "Maak een verzegeld pakket voor een instantie die de regels adviseren. Alleen die instantie kan het openen. Stuur het bestand via hun eigen kanaal.",
  "moderation.handoff.to": "Pakket maken voor {name}",
  "moderation.handoff.busy": "Pakket maken…",
  "moderation.handoff.none":
    "De regels adviseren voor deze melding geen instantie waarvoor een sleutel is ingesteld.",
  "moderation.handoff.ready": "Pakket voor {name} is klaar (pakket {id}).",
  "moderation.handoff.download": "Download {file}",
  "moderation.handoff.summary": "Samenvatting in het pakket",
  "moderation.outcome.title": "Uitkomst voor de melder",
  "moderation.outcome.intro":
    "Kies wat er met de melding is gebeurd. De melder ziet het in Mijn meldingen, versleuteld, in vaste woorden; jullie notities gaan niet mee.",
  "moderation.outcome.handled": "Afgehandeld",
  "moderation.outcome.forwardedTo": "Doorgestuurd naar {name}",
  "moderation.outcome.noAction": "Geen actie: {reason}",
  "moderation.outcome.reason.noRuleBroken": "geen regel overtreden",
  "moderation.outcome.reason.notEnoughInformation": "te weinig informatie",
  "moderation.outcome.reason.alreadyHandled": "al afgehandeld",
  "moderation.outcome.chosen": "Gekozen uitkomst: {outcome}",
  "moderation.outcome.sending": "Uitkomst versturen…",
  "moderation.outcome.sent": "Uitkomst verstuurd naar de melder",
  "moderation.outcome.notSent":
    "Uitkomst nog niet verstuurd naar de melder: de intake was niet bereikbaar. Er gaat niets verloren.",
  "moderation.outcome.refused":
    "De intake neemt de uitkomst niet aan van dit account: het hoort niet bij het moderatieteam.",
  "moderation.outcome.retry": "Opnieuw versturen",
  "moderation.outcome.confirm.title": "Klopt deze uitkomst?",
  "moderation.outcome.confirm.choice": "Je koos: {outcome}",
  "moderation.outcome.confirm.reader": "De melder leest dit in Mijn meldingen:",
  "moderation.outcome.confirm.readerChild":
    "De melder is 8 tot 12 jaar en leest dit in Mijn meldingen:",
  "moderation.outcome.confirm.noChannel": "Dit gaat niet naar de melder; het team ziet de keuze.",
  "moderation.outcome.confirm.send": "Versturen naar de melder",
  "moderation.outcome.confirm.save": "Opslaan voor het team",
  "moderation.outcome.confirm.change": "Andere keuze",
  "moderation.outcome.noChannel":
    "Deze melding heeft geen antwoordadres (een ouder formaat, of geen intake hier): de uitkomst blijft bij het team.",
  "moderation.handoff.error.noKey": "Voor deze instantie is geen sleutel ingesteld.",
  "moderation.handoff.error.failed": "Het pakket kon niet worden gemaakt. Probeer het opnieuw.",
  "moderation.handoffSummary.intro": "Melding van {service} voor {body}.",
  "moderation.handoffSummary.category": "Categorie: {category}.",
  "moderation.handoffSummary.explanation": "Uitleg van de melder: {text}",
  "moderation.handoffSummary.locationMessages":
    "Locatie: gesprek {room}, {count} bericht(en); de bericht-ID's staan in het pakket.",
  "moderation.handoffSummary.locationProfile": "Locatie: profiel {user}.",
  "moderation.handoffSummary.notifierWithheld":
    "Melder: naam weggelaten (DSA art. 16 lid 2 onder c).",
  "moderation.handoffSummary.notifierNamed": "Melder: {user}.",
  "moderation.handoffSummary.times":
    "Gemaakt {created}; ontvangen {received}; overgedragen {handedOver}.",
  "moderation.handoffSummary.evidence":
    "Bewijs: {messages} bericht(en) en {media} bestand(en), elk met een SHA-256-vingerafdruk.",
  "moderation.handoffSummary.goodFaith": "Verklaring te goeder trouw bevestigd: {answer}.",
  "moderation.handoffSummary.yes": "ja",
  "moderation.handoffSummary.no": "nee",
  "moderation.handoffSummary.contact": "Contact met het moderatieteam: {contact}.",
  // TEAM: ages in the moderator view, the labels explained, the team's notes.
  "moderation.rule.moderatorsAlways": "elke melding gaat naar de moderatie",
  "moderation.rule.defaultCategory": "de standaardcategorie voor deze situatie",
  "moderation.rule.adviceChats": "advies voor materiaal in een chat",
  "moderation.rule.adviceWebsites": "advies voor materiaal op een openbare website",
  "moderation.rule.peers": "tussen leeftijdsgenoten: hulp en verwijderen, niet de politie",
  "moderation.rule.dsaFields": "de gegevens van DSA artikel 16",
  "moderation.rule.identityOptional": "naam weglaten mag (seksueel misbruik van kinderen)",
  "moderation.rule.afterActions": "wat de melder daarna kan doen",
  "moderation.rule.evidenceWindow": "berichten ervoor gaan mee als context",
  "moderation.rule.heldAside": "berichten van een apart gehouden verzoek gaan mee",
  "moderation.rule.other": "een andere regel",
  "moderation.bands.title": "Leeftijd",
  "moderation.bands.reporter": "Melder",
  "moderation.bands.reported": "Gemelde account",
  "moderation.bands.minorBand": "minderjarig, {band} (geverifieerd)",
  "moderation.bands.minor": "minderjarig (geverifieerd)",
  "moderation.bands.adult": "volwassene (geverifieerd)",
  "moderation.bands.unknown": "niet bekend",
  "moderation.bands.hint":
    "Alleen een gecontroleerde leeftijd, en alleen wat de veiligheidsregels van de melder laten meegaan.",
  "moderation.row.bandReporter": "Melder: {band}",
  "moderation.row.bandReported": "Gemelde account: {band}",
  "moderation.legend.verified":
    "Geverifieerd: de leeftijd komt uit een leeftijdsbewijs dat het apparaat van de melder heeft gecontroleerd. Een leeftijd die iemand zelf opgaf, gaat nooit mee.",
  "moderation.legend.groupOnly":
    "Minderjarig zonder leeftijdsgroep: de melder liet de naam weg. Een precieze leeftijdsgroep zou kunnen verraden wie het is.",
  "moderation.legend.bandUnknown":
    "Niet bekend: er is geen gecontroleerde leeftijd, of de regels laten die niet meegaan. Ga er niet van uit dat het een volwassene is.",
  "moderation.legend.routing":
    "Doorverwijzing: welke instantie past volgens de veiligheidsregels, zoals politie, Meldpunt Kinderporno of Helpwanted. Het is advies; jullie beslissen.",
  "moderation.legend.team":
    "Team: wat jullie met de melding deden en jullie notities, nieuwste eerst. Verzegeld met de teamsleutels; de melder ziet het niet.",
  "moderation.dsa.locationMessages_one": "{count} bericht in één gesprek (hierboven bij Bewijs).",
  "moderation.dsa.locationMessages_other":
    "{count} berichten in één gesprek (hierboven bij Bewijs).",
  "moderation.dsa.locationProfile": "Het profiel van {userId}.",
  "moderation.dsa.locationHint": "De technische adressen gaan mee in een overdrachtspakket.",
  "moderation.team.title": "Team",
  "moderation.team.empty": "Nog niets van het team op deze melding.",
  "moderation.team.handled": "{who} zette dit op afgehandeld, {time}",
  "moderation.team.reopened": "{who} zette dit weer open, {time}",
  "moderation.team.note": "{who} schreef een notitie, {time}",
  "moderation.team.you": "Jij",
  "moderation.team.moderator": "{name} (moderator)",
  "moderation.team.noteLabel": "Notitie voor het team",
  "moderation.team.noteHint":
    "Kort. Alleen jullie team ziet dit. De melder ziet het niet. Gaat mee met Afgehandeld, of sla het los op.",
  "moderation.team.saveNote": "Notitie opslaan",
} as const;

export type ModerationKey = keyof typeof moderationNl;
