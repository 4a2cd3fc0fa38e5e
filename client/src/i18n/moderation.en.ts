// client i18n: the English words of the moderators' screens (see moderation.nl.ts).
import type { ModerationKey } from "./moderation.nl.ts";

export const moderationEn: Readonly<Record<ModerationKey, string>> = {
  "moderation.title": "Moderation",
  "moderation.back": "Back to chats",
  "moderation.sealedNote":
    "The server keeps only sealed reports. What you see here was opened on this device with the moderation team's key.",
  "moderation.key.title": "The moderation team's key",
  "moderation.key.intro":
    "Reports are sealed to the moderation team's public key. Only the secret key opens them. That key is not in the app: import it once on this device.",
  "moderation.key.label": "Key file or secret key",
  "moderation.key.hint":
    "Paste the contents of moderation-key.json, or only the secret key (secretKey). The key is kept on this device, for this account only.",
  "moderation.key.submit": "Import key",
  "moderation.key.busy": "Checking the key…",
  "moderation.key.error.empty": "Paste the key file or the secret key first.",
  "moderation.key.error.unreadable":
    "This is not a moderation team key. Paste the whole contents of moderation-key.json, or the secret key (43 characters of base64url).",
  "moderation.key.error.mismatchedPair":
    "The public and the secret key in this file do not belong together.",
  "moderation.key.mismatch":
    "Note: this is not the key this app currently seals reports to. New reports will not open with it.",
  "moderation.key.forget": "Forget the key on this device",
  "moderation.refresh": "Refresh",
  "moderation.loading": "Loading reports…",
  "moderation.error.unreachable": "The server cannot be reached. Please try again.",
  "moderation.error.signedOut": "The session has expired. Please sign in again.",
  "moderation.error.notAdmin": "This account is not a server admin and cannot fetch the reports.",
  "moderation.error.server": "The server returned an error. Please try again later.",
  "moderation.error.unexpected": "The server gave an unexpected answer.",
  "moderation.list.open": "Open reports",
  "moderation.list.handled": "Handled",
  "moderation.list.empty": "No open reports.",
  "moderation.list.incomplete_one": "{count} report is not complete yet: parts are missing.",
  "moderation.list.incomplete_other": "{count} reports are not complete yet: parts are missing.",
  "moderation.list.unrecognised_one":
    "{count} report does not come from this app (not sealed) and is not listed here.",
  "moderation.list.unrecognised_other":
    "{count} reports do not come from this app (not sealed) and are not listed here.",
  "moderation.list.userReportsUnsupported":
    "This server does not list reports about profiles (needs Synapse 1.133 or later).",
  "moderation.list.truncated": "There are more reports than this screen loads at once.",
  "moderation.row.received": "Received {time} · report {id}",
  "moderation.row.unreadable": "Does not open",
  "moderation.subject.message": "Message",
  "moderation.subject.profile": "Profile",
  "moderation.category.child-sexual-abuse-material": "Child sexual abuse material",
  "moderation.category.sexual-content-to-minor": "Sexual content sent to a minor",
  "moderation.category.asking-for-images": "Asking for photos or videos",
  "moderation.category.grooming": "Grooming",
  "moderation.category.sextortion": "Sextortion (blackmail with images)",
  "moderation.category.image-abuse": "Image abuse (images shared without consent)",
  "moderation.category.threat-or-violence": "Threats or violence",
  "moderation.category.harassment": "Harassment or bullying",
  "moderation.category.impersonation": "Impersonation",
  "moderation.category.scam-or-spam": "Scam or spam",
  "moderation.category.other": "Something else",
  "moderation.signature.valid": "Signature valid",
  "moderation.signature.invalid": "Signature invalid",
  "moderation.signature.absent": "Not signed",
  "moderation.signature.title": "Signature",
  "moderation.signature.validText":
    "Signed by the holder of this key, for this team, over exactly this report.",
  "moderation.signature.invalidText":
    "The signature does not verify: the report was changed, or made for another team. Treat its contents as unreliable.",
  "moderation.signature.absentText":
    "The reporter left out their identity; such a report carries no signature.",
  "moderation.report.title": "Report {id}",
  "moderation.report.back": "Back to reports",
  "moderation.report.category": "Category",
  "moderation.report.created": "Made (reporter's clock)",
  "moderation.report.received": "Received by the server",
  "moderation.report.note": "Reporter's note",
  "moderation.report.noNote": "No note.",
  "moderation.evidence.title": "Evidence",
  "moderation.evidence.reported": "Reported message",
  "moderation.evidence.context": "Messages before it (context)",
  "moderation.evidence.noContext": "No earlier messages were included.",
  "moderation.evidence.noConsent": "The reporter did not share context.",
  "moderation.evidence.undecryptable": "Could not be decrypted on the reporter's device.",
  "moderation.evidence.truncated": "Shortened.",
  "moderation.evidence.profile": "Reported profile: {userId}",
  "moderation.media.title": "Photos and files",
  "moderation.media.photo": "Photo ({size}) — may be shocking",
  "moderation.media.file": "File {name} ({size}) — may be shocking",
  "moderation.media.warning":
    "Only after 'Show' is it fetched and decrypted. Look at it only when you need to.",
  "moderation.media.show": "Show",
  "moderation.media.save": "Save",
  "moderation.media.loading": "Fetching and checking…",
  "moderation.media.pictureLabel": "Reported photo",
  "moderation.media.saved": "Saved as a file. It was not opened here.",
  "moderation.media.error.gone": "This is no longer on the server.",
  "moderation.media.error.damaged":
    "This is not what the reporter sent: the check does not match. It is not shown.",
  "moderation.media.error.tooLarge": "Larger than the report says. It is not shown.",
  "moderation.media.error.unavailable": "Fetching did not work. Please try again.",
  "moderation.media.error.refused":
    "This is not a photo this device can show safely. It is not shown.",
  "moderation.media.error.notConfigured": "Reported media cannot be opened on this device.",
  "moderation.dsa.title": "Notice under DSA Article 16",
  "moderation.dsa.explanation": "(a) Explanation",
  "moderation.dsa.location": "(b) Exact location",
  "moderation.dsa.reporter": "(c) Reporter",
  "moderation.dsa.reporterWithheld": "Left out (DSA Art. 16(2)(c))",
  "moderation.dsa.withholdingAllowed": "Allowed for this category (child sexual abuse).",
  "moderation.dsa.withholdingNotExpected":
    "Note: the rules do not foresee leaving it out for this category.",
  "moderation.dsa.goodFaith": "(d) Statement of good faith",
  "moderation.dsa.goodFaithConfirmed": "Confirmed",
  "moderation.dsa.goodFaithNotConfirmed": "Not confirmed",
  "moderation.server.title": "What the server recorded",
  "moderation.server.filedBy": "Filed by account: {userIds}",
  "moderation.server.filedByMatches": "This is the reporter the report names.",
  "moderation.server.filedByDiffers":
    "This is not the reporter the report names. Check this before you act.",
  "moderation.server.targetDiffers":
    "The server holds this report on another message or profile than the report itself names.",
  "moderation.server.sender": "Sender of the reported message according to the server: {userId}",
  "moderation.server.senderMatches": "Matches the evidence.",
  "moderation.server.senderDiffers": "Differs from the evidence. Check this.",
  "moderation.server.senderUnknown":
    "The server does not know the reported message (any more); its sender cannot be checked.",
  "moderation.routing.title": "Where to refer (Netherlands)",
  "moderation.routing.moderators": "Platform moderation: always (this report).",
  "moderation.routing.chat": "Advice for this material in a chat:",
  "moderation.routing.website": "If this material is also on a public website (with its URL):",
  "moderation.routing.none": "No outside organisation, according to the safety rules.",
  "moderation.routing.failedClosed":
    "The safety rules could not be applied; this is the cautious default advice.",
  "moderation.routing.rules": "Decided by the rules: {rules}",
  "moderation.unreadable.title": "This report does not open",
  "moderation.markHandled": "Mark as handled",
  "moderation.reopen": "Reopen",
  "moderation.handledAt": "Handled on {time}",
  "moderation.handledNote":
    "Handled is recorded on this device. The sealed report stays on the server.",
  "moderation.row.age": "{age} old · handle by {deadline}",
  "moderation.handledAtBy": "Handled on {time} by {userId}",
  "moderation.key.count_one": "{count} key on this device.",
  "moderation.key.count_other":
    "{count} keys on this device: reports sealed with an older key open too.",
  "moderation.key.add": "Add a key",
  "moderation.key.addIntro":
    "After a key rotation: add the new key. The old one stays, so older reports keep opening.",
  "moderation.key.addSubmit": "Add",
  "moderation.key.addCancel": "Cancel",
  "moderation.teamNote":
    "Handled, reopened and notes are shared in the moderation room, sealed with the team keys: the whole team sees them.",
  "moderation.row.overdue": "Past its deadline",
  "moderation.age.minutes_one": "{count} minute",
  "moderation.age.minutes_other": "{count} minutes",
  "moderation.age.hours_one": "{count} hour",
  "moderation.age.hours_other": "{count} hours",
  "moderation.age.days_one": "{count} day",
  "moderation.age.days_other": "{count} days",
  "moderation.channel.intake": "Through the intake",
  "moderation.legend.title": "What the labels mean",
  "moderation.legend.subject": "Message or Profile: what was reported.",
  "moderation.legend.valid":
    "Signature valid: the reporter signed the report. Under 'What the server recorded' you see whether the account matches.",
  "moderation.legend.invalid":
    "Signature invalid: the report changed after signing, or was made for another team. Treat its content as unreliable.",
  "moderation.legend.absent":
    "Not signed: the reporter left their name out. That is allowed for child sexual abuse (DSA Art. 16(2)(c)). Without a name there is no signature.",
  "moderation.legend.intake":
    "Through the intake: the report came through the intake, which does not pass on who reported. No one in the moderation team can see that.",
  "moderation.legend.deadline":
    "Deadline: handle it by then. 24 hours for abuse material and what can lead to it (the Dutch agreement for hotlines), 72 hours otherwise. Open reports are sorted by deadline.",
  "moderation.legend.overdue":
    "Past its deadline: the deadline has passed and the report is still open.",
  "moderation.server.intake":
    "Through the intake. The server only recorded that the intake put this report in the moderation room, not who reported.",
  "moderation.evidence.reporterSelf": "The reporter (name left out)",
  "moderation.evidence.unseen": "Messages the reporter did not see",
  "moderation.evidence.unseenHint":
    "The reporter's device held this request aside; the reporter never saw these messages.",
  "moderation.handoff.title": "Hand over to an organisation",
  "moderation.handoff.intro":
    "Make a sealed package for an organisation the rules advise. Only that organisation can open it. Send the file through their own channel.",
  "moderation.handoff.to": "Make a package for {name}",
  "moderation.handoff.busy": "Making the package…",
  "moderation.handoff.none":
    "For this report the rules advise no organisation that has a key configured.",
  "moderation.handoff.ready": "The package for {name} is ready (package {id}).",
  "moderation.handoff.download": "Download {file}",
  "moderation.handoff.summary": "Summary in the package (Dutch)",
  "moderation.outcome.title": "Outcome for the reporter",
  "moderation.outcome.intro":
    "Choose what happened with the report. The reporter sees it in My reports, encrypted, in fixed words; your notes do not go with it.",
  "moderation.outcome.handled": "Handled",
  "moderation.outcome.forwardedTo": "Forwarded to {name}",
  "moderation.outcome.noAction": "No action: {reason}",
  "moderation.outcome.reason.noRuleBroken": "no rule broken",
  "moderation.outcome.reason.notEnoughInformation": "not enough information",
  "moderation.outcome.reason.alreadyHandled": "already handled",
  "moderation.outcome.chosen": "Chosen outcome: {outcome}",
  "moderation.outcome.sending": "Sending the outcome…",
  "moderation.outcome.sent": "Outcome sent to the reporter",
  "moderation.outcome.notSent":
    "Outcome not sent to the reporter yet: the intake could not be reached. Nothing is lost.",
  "moderation.outcome.refused":
    "The intake does not take the outcome from this account: it is not on the moderation team.",
  "moderation.outcome.retry": "Send again",
  "moderation.outcome.noChannel":
    "This report has no reply address (an older format, or no intake here): the outcome stays with the team.",
  "moderation.handoff.error.noKey": "No key is configured for this organisation.",
  "moderation.handoff.error.failed": "The package could not be made. Try again.",
  "moderation.handoffSummary.intro": "Report from {service} for {body}.",
  "moderation.handoffSummary.category": "Category: {category}.",
  "moderation.handoffSummary.explanation": "The reporter's explanation: {text}",
  "moderation.handoffSummary.locationMessages":
    "Location: conversation {room}, {count} message(s); the message IDs are in the package.",
  "moderation.handoffSummary.locationProfile": "Location: profile {user}.",
  "moderation.handoffSummary.notifierWithheld": "Reporter: name left out (DSA Art. 16(2)(c)).",
  "moderation.handoffSummary.notifierNamed": "Reporter: {user}.",
  "moderation.handoffSummary.times":
    "Made {created}; received {received}; handed over {handedOver}.",
  "moderation.handoffSummary.evidence":
    "Evidence: {messages} message(s) and {media} file(s), each with a SHA-256 fingerprint.",
  "moderation.handoffSummary.goodFaith": "Good-faith statement confirmed: {answer}.",
  "moderation.handoffSummary.yes": "yes",
  "moderation.handoffSummary.no": "no",
  "moderation.handoffSummary.contact": "Contact the moderation team: {contact}.",
  // TEAM: ages in the moderator view, the labels explained, the team's notes.
  "moderation.rule.moderatorsAlways": "every report goes to the moderators",
  "moderation.rule.defaultCategory": "the default category for this situation",
  "moderation.rule.adviceChats": "advice for material in a chat",
  "moderation.rule.adviceWebsites": "advice for material on a public website",
  "moderation.rule.peers": "between peers: help and removal, not the police",
  "moderation.rule.dsaFields": "the details of DSA Article 16",
  "moderation.rule.identityOptional": "leaving the name out is allowed (child sexual abuse)",
  "moderation.rule.afterActions": "what the reporter can do next",
  "moderation.rule.evidenceWindow": "messages before it go along as context",
  "moderation.rule.heldAside": "messages of a request held aside go along",
  "moderation.rule.other": "another rule",
  "moderation.bands.title": "Age",
  "moderation.bands.reporter": "Reporter",
  "moderation.bands.reported": "Reported account",
  "moderation.bands.minorBand": "minor, {band} (verified)",
  "moderation.bands.minor": "minor (verified)",
  "moderation.bands.adult": "adult (verified)",
  "moderation.bands.unknown": "not known",
  "moderation.bands.hint":
    "Only a checked age, and only what the reporter's safety rules let go along.",
  "moderation.row.bandReporter": "Reporter: {band}",
  "moderation.row.bandReported": "Reported account: {band}",
  "moderation.legend.verified":
    "Verified: the age comes from an age proof the reporter's device checked. An age someone only typed in never goes along.",
  "moderation.legend.groupOnly":
    "Minor without an age group: the reporter left their name out. An exact age group could give away who it is.",
  "moderation.legend.bandUnknown":
    "Not known: there is no checked age, or the rules do not let it go along. Do not assume it is an adult.",
  "moderation.legend.routing":
    "Referral: which organisation fits according to the safety rules, such as the police, Meldpunt Kinderporno or Helpwanted. It is advice; you decide.",
  "moderation.legend.team":
    "Team: what your team did with the report and your notes, newest first. Sealed with the team keys; the reporter does not see it.",
  "moderation.dsa.locationMessages_one": "{count} message in one chat (above, under Evidence).",
  "moderation.dsa.locationMessages_other": "{count} messages in one chat (above, under Evidence).",
  "moderation.dsa.locationProfile": "The profile of {userId}.",
  "moderation.dsa.locationHint": "The technical addresses go along in a handoff package.",
  "moderation.team.title": "Team",
  "moderation.team.empty": "Nothing from the team on this report yet.",
  "moderation.team.handled": "{who} marked this handled, {time}",
  "moderation.team.reopened": "{who} opened this again, {time}",
  "moderation.team.note": "{who} wrote a note, {time}",
  "moderation.team.you": "You",
  "moderation.team.moderator": "{name} (moderator)",
  "moderation.team.noteLabel": "Note for the team",
  "moderation.team.noteHint":
    "Keep it short. Only your team sees it, not the reporter. It goes along with Handled, or save it on its own.",
  "moderation.team.saveNote": "Save note",
};
