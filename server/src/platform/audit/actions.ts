/**
 * The closed list of audit actions. Every read or change of personal data writes one of these, in the
 * same transaction. Adding a kind of event means adding it here; anything else does not compile.
 */
export const AUDIT_ACTIONS = [
  // Authentication
  "session.loggedIn",
  "session.loginFailed",
  "session.loggedOut",
  "session.mfaEnabled",
  "session.mfaFailed",
  // Administration
  "organisation.created",
  "team.created",
  "team.viewed",
  "team.memberAdded",
  "user.listed",
  "user.created",
  "user.disabled",
  "user.enabled",
  "audit.viewed",
  // Household dossier
  "household.created",
  "household.viewed",
  "household.updated",
  "household.searched",
  "household.merged",
  "resident.created",
  "resident.updated",
  "case.opened",
  "case.viewed",
  "case.statusChanged",
  "case.caseLeadHandedOver",
  "case.professionalInvolved",
  "case.closed",
  "case.reopened",
  "intake.recorded",
  "assessment.recorded",
  "journal.added",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an event is about. Household and resident ids make "who looked at my data" answerable. */
export interface AuditSubject {
  resourceType: string;
  resourceId?: string | null;
  householdId?: string | null;
  residentId?: string | null;
  teamId?: string | null;
}

export interface AuditInput extends AuditSubject {
  action: AuditAction;
  reason?: string | null;
  details?: Record<string, unknown>;
}
