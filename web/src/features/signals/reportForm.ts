import { ApiError } from "../../api/client.ts";
import { publicSignalPath } from "../../app/paths.ts";
import { t } from "../../i18n/i18n.ts";
import type { FieldErrors } from "./reportFields.tsx";

export { publicSignalPath };

export const publicStatusSegment = "status";

export interface ReportValues {
  subject: string;
  personName: string;
  postcode: string;
  houseNumber: string;
  addition: string;
  street: string;
  neighbourhoodCode: string;
  category: string;
  urgency: string;
  observation: string;
  residentAware: string;
  anonymous: boolean;
  reporterName: string;
  reporterPhone: string;
  reporterEmail: string;
}

export const emptyReport: ReportValues = {
  subject: "",
  personName: "",
  postcode: "",
  houseNumber: "",
  addition: "",
  street: "",
  neighbourhoodCode: "",
  category: "",
  urgency: "",
  observation: "",
  residentAware: "",
  anonymous: false,
  reporterName: "",
  reporterPhone: "",
  reporterEmail: "",
};

/** The id of each input, in the order of the form (the error summary follows this order). */
export const fieldIds = {
  subject: "report-subject",
  personName: "report-person",
  postcode: "report-postcode",
  houseNumber: "report-house-number",
  houseNumberAddition: "report-addition",
  street: "report-street",
  neighbourhoodCode: "report-neighbourhood",
  category: "report-category",
  observation: "report-observation",
  urgency: "report-urgency",
  residentAware: "report-aware",
  reporterName: "report-name",
  reporterPhone: "report-phone",
  reporterEmail: "report-email",
} as const;

const POSTCODE = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;

/** Checks what the browser can check, with the same plain-Dutch messages for every field. */
export function validateReport(v: ReportValues): FieldErrors {
  const errors: FieldErrors = {};
  const person = v.subject === "person";
  if (!v.subject) errors[fieldIds.subject] = t("report.error.subject");
  if (person && !v.personName.trim()) errors[fieldIds.personName] = t("report.error.personName");
  if (person && !v.postcode.trim()) errors[fieldIds.postcode] = t("report.error.postcode");
  else if (person && !POSTCODE.test(v.postcode.trim()))
    errors[fieldIds.postcode] = t("report.error.postcodeFormat");
  if (person && !/^[1-9][0-9]{0,4}$/.test(v.houseNumber.trim()))
    errors[fieldIds.houseNumber] = t("report.error.houseNumber");
  if (!v.neighbourhoodCode) errors[fieldIds.neighbourhoodCode] = t("report.error.neighbourhood");
  if (!v.category) errors[fieldIds.category] = t("report.error.category");
  const observation = v.observation.trim();
  if (observation.length < 10) errors[fieldIds.observation] = t("report.error.observation");
  else if (observation.length > 4000) errors[fieldIds.observation] = t("report.error.observationLong");
  if (!v.urgency) errors[fieldIds.urgency] = t("report.error.urgency");
  if (!v.residentAware) errors[fieldIds.residentAware] = t("report.error.residentAware");
  const email = v.reporterEmail.trim();
  if (!v.anonymous && email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    errors[fieldIds.reporterEmail] = t("report.error.email");
  return errors;
}

const orNull = (s: string) => s.trim() || null;

/** The body of POST /api/public/:municipalityCode/signals. */
export function reportBody(v: ReportValues) {
  const person = v.subject === "person";
  return {
    subject: v.subject,
    personName: person ? orNull(v.personName) : null,
    postcode: person ? orNull(v.postcode) : null,
    houseNumber: person ? Number(v.houseNumber) : null,
    houseNumberAddition: person ? orNull(v.addition) : null,
    street: orNull(v.street),
    neighbourhoodCode: v.neighbourhoodCode,
    category: v.category,
    urgency: v.urgency,
    observation: v.observation.trim(),
    residentAware: v.residentAware === "yes",
    anonymous: v.anonymous,
    reporterName: v.anonymous ? null : orNull(v.reporterName),
    reporterPhone: v.anonymous ? null : orNull(v.reporterPhone),
    reporterEmail: v.anonymous ? null : orNull(v.reporterEmail),
  };
}

/** A server refusal as field errors when it names a field, otherwise null (shown as a general message). */
export function serverFieldError(error: unknown): FieldErrors | null {
  if (!(error instanceof ApiError)) return null;
  const field = (error.details as { field?: unknown } | undefined)?.field;
  if (typeof field !== "string" || !(field in fieldIds)) return null;
  return { [fieldIds[field as keyof typeof fieldIds]]: error.message };
}
