import type { MessageKey } from "../i18n/i18n.ts";

/** Permission strings as the server sends them in the session. */
export const permissions = {
  organisationRead: "organisation.read",
  organisationManage: "organisation.manage",
  teamRead: "team.read",
  teamManage: "team.manage",
  userRead: "user.read",
  userManage: "user.manage",
  auditReadTeam: "audit.readTeam",
  auditReadMunicipality: "audit.readMunicipality",
  signalSubmit: "signal.submit",
  signalTriage: "signal.triage",
  signalViewNeighbourhood: "signal.viewNeighbourhood",
  signalViewFigures: "signal.viewFigures",
  signalConfigure: "signal.configure",
} as const;

export interface Destination {
  href: string;
  label: MessageKey;
  description: MessageKey;
  /** Shown when the session holds at least one of these permissions. */
  anyOf: readonly string[];
}

/** Everything a role can reach from the menu and the start page, in one list. */
export const destinations: readonly Destination[] = [
  {
    href: "/mijn-werk",
    label: "nav.worklist",
    description: "tile.worklist.text",
    anyOf: ["worklist.read"],
  },
  {
    href: "/dossiers",
    label: "nav.dossiers",
    description: "tile.dossiers.text",
    anyOf: ["household.search", "case.read"],
  },
  {
    href: "/beheer/organisaties",
    label: "nav.organisations",
    description: "tile.organisations.text",
    anyOf: [permissions.organisationRead, permissions.organisationManage],
  },
  {
    href: "/beheer/teams",
    label: "nav.teams",
    description: "tile.teams.text",
    anyOf: [permissions.teamRead, permissions.teamManage],
  },
  {
    href: "/beheer/gebruikers",
    label: "nav.users",
    description: "tile.users.text",
    // The account list is an administration tool; user.read alone serves pickers elsewhere.
    anyOf: [permissions.userManage],
  },
  {
    href: "/audit",
    label: "nav.audit",
    description: "tile.audit.text",
    anyOf: [permissions.auditReadTeam, permissions.auditReadMunicipality],
  },
  {
    href: "/sociale-kaart-intern",
    label: "nav.directory",
    description: "tile.directory.text",
    anyOf: ["directory.read"],
  },
  {
    href: "/signalen",
    label: "nav.signals",
    description: "tile.signals.text",
    anyOf: [permissions.signalSubmit],
  },
  {
    href: "/signalen/triage",
    label: "nav.signalTriage",
    description: "tile.signalTriage.text",
    anyOf: [permissions.signalTriage],
  },
  {
    href: "/signalen/buurten",
    label: "nav.neighbourhood",
    description: "tile.neighbourhood.text",
    anyOf: [permissions.signalViewNeighbourhood],
  },
  {
    href: "/signalen/cijfers",
    label: "nav.signalFigures",
    description: "tile.signalFigures.text",
    anyOf: [permissions.signalViewFigures],
  },
  {
    href: "/beheer/zrm",
    label: "nav.zrm",
    description: "tile.zrm.text",
    anyOf: ["zrm.configure"],
  },
  {
    href: "/beheer/signalen",
    label: "nav.signalSettings",
    description: "tile.signalSettings.text",
    anyOf: [permissions.signalConfigure],
  },
  {
    href: "/beheer/api-sleutels",
    label: "nav.apiKeys",
    description: "tile.apiKeys.text",
    anyOf: [permissions.signalConfigure],
  },
  { href: "/mijn", label: "nav.portal", description: "tile.portal.text", anyOf: ["portal.use"] },
  {
    href: "/inwoneraccounts",
    label: "nav.residentAccounts",
    description: "tile.residentAccounts.text",
    anyOf: ["user.manage"],
  },
  {
    href: "/inwonerberichten",
    label: "nav.portalDesk",
    description: "tile.portalDesk.text",
    anyOf: ["case.read"],
  },
  {
    href: "/monitor",
    label: "nav.outcomes",
    description: "tile.outcomes.text",
    anyOf: ["outcomes.read"],
  },
  {
    href: "/effectencalculator",
    label: "nav.impact",
    description: "tile.impact.text",
    anyOf: ["impactCalculator.viewTeam"],
  },
  {
    href: "/effectencalculator/prijslijst",
    label: "nav.priceList",
    description: "tile.priceList.text",
    anyOf: ["socialPrice.manage"],
  },
  {
    href: "/wijkanalyse",
    label: "nav.areaAnalysis",
    description: "tile.areaAnalysis.text",
    anyOf: ["areaAnalysis.read"],
  },
  {
    href: "/wijkanalyse/importeren",
    label: "nav.cbsImport",
    description: "tile.cbsImport.text",
    anyOf: ["areaAnalysis.import"],
  },
  {
    href: "/casusoverleg",
    label: "nav.conferences",
    description: "tile.conferences.text",
    anyOf: ["conference.read"],
  },
  {
    href: "/leerpunten",
    label: "nav.learningNotes",
    description: "tile.learningNotes.text",
    anyOf: ["learning.read"],
  },
  {
    href: "/noodtoegang/beoordelen",
    label: "nav.emergencyReviews",
    description: "tile.emergencyReviews.text",
    anyOf: ["emergencyAccess.review"],
  },
  {
    href: "/inzageverzoeken",
    label: "nav.exportRequests",
    description: "tile.exportRequests.text",
    anyOf: ["resident.export"],
  },
  {
    href: "/beheer/verwerkingsdoelen",
    label: "nav.purposes",
    description: "tile.purposes.text",
    anyOf: ["privacy.manage"],
  },
  { href: "/bezetting", label: "nav.staffing", description: "tile.staffing.text", anyOf: ["staffing.read"] },
  { href: "/wijkbudget", label: "nav.budget", description: "tile.budget.text", anyOf: ["budget.read"] },
  {
    href: "/beheer/werking",
    label: "nav.operations",
    description: "tile.operations.text",
    anyOf: ["operations.read"],
  },
];
