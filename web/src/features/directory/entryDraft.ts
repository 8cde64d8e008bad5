import {
  ENTRY_FIELDS,
  type OpeningPeriod,
} from "../../../../server/src/modules/directory/directory.vocabulary.ts";
import { ApiError } from "../../api/client.ts";
import { t } from "../../i18n/i18n.ts";
import type { FieldErrors } from "../signals/reportFields.tsx";
import type { Entry } from "./directory.ts";

/** An entry as the form edits it: text boxes hold strings, choices hold lists. */
export interface Draft {
  externalKey: string;
  name: string;
  description: string;
  kind: string;
  providerName: string;
  wmoPerformanceFields: number[];
  lifeDomains: string[];
  targetGroups: string[];
  accessRoute: string;
  cost: string;
  costNote: string;
  servesWholeMunicipality: boolean;
  areaCodes: string[];
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  neighbourhoodCode: string;
  openingHours: OpeningPeriod[];
  openingHoursNote: string;
  phone: string;
  email: string;
  website: string;
  contactPersonName: string;
  contactPersonPhone: string;
  contactPersonEmail: string;
  capacityNote: string;
  waitingWeeks: string;
  activeFrom: string;
  activeUntil: string;
  reviewDate: string;
  isPublic: boolean;
}
export type DraftField = keyof Draft;
/** A field of the form: the entry's fields plus the suggestion's note to the administrator. */
export type FormField = DraftField | "note";

/** The text fields, in the order of the form (the error summary follows it). */
export const FIELD_ORDER: DraftField[] = [...ENTRY_FIELDS, "externalKey"];

export const fieldId = (field: string) => `entry-${field}`;
export const fieldLabel = (field: string) => t(`directory.form.${field as FormField}`);

export function emptyDraft(): Draft {
  return {
    externalKey: "",
    name: "",
    description: "",
    kind: "",
    providerName: "",
    wmoPerformanceFields: [],
    lifeDomains: [],
    targetGroups: [],
    accessRoute: "",
    cost: "",
    costNote: "",
    servesWholeMunicipality: true,
    areaCodes: [],
    street: "",
    houseNumber: "",
    postcode: "",
    city: "",
    neighbourhoodCode: "",
    openingHours: [],
    openingHoursNote: "",
    phone: "",
    email: "",
    website: "",
    contactPersonName: "",
    contactPersonPhone: "",
    contactPersonEmail: "",
    capacityNote: "",
    waitingWeeks: "",
    activeFrom: "",
    activeUntil: "",
    reviewDate: "",
    isPublic: true,
  };
}

export function draftOf(entry: Entry): Draft {
  const text = (value: string | number | null) => (value === null ? "" : String(value));
  return {
    ...emptyDraft(),
    ...Object.fromEntries(
      Object.keys(emptyDraft()).map((key) => {
        const value = (entry as unknown as Record<string, unknown>)[key];
        return [key, Array.isArray(value) || typeof value === "boolean" ? value : text(value as never)];
      }),
    ),
  } as Draft;
}

/** What the API takes (EntryInput): empty text boxes become null. */
export function inputOf(draft: Draft): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft)) {
    input[key] = typeof value === "string" && value.trim() === "" ? null : value;
  }
  for (const key of ["name", "description", "kind", "providerName", "accessRoute", "cost"]) {
    input[key] = draft[key as DraftField];
  }
  const weeks = draft.waitingWeeks.trim();
  input.waitingWeeks = weeks === "" ? null : Number(weeks);
  return input;
}

/** Only the fields that differ from the entry as it is (a change suggestion). */
export function changesOf(draft: Draft, original: Draft): Record<string, unknown> {
  const now = inputOf(draft);
  const before = inputOf(original);
  return Object.fromEntries(
    Object.entries(now).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key])),
  );
}

/** Checks the browser can do before sending; the server checks everything again. */
export function localErrors(draft: Draft): FieldErrors {
  const weeks = draft.waitingWeeks.trim();
  if (weeks !== "" && !/^\d+$/.test(weeks))
    return { [fieldId("waitingWeeks")]: `${fieldLabel("waitingWeeks")}: ${t("directory.form.wholeNumber")}` };
  return {};
}

/**
 * The server's validation report (422 invalidEntry: `details.problems` with field and Dutch reason, or
 * 409 externalKeyTaken) as errors per input, in the order of the form. Undefined: not a field error.
 */
export function fieldErrorsOf(error: unknown): FieldErrors | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === "externalKeyTaken") return { [fieldId("externalKey")]: error.message };
  const problems = (error.details as { problems?: { field: string; reason: string }[] } | undefined)
    ?.problems;
  if (error.status !== 422 || !Array.isArray(problems)) return undefined;
  const byField = new Map<string, string[]>();
  for (const { field, reason } of problems) byField.set(field, [...(byField.get(field) ?? []), reason]);
  const ordered = [...byField.keys()].sort(
    (x, y) => FIELD_ORDER.indexOf(x as DraftField) - FIELD_ORDER.indexOf(y as DraftField),
  );
  return Object.fromEntries(
    ordered.map((field) => [
      fieldId(field),
      `${FIELD_ORDER.includes(field as DraftField) ? fieldLabel(field) : field}: ${(byField.get(field) ?? []).join("; ")}`,
    ]),
  );
}
