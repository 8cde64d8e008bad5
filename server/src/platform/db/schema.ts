import type { ColumnType, Generated } from "kysely";
import type { AreaAnalysisTables } from "../../modules/areaAnalysis/areaAnalysis.tables.ts";
import type { DirectoryTables } from "../../modules/directory/directory.tables.ts";
import type { DocumentTables } from "../../modules/documents/documents.tables.ts";
import type { DossierTables } from "../../modules/households/dossier.tables.ts";
import type { ImpactCalculatorTables } from "../../modules/impactCalculator/impactCalculator.tables.ts";
import type { PlanTables } from "../../modules/plans/plans.tables.ts";
import type { PortalTables } from "../../modules/portal/portal.tables.ts";
import type { PrivacyTables } from "../../modules/privacy/privacy.tables.ts";
import type { RetentionTables } from "../../modules/residentRights/retention.tables.ts";
import type { SignalTables } from "../../modules/signals/signals.tables.ts";
import type { SecurityTables } from "../auth/security.tables.ts";
import type { OperationsTables } from "./operations.tables.ts";

/** Columns the database fills in. */
type Auto<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MunicipalityTable {
  id: Generated<string>;
  code: string;
  name: string;
  zrmVersion: Auto<"2010" | "2017">;
  mfaRequiredRoles: Auto<string[]>;
  createdAt: Timestamp;
}

export interface OrganisationTable {
  municipalityId: string;
  id: Generated<string>;
  name: string;
  type: string;
  createdAt: Timestamp;
}

export interface TeamTable {
  municipalityId: string;
  id: Generated<string>;
  name: string;
  model: "integrated" | "frontBackOffice" | "network";
  areaCodes: Auto<string[]>;
  createdAt: Timestamp;
}

export interface AppUserTable {
  municipalityId: string;
  id: Generated<string>;
  username: string;
  displayName: string;
  email: string | null;
  role: string;
  homeOrganisationId: string | null;
  passwordHash: string | null;
  totpSecret: string | null;
  totpEnabled: Auto<boolean>;
  totpLastStep: Auto<number>;
  oidcSubject: string | null;
  failedLogins: Auto<number>;
  lockedUntil: Date | null;
  disabledAt: Date | null;
  createdAt: Timestamp;
  /** A new TOTP secret until the user confirms it with a code (migration 0027). */
  totpPendingSecret: ColumnType<string | null, string | null | undefined, string | null>;
  passwordChangedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface TeamMembershipTable {
  municipalityId: string;
  teamId: string;
  userId: string;
  organisationId: string;
  hoursPerWeek: number;
  expertise: Auto<string[]>;
  office: "front" | "back" | null;
}

export interface SessionTable {
  municipalityId: string;
  id: string;
  userId: string;
  csrfToken: string;
  mfaPassed: Auto<boolean>;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  clientIp: string | null;
}

export interface AuditEventTable {
  municipalityId: string;
  id: Generated<number>;
  occurredAt: Timestamp;
  action: string;
  actorUserId: string | null;
  actorRole: string | null;
  actorOrganisationId: string | null;
  teamId: string | null;
  resourceType: string;
  resourceId: string | null;
  householdId: string | null;
  residentId: string | null;
  clientIp: string | null;
  reason: string | null;
  details: Auto<Record<string, unknown>>;
  chainPosition: number | null;
  hash: string | null;
}

export interface AuditChainHeadTable {
  municipalityId: string;
  position: number;
  hash: string;
}

/** Per user and household the level the access rules give, and why (server/sql/functions/access.sql). */
export interface HouseholdAccessTable {
  municipalityId: string;
  userId: string;
  householdId: string;
  level: string;
  sources: string[];
  validFrom: Timestamp;
  validUntil: Timestamp;
}

export interface FoundationTables {
  municipality: MunicipalityTable;
  organisation: OrganisationTable;
  team: TeamTable;
  appUser: AppUserTable;
  teamMembership: TeamMembershipTable;
  session: SessionTable;
  auditEvent: AuditEventTable;
  auditChainHead: AuditChainHeadTable;
  householdAccess: HouseholdAccessTable;
}

/** All tables. Each domain module adds its own interface here. */
export interface DB
  extends FoundationTables,
    DirectoryTables,
    SignalTables,
    DossierTables,
    PlanTables,
    PortalTables,
    PrivacyTables,
    AreaAnalysisTables,
    ImpactCalculatorTables,
    RetentionTables,
    OperationsTables,
    SecurityTables,
    DocumentTables {}
