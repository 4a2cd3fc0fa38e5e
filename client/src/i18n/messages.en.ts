// English, the client's second language. Must have exactly the Dutch keys.
import type { MessageKey } from "./messages.nl.ts";

export const en: Readonly<Record<MessageKey, string>> = {
  "app.name": "Safe Chat",
  "app.tagline": "Encrypted chat, with help close by.",
  "language.label": "Language",
  "language.nl": "Nederlands",
  "language.en": "English",

  "signIn.title": "Sign in",
  "signIn.username": "Username",
  "signIn.password": "Password",
  "signIn.server": "Server",
  "signIn.serverHint": "The address of your Matrix server.",
  "signIn.changeServer": "Choose another server",
  "signIn.submit": "Sign in",
  "signIn.busy": "Signing in…",
  "signIn.error.wrongCredentials": "Your username or password is not right. Please try again.",
  "signIn.error.unreachable":
    "We cannot reach the server {server}. Are you online? Is the address right?",
  "signIn.error.notAHomeserver": "There is no Matrix server at {server}. Check the address.",
  "signIn.error.unsupportedServer": "This server is too old for this app. Needed: {missing}.",
  "signIn.error.invalidUrl":
    "This server address is not right. A good address looks like https://matrix.example.org.",
  "signIn.error.serverError":
    "Something went wrong on the server (error {status}). Please try again later.",
  "signIn.error.required": "Fill in your username and password.",

  "session.restoring": "Loading your chats…",
  "session.startFailed": "Your chats could not be loaded. Please sign in again.",

  "chats.title": "Chats",
  "chats.empty": "You have no chats yet.",
  "chats.unread_one": "{count} new message",
  "chats.unread_other": "{count} new messages",
  "chats.signedInAs": "Signed in as {userId}",
  "chats.offline": "No connection. We keep trying.",
  "chats.signOut": "Sign out",

  "conversation.back": "Back to chats",
  "conversation.encrypted": "Messages are encrypted. Only you can read them.",
  "conversation.notFound": "This chat does not exist (any more).",
  "conversation.loadOlder": "Load older messages",
  "conversation.loadingOlder": "Loading older messages…",
  "conversation.loadOlderFailed": "Older messages could not be loaded.",
  "conversation.noOlder": "This is the start of the chat.",
  "conversation.composerLabel": "Message",
  "conversation.composerPlaceholder": "Write a message",
  "conversation.send": "Send",
  "conversation.sending": "Sending…",
  "conversation.failed": "Not sent.",
  "conversation.retry": "Try again",
  "conversation.undecryptable_one":
    "{count} message cannot be read here. It was encrypted for an earlier sign-in or another device.",
  "conversation.undecryptable_other":
    "{count} messages cannot be read here. They were encrypted for an earlier sign-in or another device.",
  "conversation.you": "You",
  "conversation.actions": "Options for this chat",
  "conversation.leave": "Leave chat",
  "conversation.block": "Block {name}",
  "conversation.messagesLabel": "Messages",
};
