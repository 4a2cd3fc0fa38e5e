// "Why am I seeing this?" in English: the same rule ids and the same
// audiences per rule as why.nl.ts (why.test.ts checks both).
import type { RuleId } from "@safety-by-design/policy-engine";
import { whyShellEn } from "./why.shell.en.ts";
import type { WhyTexts } from "./why.nl.ts";

export const whyEn: Readonly<Record<RuleId, WhyTexts>> = {
  // Help and the engine itself: in why.shell.en.ts (they ship with the first screen).
  ...whyShellEn,
  "discovery/visibility-table": {
    child: "The app has rules for searching. They say who you can find, and who can find you.",
    teen: "The app's rules decide who can find whom in search. That depends on age and on what each person switched on.",
  },
  "discovery/adults-never-see-minors": {
    child: "Grown-ups can never find children by searching. That is a fixed rule.",
    teen: "Adults never find young people in search. The same goes for people whose age we don't know.",
    adult:
      "Adults never find anyone under 18 in search, not even a contact. That is why you see no children or young people here.",
  },
  "discovery/children-never-findable-by-strangers": {
    child:
      "Nobody can find children up to 12 by searching. That keeps you safe from people you don't know.",
    teen: "Nobody can find children aged 8 to 12 in search, except their contacts. That is why you don't see them here.",
    adult: "Children aged 8 to 12 cannot be found in search by anyone except their own contacts.",
  },
  "discovery/suggestions-need-opt-in": {
    child: "The app does not show you to people you don't know.",
    teen: "The app only suggests you to others if you switched that on yourself, separately.",
    adult:
      "Young people are only suggested to strangers if they switched that on themselves, separately.",
  },

  "contact/contact-table": {
    child: "The app has rules. They say who you can start a chat with.",
    teen: "The app's rules decide who you can start a chat with.",
  },
  "contact/adults-cannot-start-contact-with-minors": {
    child: "A grown-up cannot simply chat with a child. Only if they already know each other.",
    teen: "In this app, an adult cannot simply chat with a child. That is only possible if they already know each other.",
    adult:
      "You want to start a chat with someone under 18 who is not one of your contacts. Adults cannot do that in this app. This is how the app protects children and young people.",
  },
  "contact/recipient-did-not-answer": {
    child: "This person's app did not answer. That is why you see this notice first.",
    teen: "This person's app did not answer just now. They could be a child or young person. That is why you see this notice first.",
    adult:
      "This person's app did not answer just now. They could be a child or young person. Their app may then put your message aside.",
  },

  "incoming-contact/presentation-table": {
    child:
      "You don't know this person yet. That is why the message does not go straight to your chats.",
    teen: "You don't know this person from your contacts. That is why the message goes to Requests first.",
  },
  "incoming-contact/adult-strangers-never-normal-chat-for-minors": {
    child: "A grown-up you don't know never goes to your chats. That is a fixed rule.",
    teen: "An adult you don't know never goes straight to your chats. The same goes when we don't know their age. That is a fixed rule of the app.",
  },
  "incoming-contact/signal-no-shared-rooms": {
    child: "You are not in a group together. So you probably don't know this person.",
    teen: "You are not in a group together. So you probably don't know this person from school or a club.",
  },
  "incoming-contact/signal-other-server": {
    child: "This account comes from a different place than yours. So we know less about who it is.",
    teen: "This person uses another server. So we know less about this account.",
  },
  "incoming-contact/signal-name-resembles-contact": {
    child:
      "The name looks like a friend's name. But it is someone else. Sometimes people pretend to be a friend.",
    teen: "The name looks like someone in your contacts. But it is a different account. Some people pretend to be a friend this way.",
  },
  "incoming-contact/signal-name-resembles-help-service": {
    child:
      "The name looks like a help service. But real help never messages you first. You find real help with the Help button.",
    teen: "The name looks like a help service. Real help services don't message you first. You can find real help with the Help button.",
  },

  "conversation-notice/no-standing-notice": {
    child: "There is no extra notice for this chat.",
    teen: "This chat needs no extra notice.",
  },
  "conversation-notice/recently-accepted-stranger": {
    child:
      "You did not know this person yet. That is why a reminder stays here for a while. It goes away by itself.",
    teen: "You accepted this request only recently. You didn't know this person yet. That is why a reminder stays here for a while. It goes away by itself.",
  },
  "conversation-notice/name-resembles-contact": {
    child:
      "The name looks like a friend's name. But it is someone else. That is why this notice stays.",
    teen: "The name looks like someone in your contacts. But it is a different account. That is why this notice stays.",
  },
  "conversation-notice/name-resembles-help-service": {
    child:
      "The name looks like a help service. But real help never messages you first. You find real help with the Help button.",
    teen: "The name looks like a help service. Real help services don't message you first. You can find real help with the Help button.",
  },

  "disclosure/disclosure-table": {
    child: "The app only shows your age when it has to. And only to people who may see it.",
    teen: "The app's rules decide who gets to see your age group. That depends on who the other person is: a contact, someone your age, or a stranger.",
  },
  "disclosure/minor-band-never-to-strangers": {
    child: "We never show your age to grown-ups you don't know.",
    teen: "We never show your age group to adults you don't know. That way a stranger cannot see that you are young.",
    adult:
      "An adult never gets to see the age of a child or young person, unless they already know each other.",
  },
  "disclosure/nothing-to-disclose-when-unverified": {
    child: "Your age has not been checked. So we show no age.",
    teen: "Your age has not been checked. So we show no age. We never show an age that was not checked.",
  },

  "report/default-category-from-context": {
    child: "You do not have to say what happened. If you want to, you choose it yourself.",
    teen: "The app picks a kind of report that fits what happened. You can choose another one yourself.",
  },
  "report/moderators-always": {
    child: "Your report always goes to the app's team. Only that team can read it.",
    teen: "Every report goes to the team that reviews reports. Only that team can read it, not the server.",
  },
  "report/advice-for-material-in-chats": {
    child:
      "Sometimes the police or a help service can help too. You see them here. You choose if you call them.",
    teen: "For this kind of report you can also go to an organisation yourself, such as the police or Helpwanted. The app sends them nothing. You decide.",
  },
  "report/advice-for-public-websites": {
    child: "Is it on a website? Then a reporting centre can help too. You choose if you do that.",
    teen: "Is it on a public website? Then Meldpunt Kinderporno can help too. They need the address of the website.",
  },
  "report/dsa-article-16-fields": {
    child: "A report has a few fixed parts. The app fills them in. You only tap Report.",
    teen: "Under European rules a report must have a few things: what is wrong, where it is and who reports it. The app fills that in for you.",
  },
  "report/reporter-identity-optional-for-child-sexual-abuse": {
    child: "For this report you may leave your name out.",
    teen: "For this kind of report you may leave your name out. European rules say so, to make reporting easier.",
  },
  "report/after-report-actions": {
    child: "After a report you can do more. You can block someone, leave or ask for help.",
    teen: "After a report you can do more: block someone, leave the chat or find help. The app shows what fits here.",
  },
  "report/evidence-window": {
    child:
      "A few messages from before go along. Then the team understands what happened. You may leave them out.",
    teen: "A few messages from before go with your report. That way the team sees what happened first. You can leave them out.",
  },
  "report/peers-not-criminalised": {
    child:
      "It was about someone your age. Then Helpwanted helps, for example to take a picture away. No need for the police.",
    teen: "It is about someone your age. Sharing pictures between people your age is not a crime. So Helpwanted helps you, also to get a picture taken offline. No police needed.",
  },
  "report/evidence-from-held-aside-request": {
    child:
      "The messages of this request go to the team. You do not have to read them. The team looks at them.",
    teen: "The messages of this request go to the team that reviews reports. You have not seen them and you will not be shown them.",
  },

  "protective-setting-change/setting-change-table": {
    child: "The app has rules for this button. They depend on how old you are.",
    teen: "The app's rules decide whether you may switch this on, and whether you read an explanation first. That depends on your age.",
  },
  "protective-setting-change/tightening-always-allowed": {
    child: "Making things safer is always allowed. It works right away.",
    teen: "Going back to the safe setting is always allowed. It works right away, without questions.",
  },
  "protective-setting-change/children-cannot-become-findable": {
    child:
      "Nobody can find children up to 12 by searching. So you cannot switch this on. People who know you can still chat with you.",
    teen: "Nobody can find children aged 12 or younger in search, except their contacts. That is why this switch stays off for them.",
  },

  "room/joined-room-is-a-chat": {
    child: "You are already in this chat. We don't simply show what someone you don't know writes.",
    teen: "You are already in this chat. What someone you don't know writes, you only see if you choose to.",
  },
  "room/inviter-judged-as-first-contact": {
    child:
      "We first look at who invites you. Don't you know them? Then the invitation is put aside.",
    teen: "We first look at who invites you. If you don't know them, the invitation goes to Requests.",
  },
  "room/strangers-inside-need-overview": {
    child:
      "Someone you don't know is in this group, even if a friend invited you. So we first show who is in it, not what they wrote.",
    teen: "Someone you don't know is in this group, even if a friend invited you. So you first see who is in it.",
  },
  "room/unknown-membership": {
    child: "We don't know who is in this group. So the group does not go straight to your chats.",
    teen: "The server does not show who is in this group. So the group does not go straight to your chats.",
  },
  "room/announce-strangers-joining": {
    child: "Someone you don't know came into this chat. We always tell you.",
    teen: "Someone you don't know joined this chat. We always tell you.",
  },
  "room/name-resembles-contact": {
    child: "This group's name looks like a friend's name. But it is a group, not a friend.",
    teen: "This group's name looks like the name of one of your contacts. But it is a group, not a friend.",
  },
  "room/name-resembles-help-service": {
    child:
      "This group's name looks like a help service. But it is not one. You find real help with the Help button.",
    teen: "This group's name looks like a help service. Real help is behind the Help button.",
  },
  "room/notification-content": {
    child:
      "Anyone can see a notification on your phone. So it only says: new message. Not who sent it, and not what it says.",
    teen: "Anyone who sees your phone can read a notification. So a notification only says there is a new message, not from whom or what.",
    adult:
      "Anyone who sees your phone can read a notification. So it shows no more than the rules for your age allow.",
  },

  // Media: images and files, decided by who sent them and when, never by what they show.
  "media/incoming-table": {
    child:
      "You see photos from your contacts straight away. Not from someone you don't know. The app never looks at what is in a photo.",
    teen: "Who sends something decides how you see it. Photos from your contacts show straight away. From others only when you tap, and blurred first. The app never looks at what is in a photo.",
    adult:
      "Who sends something decides how you see it: from your contacts straight away, from others only when you tap. The app never looks at what is in a photo.",
  },
  "media/recently-accepted": {
    child:
      "You have only known this person for a short time. So the app is extra careful for a while. That stops by itself.",
    teen: "You accepted this request only recently. So the app is careful with photos and files for a while. After a few days that stops by itself.",
  },
  "media/outgoing-table": {
    child:
      "You don't know this person that well yet. Someone can keep a photo. So the app asks you to think for a moment.",
    teen: "You are sending something to someone you don't know well yet. What you send can be saved. So the app asks you to think for a moment. You can still send it.",
  },
  "media/unsend-with-caveat": {
    child: "You can take something back. But the other person may have saved it already.",
    teen: "Taking it back removes it from the chat. But what someone already saved, the app cannot take back. So we tell you that honestly.",
  },
};
