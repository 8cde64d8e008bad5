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
  "session.loginThrottled",
  "session.accountLocked",
  "session.mfaChanged",
  "session.mfaDisabled",
  "session.mfaThrottled",
  "session.recoveryCodeUsed",
  "session.recoveryCodesRenewed",
  "session.passwordChanged",
  "session.passwordSet",
  // Administration
  "organisation.created",
  "team.created",
  "team.viewed",
  "team.memberAdded",
  "user.listed",
  "user.created",
  "user.disabled",
  "user.enabled",
  "user.mfaReset",
  "user.passwordSetupIssued",
  "audit.viewed",
  "audit.refusalsViewed",
  // Access: refused and failed attempts (written in a transaction of their own)
  "access.refused",
  // Household dossier
  "household.created",
  "household.viewed",
  "household.updated",
  "household.searched",
  "household.duplicateChecked",
  "household.merged",
  "resident.created",
  "resident.updated",
  "case.opened",
  "case.viewed",
  "case.statusChanged",
  "case.caseLeadHandedOver",
  "case.professionalInvolved",
  "case.involvementEnded",
  "case.closed",
  "case.reopened",
  "intake.recorded",
  "assessment.recorded",
  "journal.added",
  "household.memberAdded",
  "zrm.descriptionsImported",
  "zrm.versionChosen",
  // Social map (no resident data; contact persons and suggestion authors are staff data)
  "directory.entryCreated",
  "directory.entryUpdated",
  "directory.entryDeactivated",
  "directory.entryReactivated",
  "directory.imported",
  "directory.exported",
  "directory.suggestionSubmitted",
  "directory.suggestionApproved",
  "directory.suggestionRejected",
  "directory.usageViewed",
  // Early signalling
  "signal.submitted",
  "signal.duplicateSubmitted",
  "signal.listed",
  "signal.viewed",
  "signal.matchesViewed",
  "signal.triaged",
  "signal.contactAttemptRecorded",
  "signal.meldcodeStepRecorded",
  "signal.figuresExported",
  "signal.settingsChanged",
  "signal.routingRuleCreated",
  "signal.routingRuleRemoved",
  "signal.initiativeStarted",
  "partnerApiKey.issued",
  "partnerApiKey.revoked",
  // Support plan, network, reciprocity, worklist (issue 4)
  "plan.created",
  "plan.viewed",
  "plan.changed",
  "plan.versionsCompared",
  "plan.printed",
  "plan.agreementRecorded",
  "plan.figuresViewed",
  "network.viewed",
  "network.memberAdded",
  "network.memberChanged",
  "network.memberRemoved",
  "reciprocity.viewed",
  "reciprocity.offerRecorded",
  "reciprocity.candidatesSearched",
  "reciprocity.matchProposed",
  "reciprocity.consentRecorded",
  "reciprocity.namesShared",
  "worklist.viewed",
  // Resident portal
  "portal.codeRequested",
  "portal.codeRefused",
  "portal.accessRefused",
  "portal.representationRefused",
  "portal.overviewViewed",
  "portal.planViewed",
  "portal.planAgreed",
  "portal.goalCommented",
  "portal.goalProposed",
  "portal.goalProposalDecided",
  "portal.selfAssessmentSubmitted",
  "portal.selfAssessmentViewed",
  "portal.accessLogViewed",
  "portal.exportRequested",
  "portal.exportDownloaded",
  "portal.exportDownloadRefused",
  "portal.satisfactionAnswered",
  "portal.accountLinked",
  "portal.accountUnlinked",
  "portal.settingsChanged",
  "portal.caseLeadProfileUpdated",
  "representation.recorded",
  "representation.revoked",
  "closurePlan.recorded",
  "message.sent",
  "message.listed",
  // Privacy, conferences, emergency access, resident rights (issue 7)
  "privacy.purposeCreated",
  "privacy.purposesLoaded",
  "privacy.settingsChanged",
  "consent.recorded",
  "consent.withdrawn",
  "consent.listed",
  "case.purposeSet",
  "case.routed",
  "frontOffice.requestsViewed",
  "emergencyAccess.granted",
  "emergencyAccess.ended",
  "emergencyAccess.reviewed",
  "emergencyAccess.reviewListViewed",
  "emergencyAccess.seenByCaseLead",
  "conference.planned",
  "conference.viewed",
  "conference.caseAdded",
  "conference.decisionRecorded",
  "conference.decisionCompleted",
  "conference.minutesExported",
  "conference.learningNoteAdded",
  "conference.learningNotesSearched",
  "conference.candidatesListed",
  "conference.decisionOptionsViewed",
  "resident.exportDelivered",
  "resident.exportRequestsListed",
  "resident.exportExpired",
  "resident.exported",
  "resident.corrected",
  "retention.ran",
  "retention.logViewed",
  "legalHold.placed",
  "legalHold.released",
  "legalHold.listed",
  // Area analysis and staffing (no resident data; staffing views show staff names and hours)
  "areaAnalysis.imported",
  "areaAnalysis.weightsChanged",
  "staffing.viewed",
  "staffing.normChanged",
  "staffing.rosterChanged",
  // Outcome monitor and Effectencalculator (issue 9)
  "outcomes.viewed",
  "outcomes.exported",
  "impactCalculator.viewed",
  "impactCalculator.entryAdded",
  "impactCalculator.entryRemoved",
  "impactCalculator.teamOverviewViewed",
  "socialPrice.created",
  "socialPrice.updated",
  // Operations (issue 17): onboarding by the platform operator, e-mail delivery
  "municipality.onboarded",
  "user.passwordSetupIssued",
  "outbox.retried",
  // Documents in the dossier (issue 20)
  "document.listed",
  "document.viewed",
  "document.downloaded",
  "document.uploaded",
  "document.refused",
  "document.withdrawn",
  "document.kindAdded",
  "document.agreedPlanStored",
  "document.unfinishedRemoved",
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

/**
 * An event holds references, not content: ids, kinds, counts, versions. The hash chain can never forget
 * what it holds, so free text of a record (a reason, a note, a name) stays in that record, where
 * retention can remove it; auditReferences.test.ts scans every event for text of the records it points to.
 */
export interface AuditInput extends AuditSubject {
  action: AuditAction;
  /**
   * No service sets this any more (issue 19). Only the emergency-access trigger of 0007 still fills the
   * column, until the access model stores the emergency access id instead; then this field can go.
   */
  reason?: string | null;
  /** Content-free: ids, codes of the action itself, counts — never a record's free text or special-category values. */
  details?: Record<string, unknown>;
}
