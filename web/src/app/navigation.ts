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
];
