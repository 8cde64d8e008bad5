/**
 * Retention for every kind of record (issue 19): which rule removes each table's rows, with its trigger
 * and period. Periods that depend on the purpose of processing come from the municipality's register
 * (processing_purpose: Wmo 15 years, youth 20, debt counselling 7 and anonymised, signals 6 months …);
 * the others are fixed here, each with the reason for its length. retention.test.ts fails when a table
 * with personal data is declared nowhere below.
 */

export const RETENTION_KINDS = [
  "household",
  "residentAccount",
  "signal",
  "consentWithdrawn",
  "conference",
  "messageThread",
  "exportDelivery",
  "partnerApiKey",
  "emergencyAccess",
  "session",
  "oneTimeCode",
  "outbox",
  "legalHold",
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** Periods not set by a purpose of processing. */
export const PERIODS = {
  /** A withdrawn consent proves what was lawful before; a year covers complaints and objections. */
  consentWithdrawnMonths: 12,
  /** Agenda, decisions and participants of a conference: two years after it met (decisions live on in plans). */
  conferenceMonths: 24,
  /** The resident ↔ case lead thread: two years after the case closed (aftercare, questions, complaints). */
  messageThreadMonths: 24,
  /** A delivered export's record (its content goes when the 30-day download ends): one year after that. */
  exportDeliveryMonths: 12,
  /** A revoked partner key: a year after revocation, once no signal refers to it. */
  partnerApiKeyMonths: 12,
  /** Emergency access with its reason: five years after it ended (the access log's period), once reviewed. */
  emergencyAccessMonths: 60,
  /** Login codes of the portal: a day after they expired or were used. */
  oneTimeCodeDays: 1,
  /** E-mail notifications: thirty days after sending (or after creation, when never sent). */
  outboxDays: 30,
  /** Sessions end after the idle or absolute time of the configuration; they go on the next run. */
} as const;

/** The rule as the log names it (Dutch), per kind; household and signal rules name their purpose. */
export const RULE_TEXTS: Record<Exclude<RetentionKind, "household" | "signal">, string> = {
  residentAccount: "inwoneraccount: met het huishouden waar het bij hoort",
  consentWithdrawn: `ingetrokken toestemming: ${PERIODS.consentWithdrawnMonths} maanden na intrekking`,
  conference: `casusoverleg: ${PERIODS.conferenceMonths} maanden na de datum van het overleg`,
  messageThread: `berichten bij een casus: ${PERIODS.messageThreadMonths} maanden na het afsluiten van de casus`,
  exportDelivery: `geleverde export: inhoud na de downloadtermijn, de rest ${PERIODS.exportDeliveryMonths} maanden daarna`,
  partnerApiKey: `ingetrokken koppelsleutel: ${PERIODS.partnerApiKeyMonths} maanden na intrekking`,
  emergencyAccess: `noodtoegang: ${PERIODS.emergencyAccessMonths} maanden na afloop, na beoordeling`,
  session: "sessie: na afloop (inactief of maximale duur)",
  oneTimeCode: `inlogcode: ${PERIODS.oneTimeCodeDays} dag na gebruik of verlopen`,
  outbox: `e-mailbericht: ${PERIODS.outboxDays} dagen na verzenden`,
  legalHold: "opgeheven bewaarplicht: met het gegeven waar zij bij hoorde",
};

/**
 * Every table of the schema: the rules that remove its rows, or why what it holds stays, or that it
 * holds no personal data. Tables with a household_id or resident_id are removed with the household
 * (the job finds them from the schema); a kind of their own removes them earlier.
 */
export interface TableRetention {
  kinds?: readonly RetentionKind[];
  /** Personal data that stays on purpose, and why. */
  kept?: string;
  /** Holds nothing about a person. */
  notPersonal?: string;
}

const HOUSEHOLD: TableRetention = { kinds: ["household"] };
const STAFF_REFERENCE =
  "Alleen een verwijzing naar het account van de medewerker die iets instelde; blijft zolang de instelling bestaat.";

export const RETENTION_TABLES: Record<string, TableRetention> = {
  // The household dossier and everything that hangs off it.
  household: HOUSEHOLD,
  resident: HOUSEHOLD,
  household_member: HOUSEHOLD,
  household_merge: HOUSEHOLD,
  case_file: HOUSEHOLD,
  case_professional: HOUSEHOLD,
  case_lead_handover: HOUSEHOLD,
  case_status_change: HOUSEHOLD,
  case_purpose: HOUSEHOLD,
  case_routing: HOUSEHOLD,
  case_outcome_summary: HOUSEHOLD,
  case_closure_plan: HOUSEHOLD,
  intake: HOUSEHOLD,
  assessment: HOUSEHOLD,
  assessment_score: HOUSEHOLD,
  journal_entry: HOUSEHOLD,
  resident_correction: HOUSEHOLD,
  support_plan: HOUSEHOLD,
  plan_goal: HOUSEHOLD,
  plan_action: HOUSEHOLD,
  plan_action_progress: HOUSEHOLD,
  plan_version: HOUSEHOLD,
  plan_agreement: HOUSEHOLD,
  plan_review: HOUSEHOLD,
  network_member: HOUSEHOLD,
  reciprocity_offer: HOUSEHOLD,
  reciprocity_match: HOUSEHOLD,
  reciprocity_consent: HOUSEHOLD,
  resident_account: HOUSEHOLD,
  representation: HOUSEHOLD,
  self_assessment: HOUSEHOLD,
  self_assessment_score: HOUSEHOLD,
  satisfaction_invitation: HOUSEHOLD,
  goal_proposal: HOUSEHOLD,
  goal_comment: HOUSEHOLD,
  impact_entry: HOUSEHOLD,
  // Documents (issue 20): with the household, withdrawn ones too; the chunks go with their document.
  document: HOUSEHOLD,
  document_chunk: HOUSEHOLD,
  consent: { kinds: ["household", "consentWithdrawn"] },
  emergency_access: { kinds: ["household", "emergencyAccess"] },
  portal_message: { kinds: ["household", "messageThread"] },
  export_request: { kinds: ["household", "exportDelivery"] },
  export_delivery: { kinds: ["household", "exportDelivery"] },
  conference_agenda_item: { kinds: ["household", "conference"] },
  conference_decision: { kinds: ["household", "conference"] },
  signal: { kinds: ["household", "signal"] },
  signal_contact_attempt: { kinds: ["household", "signal"] },
  signal_meldcode_step: { kinds: ["household", "signal"] },
  legal_hold: { kinds: ["household", "signal", "legalHold"] },
  // Records with a trigger of their own.
  case_conference: { kinds: ["conference"] },
  conference_participant: { kinds: ["conference"] },
  partner_api_key: { kinds: ["partnerApiKey"] },
  session: { kinds: ["session"] },
  one_time_code: { kinds: ["oneTimeCode"] },
  outbox_message: { kinds: ["outbox"] },
  app_user: {
    kinds: ["residentAccount"],
    kept: "Accounts van medewerkers blijven zolang zij er werken; de beheerder zet ze uit (het personeelsdossier valt buiten Wijkwerk).",
  },
  // Kept on purpose.
  audit_event: {
    kept: "De hash-keten van het logboek (NEN 7513) kan niet worden ingekort; zij bevat alleen verwijzingen (ids, soort, wie, wanneer), geen inhoud.",
  },
  mfa_recovery_code: {
    kept: "Herstelcodes (als hash) horen bij het account van een medewerker en verdwijnen met dat account of bij een reset.",
  },
  password_setup_token: {
    kept: "Eenmalige links (als hash) horen bij een account en verdwijnen met dat account; verlopen links werken niet meer.",
  },
  reminder: {
    kept: "Een herinnering verdwijnt met de casus, evaluatie, het signaal of de sociale-kaartvermelding waar zij over gaat (cascade).",
  },
  household_access: {
    kept: "Wie welk huishouden mag zien, afgeleid van team, casus en noodtoegang; verdwijnt met het huishouden (cascade).",
  },
  retention_run: { kept: "Het logboek van deze taak zelf: alleen ids, aantallen en regels." },
  retention_log_entry: { kept: "Het logboek van deze taak zelf: soort, id, datum en regel, nooit inhoud." },
  case_learning_note: {
    kept: "Wat het team leerde, zonder persoonsgegevens (gecontroleerd bij opslaan); de koppeling met het overleg verdwijnt met het overleg.",
  },
  neighbourhood_initiative: {
    kept: "Een buurtaanpak, geen gegevens over een persoon (titel en tekst gecontroleerd); alleen een verwijzing naar de medewerker die begon.",
  },
  team_membership: { kept: "Teamlidmaatschap van medewerkers, zolang zij in het team werken." },
  staffing_roster_slot: { kept: "Rooster van medewerkers, zolang zij in het team werken." },
  case_lead_profile: { kept: "Profiel van een regiehouder voor inwoners, door de medewerker zelf beheerd." },
  directory_entry: {
    kept: "Sociale kaart: openbare contactgegevens van organisaties, beheerd door de functioneel beheerder.",
  },
  directory_suggestion: {
    kept: "Voorstellen voor de sociale kaart van medewerkers en partners, beheerd met de kaart.",
  },
  signal_routing_rule: { kept: STAFF_REFERENCE },
  cbs_import: { kept: STAFF_REFERENCE },
  area_demand_weight: { kept: STAFF_REFERENCE },
  portal_setting: { kept: STAFF_REFERENCE },
  team_staffing_norm: { kept: STAFF_REFERENCE },
  social_price: { kept: STAFF_REFERENCE },
  document_kind: { kept: STAFF_REFERENCE },
  // Nothing about a person.
  municipality: { notPersonal: "De gemeente." },
  organisation: { notPersonal: "Organisaties." },
  team: { notPersonal: "Teams." },
  area: { notPersonal: "CBS-wijken en -buurten." },
  area_location: { notPersonal: "Ligging van CBS-gebieden." },
  cbs_region: { notPersonal: "CBS-gebieden per jaar." },
  area_indicator_value: { notPersonal: "Open data van CBS per gebied." },
  zrm_level_description: { notPersonal: "Omschrijvingen van de ZRM-niveaus." },
  signal_settings: { notPersonal: "Termijnen per urgentie." },
  processing_purpose: { notPersonal: "Het register van verwerkingsdoelen." },
  privacy_setting: { notPersonal: "Instellingen voor noodtoegang." },
  satisfaction_response: { notPersonal: "Anonieme antwoorden per team en maand, zonder huishouden." },
  audit_chain_head: { notPersonal: "De kop van de hash-keten." },
  schema_migration: { notPersonal: "Welke migraties draaiden." },
  schema_repeatable: { notPersonal: "Welke bestanden met functies en regels zijn toegepast." },
  document_key: { notPersonal: "De versleutelde gegevenssleutel van de gemeente voor documenten." },
  job_run: { notPersonal: "Wanneer welke achtergrondtaak liep, met aantallen; geen persoonsgegevens." },
  rate_limit_bucket: {
    notPersonal:
      "Tellers van pogingen onder een hash van naam of adres; de volgende schrijver ruimt verlopen tellers op.",
  },
};

/** Columns that make a table hold personal data (of residents, reporters or staff). */
export const PERSONAL_COLUMNS =
  /^(household_id|resident_id|user_id|.*_user_id|bsn|birth_date|given_name|family_name|person_name|reporter_name|reporter_phone|reporter_email|email|phone|client_ip|display_name|contact_person_name|suggested_by|decided_by|updated_by)$/;
