import type { Session } from "../api/types.ts";
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

/** The menu's groups, in this order: daily work, working with others, steering, administration. */
export const navGroups = ["work", "together", "steering", "admin"] as const;
export type NavGroup = (typeof navGroups)[number];

/** Who the destination is for besides the permission: the front office sees its own screens only. */
type Audience = "frontOffice" | "notFrontOffice";

export interface Destination {
  href: string;
  label: MessageKey;
  description: MessageKey;
  /** Shown when the session holds at least one of these permissions. */
  anyOf: readonly string[];
  group: NavGroup;
  audience?: Audience;
}

/** Everything a role can reach from the menu and the start page, in one list. */
export const destinations: readonly Destination[] = [
  {
    href: "/aanvragen",
    label: "nav.frontOffice",
    description: "tile.frontOffice.text",
    anyOf: ["case.route"],
    group: "work",
    audience: "frontOffice",
  },
  {
    href: "/beoordelen",
    label: "nav.reviews",
    description: "tile.reviews.text",
    anyOf: ["emergencyAccess.review"],
    group: "work",
  },
  {
    href: "/mijn-werk",
    label: "nav.worklist",
    description: "tile.worklist.text",
    anyOf: ["worklist.read"],
    group: "work",
    audience: "notFrontOffice",
  },
  {
    href: "/dossiers",
    label: "nav.dossiers",
    description: "tile.dossiers.text",
    anyOf: ["household.search", "case.read"],
    group: "work",
    audience: "notFrontOffice",
  },
  {
    href: "/beheer/organisaties",
    label: "nav.organisations",
    description: "tile.organisations.text",
    anyOf: [permissions.organisationRead, permissions.organisationManage],
    group: "admin",
  },
  {
    href: "/beheer/teams",
    label: "nav.teams",
    description: "tile.teams.text",
    anyOf: [permissions.teamRead, permissions.teamManage],
    group: "admin",
  },
  {
    href: "/beheer/gebruikers",
    label: "nav.users",
    description: "tile.users.text",
    // The account list is an administration tool; user.read alone serves pickers elsewhere.
    anyOf: [permissions.userManage],
    group: "admin",
  },
  {
    href: "/audit",
    label: "nav.audit",
    description: "tile.audit.text",
    anyOf: [permissions.auditReadTeam, permissions.auditReadMunicipality],
    group: "admin",
  },
  {
    href: "/sociale-kaart-intern",
    label: "nav.directory",
    description: "tile.directory.text",
    anyOf: ["directory.read"],
    group: "together",
  },
  {
    href: "/signalen",
    label: "nav.signals",
    description: "tile.signals.text",
    anyOf: [permissions.signalSubmit],
    group: "work",
  },
  {
    href: "/signalen/triage",
    label: "nav.signalTriage",
    description: "tile.signalTriage.text",
    anyOf: [permissions.signalTriage],
    group: "work",
  },
  {
    href: "/signalen/buurten",
    label: "nav.neighbourhood",
    description: "tile.neighbourhood.text",
    anyOf: [permissions.signalViewNeighbourhood],
    group: "steering",
  },
  {
    href: "/signalen/cijfers",
    label: "nav.signalFigures",
    description: "tile.signalFigures.text",
    anyOf: [permissions.signalViewFigures],
    group: "steering",
  },
  {
    href: "/beheer/zrm",
    label: "nav.zrm",
    description: "tile.zrm.text",
    anyOf: ["zrm.configure"],
    group: "admin",
  },
  {
    href: "/beheer/signalen",
    label: "nav.signalSettings",
    description: "tile.signalSettings.text",
    anyOf: [permissions.signalConfigure],
    group: "admin",
  },
  {
    href: "/beheer/api-sleutels",
    label: "nav.apiKeys",
    description: "tile.apiKeys.text",
    anyOf: [permissions.signalConfigure],
    group: "admin",
  },
  {
    href: "/mijn",
    label: "nav.portal",
    description: "tile.portal.text",
    anyOf: ["portal.use"],
    group: "work",
  },
  {
    href: "/inwoneraccounts",
    label: "nav.residentAccounts",
    description: "tile.residentAccounts.text",
    anyOf: ["user.manage"],
    group: "admin",
  },
  {
    href: "/inwonerberichten",
    label: "nav.portalDesk",
    description: "tile.portalDesk.text",
    anyOf: ["case.read"],
    group: "work",
    audience: "notFrontOffice",
  },
  {
    href: "/monitor",
    label: "nav.outcomes",
    description: "tile.outcomes.text",
    anyOf: ["outcomes.read"],
    group: "steering",
  },
  {
    href: "/effectencalculator",
    label: "nav.impact",
    description: "tile.impact.text",
    anyOf: ["impactCalculator.viewTeam"],
    group: "steering",
  },
  {
    href: "/effectencalculator/prijslijst",
    label: "nav.priceList",
    description: "tile.priceList.text",
    anyOf: ["socialPrice.manage"],
    group: "admin",
  },
  {
    href: "/wijkanalyse",
    label: "nav.areaAnalysis",
    description: "tile.areaAnalysis.text",
    anyOf: ["areaAnalysis.read"],
    group: "steering",
  },
  {
    href: "/wijkanalyse/importeren",
    label: "nav.cbsImport",
    description: "tile.cbsImport.text",
    anyOf: ["areaAnalysis.import"],
    group: "admin",
  },
  {
    href: "/casusoverleg",
    label: "nav.conferences",
    description: "tile.conferences.text",
    anyOf: ["conference.read"],
    group: "together",
    audience: "notFrontOffice",
  },
  {
    href: "/leerpunten",
    label: "nav.learningNotes",
    description: "tile.learningNotes.text",
    anyOf: ["learning.read"],
    group: "together",
  },
  {
    href: "/noodtoegang/beoordelen",
    label: "nav.emergencyReviews",
    description: "tile.emergencyReviews.text",
    anyOf: ["emergencyAccess.review"],
    group: "work",
  },
  {
    href: "/inzageverzoeken",
    label: "nav.exportRequests",
    description: "tile.exportRequests.text",
    anyOf: ["resident.export"],
    group: "work",
    audience: "notFrontOffice",
  },
  {
    href: "/beheer/verwerkingsdoelen",
    label: "nav.purposes",
    description: "tile.purposes.text",
    anyOf: ["privacy.manage"],
    group: "admin",
  },
  {
    href: "/beheer/werking",
    label: "nav.operations",
    description: "tile.operations.text",
    anyOf: ["operations.read"],
    group: "admin",
  },
  {
    href: "/bezetting",
    label: "nav.staffing",
    description: "tile.staffing.text",
    anyOf: ["staffing.read"],
    group: "steering",
  },
  {
    href: "/wijkbudget",
    label: "nav.budget",
    description: "tile.budget.text",
    anyOf: ["budget.read"],
    group: "steering",
  },
];

/** A member of the front office only (the loket): it works from its requests, not from dossiers. */
export function isFrontOffice(session: Session): boolean {
  return session.teams.length > 0 && session.teams.every((team) => team.office === "front");
}

/** Shown to this session: the permission from the server, and the audience for the front office. */
export function visibleTo(session: Session, item: Destination): boolean {
  if (!item.anyOf.some((permission) => session.permissions.includes(permission))) return false;
  if (item.audience === "frontOffice") return isFrontOffice(session);
  if (item.audience === "notFrontOffice") return !isFrontOffice(session);
  return true;
}

/**
 * Where a role starts after logging in: the front office on its requests, a team lead on the review lists,
 * a professional on Mijn werk, a resident in the portal, policy staff on the monitor; others on the start page.
 */
export function landingPath(session: Session): string {
  const can = (permission: string) => session.permissions.includes(permission);
  if (session.user.role === "resident") return "/mijn";
  if (isFrontOffice(session) && can("case.route")) return "/aanvragen";
  if (session.user.role === "teamLead" && can("emergencyAccess.review")) return "/beoordelen";
  if (can("worklist.read")) return "/mijn-werk";
  if (session.user.role === "policyOfficer" && can("outcomes.read")) return "/monitor";
  if (session.user.role === "partner" && can("signal.submit")) return "/signalen";
  return "/";
}
