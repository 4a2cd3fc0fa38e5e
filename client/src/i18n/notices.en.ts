// English copy of every notice the policy engine can raise. Same keys as
// notices.nl.ts (the Dutch file is the source); written as natural, equally
// simple English, not word for word. See notices.nl.ts for the rules.

import type { NoticeCopyKey } from "./notices.nl.ts";
import { shellNoticesEn } from "./notices.shell.en.ts";

export const noticesEn: Readonly<Record<NoticeCopyKey, string>> = {
  ...shellNoticesEn,
  "notice.unknownAdult.child":
    "An adult you don't know wants to chat with you. That's not possible in this app. Want to talk about it? You can talk to an adult you trust, or to the Kindertelefoon.",
  "notice.unknownAdult.teen13":
    "This person is an adult (age checked) and isn't in your contacts. It's up to you whether you accept the request. Not sure? Talk to the Kindertelefoon. It's free and anonymous.",
  "notice.unknownAdult.teen16":
    "This person is an adult (age checked) and isn't in your contacts. Take your time and decide for yourself. Something feels off? The Kindertelefoon can help you think it through.",
  "notice.unknownAdult.adult":
    "This person is an adult (age checked) and isn't in your contacts. Look at the request and decide whether to accept it.",
  "notice.unknownAdult.general":
    "This person is an adult (age checked) and isn't in your contacts. Take your time and decide for yourself. Under 18 and not sure? Talk to the Kindertelefoon.",

  "notice.unverifiedAge.child":
    "Someone you don't know wants to chat with you. We don't know how old they are. So that's not possible here. Want to talk about it? You can talk to an adult you trust, or to the Kindertelefoon.",
  "notice.unverifiedAge.teen13":
    "We don't know this person's age. It could be an adult you don't know. It's up to you whether you accept the request. Not sure? Talk to the Kindertelefoon.",
  "notice.unverifiedAge.teen16":
    "We don't know this person's age. It could be an adult you don't know. Take your time and decide for yourself. Something feels off? The Kindertelefoon can help you think it through.",
  "notice.unverifiedAge.adult":
    "We don't know this person's age, because it hasn't been checked. They aren't in your contacts either.",
  "notice.unverifiedAge.general":
    "We don't know this person's age, and they aren't in your contacts. Take your time and decide for yourself. Under 18 and not sure? Talk to the Kindertelefoon.",

  "notice.unknownPeer.child":
    "This child is about your age, but isn't in your contacts. Do you know each other, from school or sports? Then you can accept the request. Not sure? Ask an adult you trust.",
  "notice.unknownPeer.teen13":
    "This person is a teen too (age checked), but isn't in your contacts. It's up to you whether you accept the request.",
  "notice.unknownPeer.teen16":
    "This person is a teen too (age checked), but isn't in your contacts. It's up to you whether you reply.",
  "notice.unknownPeer.adult":
    "This person is an adult too (age checked), but isn't in your contacts.",
  "notice.unknownPeer.general":
    "This person isn't in your contacts. Look at the request and decide for yourself.",

  "notice.unknownPerson.child":
    "A teenager you don't know wants to chat with you. That's not possible in this app. Want to talk about it? You can talk to an adult you trust, or to the Kindertelefoon.",
  "notice.unknownPerson.teen13":
    "This person is also under 18 (age checked), but a lot younger or older than you. You don't know each other from your contacts. It's up to you what you do.",
  "notice.unknownPerson.teen16":
    "This person is also under 18 (age checked), but a lot younger than you. You don't know each other from your contacts. It's up to you what you do.",
  "notice.unknownPerson.adult": "This person is under 18 (age checked) and isn't in your contacts.",
  "notice.unknownPerson.general":
    "This person is under 18 (age checked) and isn't in your contacts. Look at the request and decide for yourself.",

  "notice.noSharedRooms.child":
    "You're not in any group together. So you don't know this person from a group chat either.",
  "notice.noSharedRooms.teen13":
    "You're not in any group together. So you don't know this person from a group chat either.",
  "notice.noSharedRooms.teen16":
    "You're not in any group together. Do you know how this person found you?",
  "notice.noSharedRooms.adult": "You're not in any group together.",
  "notice.noSharedRooms.general":
    "You're not in any group together. Do you know how this person found you?",

  "notice.otherServer.child":
    "This account is on a different server. So we know less about who this is.",
  "notice.otherServer.teen13":
    "This account is on a different server from yours. So we know less about this person.",
  "notice.otherServer.teen16":
    "This account is on a different server from yours. So we know less about this person.",
  "notice.otherServer.adult":
    "This account is on a different server. So your server knows less about this person.",
  "notice.otherServer.general":
    "This account is on a different server from yours. So we know less about this person.",

  "notice.nameResemblesContact.child":
    "This name looks like the name of someone you know. But it's a different account. Not sure? Ask an adult you trust.",
  "notice.nameResemblesContact.teen13":
    "This name looks like someone you know, but it's a different account. Ask that person if this is really them. Use the account you already know.",
  "notice.nameResemblesContact.teen16":
    "This name looks like someone you know, but it's a different account. Check with that person, using the account you already know.",
  "notice.nameResemblesContact.adult":
    "This name looks like someone in your contacts, but it's a different account. Check using the account you already know.",
  "notice.nameResemblesContact.general":
    "This name looks like someone you know, but it's a different account. Check with that person, using the account you already know.",

  "notice.nameResemblesHelpService.child":
    "This name looks like a help service. But it isn't that help service. You can find real help with the Help button.",
  "notice.nameResemblesHelpService.teen13":
    "This name looks like a help service, but it isn't that service. Real help services don't message you first. You can find real help with the Help button.",
  "notice.nameResemblesHelpService.teen16":
    "This name looks like a help service, but it isn't that service. Real help services don't message you first. You can find real help with the Help button.",
  "notice.nameResemblesHelpService.adult":
    "This name looks like a help service, but it isn't that service. Real help services don't message people first. You can find real help with the Help button.",
  "notice.nameResemblesHelpService.general":
    "This name looks like a help service, but it isn't that service. Real help services don't message you first. You can find real help with the Help button.",

  "notice.recentlyAcceptedUnknownAdult.child":
    "You haven't known this person for long. They are an adult, or we don't know their age. Something doesn't feel right? Stop, and tell an adult you trust.",
  "notice.recentlyAcceptedUnknownAdult.teen13":
    "You haven't known this person for long. They are an adult, or we don't know their age. Are they asking for photos, or to keep something secret? You can always stop, block or report.",
  "notice.recentlyAcceptedUnknownAdult.teen16":
    "You haven't known this person for long. They are an adult, or we don't know their age. Are they asking for photos or money, or to keep something secret? You can always stop, block or report.",
  "notice.recentlyAcceptedUnknownAdult.adult":
    "You haven't known this person for long. You can always block or report.",
  "notice.recentlyAcceptedUnknownAdult.general":
    "You haven't known this person for long. They are an adult, or we don't know their age. Something doesn't feel right? You can always block or report.",

  "notice.recentlyAcceptedStranger.child":
    "You haven't known this person for long. Something doesn't feel right? Stop, and tell an adult you trust.",
  "notice.recentlyAcceptedStranger.teen13":
    "You haven't known this person for long. Something doesn't feel right? You can always stop, block or report.",
  "notice.recentlyAcceptedStranger.teen16":
    "You haven't known this person for long. Something doesn't feel right? You can always stop, block or report.",
  "notice.recentlyAcceptedStranger.adult":
    "You haven't known this person for long. You can always block or report.",
  "notice.recentlyAcceptedStranger.general":
    "You haven't known this person for long. Something doesn't feel right? You can always block or report.",

  "notice.contactingUnknownAdult.child":
    "This person is an adult, or we don't know their age. You don't know this person. Ask an adult you trust first.",
  "notice.contactingUnknownAdult.teen13":
    "This person is an adult, or we don't know their age. You don't know each other from your contacts. It's up to you whether you start a chat. Not sure? Talk to the Kindertelefoon.",
  "notice.contactingUnknownAdult.teen16":
    "This person is an adult, or we don't know their age. You don't know each other from your contacts. It's up to you whether you start a chat.",
  "notice.contactingUnknownAdult.adult":
    "This person isn't in your contacts. Do you still want to start a chat?",
  "notice.contactingUnknownAdult.general":
    "This person is an adult, or we don't know their age. You don't know each other from your contacts. Under 18 and not sure? Talk to the Kindertelefoon.",

  "notice.contactNotAvailable.child":
    "You can't start a chat with this person here. This is how the app keeps children safe. Do you really know this person? Then ask an adult for help.",
  "notice.contactNotAvailable.teen13":
    "You can't start a chat with this person here. This is how the app protects young people from people they don't know. You didn't do anything wrong.",
  "notice.contactNotAvailable.teen16":
    "You can't start a chat with this person here. This is how the app protects young people from people they don't know. You didn't do anything wrong.",
  "notice.contactNotAvailable.adult":
    "You can't start a chat with this person here. This is because of the app's safety rules.",
  "notice.contactNotAvailable.general":
    "You can't start a chat with this person here. This is because of the app's safety rules.",

  "notice.deterrence.adultToMinor":
    "You can't contact this account. In this app, adults can't start a chat with children and young people they don't know. The same goes for accounts without a checked age. Are you worried about your own sexual feelings towards children or young people? Stop it Now can help, for free and anonymously.",
  "notice.deterrence.recipientMayHoldAside":
    "We couldn't reach this person's app just now, so we don't know whether they are a child or young person. If they are, their app will hold your message aside and show them a warning first. Are you worried about your own sexual feelings towards children or young people? Stop it Now can help, for free and anonymously.",

  "notice.setting.findableByPeers.child":
    "If you turn this on, children your age can find you when they search. They will see your name. Adults can never find you.",
  "notice.setting.findableByPeers.teen13":
    "If you turn this on, teens around your age can find you when they search. They will see your name and can send you a request. Adults never find you, and you can turn this off at any time.",
  "notice.setting.findableByPeers.teen16":
    "If you turn this on, teens around your age can find you when they search. They will see your name and can send you a request. Adults never find you, and you can turn this off at any time.",
  "notice.setting.findableByPeers.adult":
    "If you turn this on, other adults can find you when they search. They will see your name and can send you a request.",
  "notice.setting.findableByPeers.general":
    "If you turn this on, others can find you when they search. They will see your name and can send you a request.",

  "notice.setting.suggestedToPeers.child":
    "If you turn this on, the app shows you to children your age. They can then send you a request. Adults never see you.",
  "notice.setting.suggestedToPeers.teen13":
    "If you turn this on, the app suggests you to teens around your age. They will see your name and can send you a request. Adults never see you, and you can turn this off at any time.",
  "notice.setting.suggestedToPeers.teen16":
    "If you turn this on, the app suggests you to teens around your age. They will see your name and can send you a request. Adults never see you, and you can turn this off at any time.",
  "notice.setting.suggestedToPeers.adult":
    "If you turn this on, the app suggests you to other adults. They will see your name and can send you a request.",
  "notice.setting.suggestedToPeers.general":
    "If you turn this on, the app suggests you to others. They will see your name and can send you a request.",

  "notice.setting.locked.child":
    "This setting is fixed for your age. That way, people you don't know can't find you.",
  "notice.setting.locked.teen13":
    "This setting is fixed for your age. That way, you stay out of sight of people you don't know.",
  "notice.setting.locked.teen16":
    "This setting is fixed for your age. That way, you stay out of sight of people you don't know.",
  "notice.setting.locked.adult": "This setting is fixed. You can't change it here.",
  "notice.setting.locked.general": "This setting is fixed. You can't change it here.",

  // A group invitation with someone inside who is not a contact (the group safety overview).
  "notice.groupWithStrangers.child":
    "Someone you don't know is in this group. So we put the group aside. Want to talk about it? You can talk to an adult you trust, or to the Kindertelefoon.",
  "notice.groupWithStrangers.teen13":
    "Someone you don't know is in this group. First look at who is in it. You decide whether you join. Not sure? Talk to the Kindertelefoon.",
  "notice.groupWithStrangers.teen16":
    "Someone you don't know is in this group. First look at who is in it, then decide for yourself. Something feels wrong? The Kindertelefoon can help you think it through.",
  "notice.groupWithStrangers.adult":
    "Someone in this group is not in your contacts. First look at who is in it.",
  "notice.groupWithStrangers.general":
    "Someone you don't know is in this group. First look at who is in it, then decide for yourself. Under 18 and not sure? Talk to the Kindertelefoon.",

  // A group invitation whose members the homeserver did not share.
  "notice.groupMembersUnknown.child":
    "We can't see who is in this group. So we put the group aside. Ask the person who invited you, or an adult you trust.",
  "notice.groupMembersUnknown.teen13":
    "We can't see who is in this group. First ask the person who invited you who is in it. You decide whether you join.",
  "notice.groupMembersUnknown.teen16":
    "We can't see who is in this group. First ask who is in it. Then decide for yourself whether you join.",
  "notice.groupMembersUnknown.adult": "We can't see who is in this group. First ask who is in it.",
  "notice.groupMembersUnknown.general":
    "We can't see who is in this group. First ask who is in it. Then decide for yourself whether you join.",

  // Someone who is not a contact joined (or was added to) a chat the reader is in.
  "notice.strangerJoined.child":
    "Someone you don't know joined this chat. You don't see their messages. You can leave the group. Tell an adult you trust, or call the Kindertelefoon.",
  "notice.strangerJoined.teen13":
    "Someone you don't know joined this chat. You only see their messages if you choose to. You decide what to do. Not sure? The Kindertelefoon can help you think it through.",
  "notice.strangerJoined.teen16":
    "Someone you don't know joined this chat. You only see their messages if you choose to. Something feels wrong? The Kindertelefoon can help you think it through.",
  "notice.strangerJoined.adult": "Someone who is not in your contacts joined this chat.",
  "notice.strangerJoined.general":
    "Someone you don't know joined this chat. You only see their messages if you choose to. Under 18 and not sure? Talk to the Kindertelefoon.",
  // An image or file from someone who is not a contact: nothing downloaded until the tap, then blurred (media point).
  "notice.mediaFromStranger.child":
    "This comes from someone you don't know. It has not been downloaded yet. You don't have to open it. Not sure? Ask an adult you trust.",
  "notice.mediaFromStranger.teen13":
    "This comes from someone who is not in your contacts. It is only downloaded when you tap. You then see it blurred first. You decide whether to look. You can also block or report.",
  "notice.mediaFromStranger.teen16":
    "This comes from someone who is not in your contacts. It is only downloaded when you tap, and you see it blurred first. You decide. Block, report and help are one tap away.",
  "notice.mediaFromStranger.adult":
    "This comes from someone who is not in your contacts. It is only downloaded when you tap, and you see it blurred first.",
  "notice.mediaFromStranger.general":
    "This comes from someone you don't know. It is only downloaded when you tap, and you see it blurred first. Under 18 and something feels wrong? Helpwanted and the Kindertelefoon can help.",

  // The same from someone whose request was accepted only recently.
  "notice.mediaRecentlyAccepted.child":
    "You have only known this person for a short time. So this has not been downloaded yet. Only tap if you want to see it. Something feels wrong? Tell an adult you trust.",
  "notice.mediaRecentlyAccepted.teen13":
    "You have only known this person for a short time. So this is only downloaded when you tap. You then see it blurred first. You decide. Got something you did not want to see? You can block or report.",
  "notice.mediaRecentlyAccepted.teen16":
    "You have only known this person for a short time. This is only downloaded when you tap, and you see it blurred first. You decide. Got something you did not want to see? You can always block or report.",
  "notice.mediaRecentlyAccepted.adult":
    "You have only known this person for a short time. This is only downloaded when you tap, and you see it blurred first.",
  "notice.mediaRecentlyAccepted.general":
    "You have only known this person for a short time. This is only downloaded when you tap, and you see it blurred first. Got something you did not want to see? You can always block or report.",

  // An image or file the reader's rules do not show at all (8-12 from a stranger in nl-default).
  "notice.mediaNotViewable.child":
    "Someone you don't know sent a photo or a file. You can't see it here. That keeps you safe. Tell an adult you trust, or call the Kindertelefoon.",
  "notice.mediaNotViewable.teen13":
    "Someone who is not in your contacts sent a photo or a file. The app does not show it. Something feels wrong? You can block or report, or talk to the Kindertelefoon.",
  "notice.mediaNotViewable.teen16":
    "Someone who is not in your contacts sent a photo or a file. The app does not show it. Something feels wrong? You can block or report. The Kindertelefoon can help you think it through.",
  "notice.mediaNotViewable.adult":
    "Someone who is not in your contacts sent a photo or a file. The rules of this app do not show it here.",
  "notice.mediaNotViewable.general":
    "Someone you don't know sent a photo or a file. The app does not show it. Under 18 and something feels wrong? Talk to the Kindertelefoon.",

  // Before sending an image to someone the sender does not know well: think first, may still send.
  "notice.mediaThinkFirst.child":
    "Think for a moment before you send this. The other person can keep a photo and show it to others. Then you can't get it back. Not sure? Ask an adult you trust first.",
  "notice.mediaThinkFirst.teen13":
    "Think for a moment. What you send can be saved and passed on. Even if you take it back later. You decide. Is someone asking for photos and it doesn't feel right? Helpwanted can help, free and anonymous.",
  "notice.mediaThinkFirst.teen16":
    "Think for a moment. What you send can be saved and passed on, even if you take it back later. You decide. Is someone pressuring you? Helpwanted can help, free and anonymous.",
  "notice.mediaThinkFirst.adult":
    "What you send can be saved and passed on, even if you take it back later.",
  "notice.mediaThinkFirst.general":
    "Think for a moment. What you send can be saved and passed on, even if you take it back later. Is someone pressuring you? Helpwanted can help, free and anonymous.",

  // Beside "unsend" after sending: the honest caveat.
  "notice.mediaUnsendCaveat.child":
    "You can take this back. But the other person may have saved it already. The app can't see that.",
  "notice.mediaUnsendCaveat.teen13":
    "You can take this back. Then it is gone from the chat. But the other person may already have saved or forwarded it. The app cannot stop that.",
  "notice.mediaUnsendCaveat.teen16":
    "You can take this back. Then it is gone from the chat. But the other person may already have saved or forwarded it. The app cannot stop that.",
  "notice.mediaUnsendCaveat.adult":
    "You can take this back. But the other person may already have saved or forwarded it.",
  "notice.mediaUnsendCaveat.general":
    "You can take this back. Then it is gone from the chat. But the other person may already have saved or forwarded it. The app cannot stop that.",
};
