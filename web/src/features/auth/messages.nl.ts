/** Teksten van inloggen, mijn account, wachtwoorden en tweestapsverificatie (issue 18). */
export const authNl = {
  "login.codeOrRecovery": "Code van 6 cijfers of herstelcode",
  "login.recoveryHint": "Telefoon kwijt? Vul dan een van uw herstelcodes in, zoals ABCDE-FGHJK.",

  "account.title": "Mijn account",
  "account.intro": "Hier verandert u uw wachtwoord en uw tweestapsverificatie.",
  "account.link": "Mijn account",
  "account.password.title": "Wachtwoord veranderen",
  "account.password.intro":
    "Kies een wachtwoord van minstens 12 tekens dat niet makkelijk te raden is. Een zin van vier of meer gewone woorden is goed te onthouden. Hoofdletters, cijfers of tekens zijn niet nodig.",
  "account.password.current": "Huidig wachtwoord",
  "account.password.new": "Nieuw wachtwoord",
  "account.password.repeat": "Nieuw wachtwoord nog een keer",
  "account.password.mismatch": "De twee nieuwe wachtwoorden zijn niet gelijk.",
  "account.password.submit": "Wachtwoord veranderen",
  "account.password.done": "Uw wachtwoord is veranderd. Op andere apparaten bent u uitgelogd.",
  "account.code": "Code van uw app of een herstelcode",
  "account.codeHint": "Nodig omdat tweestapsverificatie aan staat.",
  "account.mfa.title": "Tweestapsverificatie",
  "account.mfa.on": "Tweestapsverificatie staat aan. U heeft nog {left} herstelcodes.",
  "account.mfa.off": "Tweestapsverificatie staat uit.",
  "account.mfa.setUp": "Tweestapsverificatie instellen",
  "account.mfa.change": "Overzetten naar een nieuwe telefoon",
  "account.mfa.codesTitle": "Nieuwe herstelcodes maken",
  "account.mfa.codesIntro": "Uw oude herstelcodes werken daarna niet meer.",
  "account.mfa.codesSubmit": "Nieuwe herstelcodes maken",
  "account.mfa.disableTitle": "Tweestapsverificatie uitzetten",
  "account.mfa.disableIntro": "Uw account is dan minder goed beveiligd.",
  "account.mfa.disableSubmit": "Tweestapsverificatie uitzetten",
  "account.mfa.disabled": "Tweestapsverificatie staat nu uit.",

  "mfa.reauthIntro":
    "Laat eerst zien dat u het bent: vul uw huidige wachtwoord in, en als tweestapsverificatie al aan staat ook een code.",
  "mfa.stillOn": "Uw huidige tweestapsverificatie blijft werken tot u de nieuwe bevestigt.",

  "recovery.title": "Uw herstelcodes",
  "recovery.intro":
    "Raakt u uw telefoon kwijt? Dan logt u in met een van deze codes. Elke code werkt één keer. Bewaar ze op een veilige plek, bijvoorbeeld geprint in een afgesloten kast. U ziet ze nu voor het laatst.",
  "recovery.listLabel": "Herstelcodes",
  "recovery.saved": "Ik heb mijn herstelcodes bewaard",
  "recovery.continue": "Verder",

  "setPassword.title": "Wachtwoord instellen",
  "setPassword.intro": "Kies een wachtwoord voor uw account {username}.",
  "setPassword.checking": "De link wordt gecontroleerd…",
  "setPassword.noToken":
    "Deze link is niet volledig. Open de link uit de e-mail opnieuw, of vraag de functioneel beheerder om een nieuwe.",
  "setPassword.submit": "Wachtwoord opslaan",
  "setPassword.done": "Uw wachtwoord is opgeslagen. U kunt nu inloggen.",
  "setPassword.toLogin": "Naar inloggen",

  "users.sendLink": "Link voor wachtwoord sturen",
  "users.linkSent": "Er is een link gestuurd naar {name}. De link werkt 24 uur.",
  "users.resetMfa": "Tweestapsverificatie resetten",
  "users.mfaReset": "De tweestapsverificatie van {name} is gereset. Diegene krijgt daarover een e-mail.",
  "users.noPassword": "Een nieuwe gebruiker kiest zelf een wachtwoord via een link in de e-mail.",
};
