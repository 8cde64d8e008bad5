/** Shapes of the server's JSON responses (see the server's TypeBox schemas). */

export const roles = [
  "administrator",
  "teamLead",
  "professional",
  "partner",
  "policyOfficer",
  "resident",
] as const;
export type Role = (typeof roles)[number];

export const teamModels = ["integrated", "frontBackOffice", "network"] as const;
export type TeamModel = (typeof teamModels)[number];

export const organisationTypes = [
  "welfare",
  "socialWork",
  "mentalHealth",
  "homeCare",
  "generalPractice",
  "housingCorporation",
  "police",
  "municipality",
  "youthAndFamilyCentre",
  "debtCounselling",
  "volunteerOrganisation",
  "other",
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

export type Office = "front" | "back";

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  municipalityId: string;
  municipalityName: string;
  organisationName: string | null;
  mfaEnabled: boolean;
}

export interface SessionTeam {
  id: string;
  name: string;
  model: TeamModel;
  /** In a front-/back-office team: which office the user works in. */
  office?: Office | null;
}

/** "active" once the password (and, where needed, the second factor) is done. */
export type SessionStage = "active" | "mfaRequired" | "mfaSetupRequired";

export interface Session {
  user: SessionUser;
  stage?: SessionStage;
  teams: SessionTeam[];
  permissions: string[];
  csrfToken: string;
}

export interface LoginResult {
  status: "ok" | "mfaRequired" | "mfaSetupRequired";
}

export interface MfaSetup {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

export interface Organisation {
  id: string;
  name: string;
  type: OrganisationType;
}

export interface TeamSummary {
  id: string;
  name: string;
  model: TeamModel;
  areaCodes: string[];
  memberCount: number;
}

export interface TeamMember {
  userId: string;
  displayName: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  hoursPerWeek: number;
  expertise: string[];
  office: Office | null;
}

export interface TeamDetail {
  id: string;
  name: string;
  model: TeamModel;
  areaCodes: string[];
  members: TeamMember[];
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  homeOrganisationId: string | null;
  homeOrganisationName: string | null;
  disabled: boolean;
  mfaEnabled: boolean;
}

export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorDisplayName: string | null;
  actorRole: string | null;
  actorOrganisationName: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  householdId: string | null;
  householdName?: string | null;
  clientIp: string | null;
  reason: string | null;
}

export interface ListResponse<T> {
  items: T[];
}

export interface AuditPage extends ListResponse<AuditEvent> {
  nextBefore: string | null;
}
