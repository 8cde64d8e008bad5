import type { authNl } from "./messages.nl.ts";

/** English texts of sign-in, my account, passwords and two-step verification. */
export const authEn: Record<keyof typeof authNl, string> = {
  "login.codeOrRecovery": "6-digit code or recovery code",
  "login.recoveryHint": "Lost your phone? Enter one of your recovery codes, such as ABCDE-FGHJK.",

  "account.title": "My account",
  "account.intro": "Change your password and your two-step verification here.",
  "account.link": "My account",
  "account.password.title": "Change password",
  "account.password.intro":
    "Choose a password of at least 12 characters that is not easy to guess. A sentence of four or more ordinary words is easy to remember. Capitals, digits or symbols are not needed.",
  "account.password.current": "Current password",
  "account.password.new": "New password",
  "account.password.repeat": "New password once more",
  "account.password.mismatch": "The two new passwords are not the same.",
  "account.password.submit": "Change password",
  "account.password.done": "Your password has been changed. You have been signed out on other devices.",
  "account.code": "Code from your app or a recovery code",
  "account.codeHint": "Needed because two-step verification is on.",
  "account.mfa.title": "Two-step verification",
  "account.mfa.on": "Two-step verification is on. You have {left} recovery codes left.",
  "account.mfa.off": "Two-step verification is off.",
  "account.mfa.setUp": "Set up two-step verification",
  "account.mfa.change": "Move to a new phone",
  "account.mfa.codesTitle": "Create new recovery codes",
  "account.mfa.codesIntro": "Your old recovery codes will stop working.",
  "account.mfa.codesSubmit": "Create new recovery codes",
  "account.mfa.disableTitle": "Switch off two-step verification",
  "account.mfa.disableIntro": "Your account is then less well protected.",
  "account.mfa.disableSubmit": "Switch off two-step verification",
  "account.mfa.disabled": "Two-step verification is now off.",

  "mfa.reauthIntro":
    "First show it is you: enter your current password and, if two-step verification is already on, a code.",
  "mfa.stillOn": "Your current two-step verification keeps working until you confirm the new one.",

  "recovery.title": "Your recovery codes",
  "recovery.intro":
    "If you lose your phone, sign in with one of these codes. Each code works once. Keep them in a safe place, for instance printed in a locked cupboard. This is the last time you see them.",
  "recovery.listLabel": "Recovery codes",
  "recovery.saved": "I have saved my recovery codes",
  "recovery.continue": "Continue",

  "setPassword.title": "Set your password",
  "setPassword.intro": "Choose a password for your account {username}.",
  "setPassword.checking": "Checking the link…",
  "setPassword.noToken":
    "This link is incomplete. Open the link in the e-mail again, or ask the administrator for a new one.",
  "setPassword.submit": "Save password",
  "setPassword.done": "Your password has been saved. You can sign in now.",
  "setPassword.toLogin": "Go to sign in",

  "users.sendLink": "Send password link",
  "users.linkSent": "A link has been sent to {name}. It works for 24 hours.",
  "users.resetMfa": "Reset two-step verification",
  "users.mfaReset": "Two-step verification of {name} has been reset. They receive an e-mail about it.",
  "users.noPassword": "A new user chooses their own password through a link in the e-mail.",
};
