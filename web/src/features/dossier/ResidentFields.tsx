import { Heading2, Heading3, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useEffect, useRef, useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { AppLink } from "../../app/router.tsx";
import { formatDate } from "../../i18n/format.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { options, t } from "./labels.ts";
import { CheckboxField } from "./TextAreaField.tsx";
import type { Member } from "./types.ts";

/** A resident's details as the form holds them (text boxes hold strings). */
export type ResidentForm = Record<
  | "givenName"
  | "familyName"
  | "birthDate"
  | "bsn"
  | "postcode"
  | "houseNumber"
  | "houseNumberAddition"
  | "street"
  | "city"
  | "neighbourhoodCode"
  | "phone"
  | "email"
  | "preferredLanguage",
  string
> & { interpreterNeeded: boolean };

/** An empty resident; address fields are copied from a housemate when given. */
export const emptyResident = (from?: Partial<ResidentForm>): ResidentForm => ({
  givenName: "",
  familyName: from?.familyName ?? "",
  birthDate: "",
  bsn: "",
  postcode: from?.postcode ?? "",
  houseNumber: from?.houseNumber ?? "",
  houseNumberAddition: from?.houseNumberAddition ?? "",
  street: from?.street ?? "",
  city: from?.city ?? "",
  neighbourhoodCode: from?.neighbourhoodCode ?? "",
  phone: "",
  email: "",
  preferredLanguage: "nl",
  interpreterNeeded: false,
});

export const residentFromMember = (m: Member): ResidentForm => ({
  givenName: m.givenName,
  familyName: m.familyName,
  birthDate: m.birthDate,
  bsn: m.bsn ?? "",
  postcode: m.postcode ?? "",
  houseNumber: m.houseNumber === null ? "" : String(m.houseNumber),
  houseNumberAddition: m.houseNumberAddition ?? "",
  street: m.street ?? "",
  city: m.city ?? "",
  neighbourhoodCode: m.neighbourhoodCode ?? "",
  phone: m.phone ?? "",
  email: m.email ?? "",
  preferredLanguage: m.preferredLanguage,
  interpreterNeeded: m.interpreterNeeded,
});

/** The request body for the API: empty text boxes become null. */
export const residentBody = (r: ResidentForm) => ({
  ...r,
  bsn: r.bsn || null,
  postcode: r.postcode || null,
  houseNumber: r.houseNumber ? Number(r.houseNumber) : null,
  houseNumberAddition: r.houseNumberAddition || null,
  street: r.street || null,
  city: r.city || null,
  neighbourhoodCode: r.neighbourhoodCode || null,
  phone: r.phone || null,
  email: r.email || null,
});

export function useNeighbourhoods() {
  const areas = useResource<{ items: { code: string; kind: string; name: string }[] }>("/api/areas");
  return (areas.data?.items ?? [])
    .filter((a) => a.kind === "neighbourhood")
    .map((a) => ({ value: a.code, label: a.name }));
}

interface AddressLookup {
  street: string | null;
  city: string | null;
  neighbourhoodCode: string | null;
  neighbourhoodName: string | null;
  candidates: { code: string; name: string }[];
  source: "service" | "reference" | "none";
}

/**
 * Postcode + house number fill street, place and CBS buurt (the server asks the address service or the
 * CBS reference). Only empty fields, or fields filled this way before, are filled: typing wins.
 */
function useAddressLookup(value: ResidentForm, onChange: (patch: Partial<ResidentForm>) => void) {
  const [found, setFound] = useState<AddressLookup | null>(null);
  const filled = useRef<Partial<ResidentForm>>({});
  // The answer arrives later: read the form as it is then, and change it through the latest callback.
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  const postcode = value.postcode.replace(/\s+/g, "").toUpperCase();
  const houseNumber = value.houseNumber;
  useEffect(() => {
    if (!/^[1-9]\d{3}[A-Z]{2}$/.test(postcode) || !/^\d+$/.test(houseNumber)) {
      setFound(null);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const result = await api.get<AddressLookup>(
          `/api/addresses?postcode=${encodeURIComponent(postcode)}&houseNumber=${encodeURIComponent(houseNumber)}`,
        );
        if (cancelled) return;
        setFound(result);
        const patch: Partial<ResidentForm> = {};
        const now = latest.current.value;
        const fill = (key: "street" | "city" | "neighbourhoodCode", next: string | null) => {
          if (next && (!now[key] || now[key] === filled.current[key])) patch[key] = next;
        };
        fill("street", result.street);
        fill("city", result.city);
        fill("neighbourhoodCode", result.neighbourhoodCode);
        filled.current = { ...filled.current, ...patch };
        if (Object.keys(patch).length > 0) latest.current.onChange(patch);
      } catch {
        if (!cancelled) setFound(null);
      }
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [postcode, houseNumber]);
  return found;
}

/** Name, birth date, BSN, address, contact and language of one resident; ids start with `prefix-`. */
export function ResidentFields({
  prefix,
  value,
  onChange,
  neighbourhoods,
}: {
  prefix: string;
  value: ResidentForm;
  onChange(patch: Partial<ResidentForm>): void;
  neighbourhoods: { value: string; label: string }[];
}) {
  const found = useAddressLookup(value, onChange);
  const candidates = new Set(found?.candidates.map((c) => c.code) ?? []);
  const buurten =
    candidates.size > 0
      ? [
          ...neighbourhoods.filter((n) => candidates.has(n.value)),
          ...neighbourhoods.filter((n) => !candidates.has(n.value)),
        ]
      : neighbourhoods;
  const text = (key: keyof Omit<ResidentForm, "interpreterNeeded">, id: string = key) => ({
    id: `${prefix}-${id}`,
    value: value[key],
    onChange: (v: string) => onChange({ [key]: v }),
  });
  return (
    <>
      <TextField {...text("givenName")} label={t("dossier.givenName")} required />
      <TextField {...text("familyName")} label={t("dossier.familyName")} required />
      <TextField {...text("birthDate")} type="date" label={t("dossier.birthDate")} required />
      <TextField {...text("bsn")} label={t("dossier.bsn")} hint={t("dossier.bsnHint")} inputMode="numeric" />
      <div className="ww-address">
        <TextField
          {...text("postcode")}
          label={t("dossier.postcode")}
          hint={t("dossier.postcodeHint")}
          autoComplete="postal-code"
        />
        <TextField {...text("houseNumber")} inputMode="numeric" label={t("dossier.houseNumber")} />
        <TextField {...text("houseNumberAddition", "addition")} label={t("dossier.addition")} />
      </div>
      <p className="ww-hint" aria-live="polite" id={`${prefix}-address-found`}>
        {found?.source === "service" && found.street
          ? t("address.found", {
              address: [found.street, found.city, found.neighbourhoodName].filter(Boolean).join(", "),
            })
          : found && found.candidates.length > 0
            ? t("address.candidates", { names: found.candidates.map((c) => c.name).join(" of ") })
            : found?.neighbourhoodName
              ? t("address.neighbourhood", { name: found.neighbourhoodName })
              : ""}
      </p>
      <TextField {...text("street")} label={t("dossier.street")} autoComplete="address-line1" />
      <TextField {...text("city")} label={t("dossier.city")} autoComplete="address-level2" />
      <SelectField
        {...text("neighbourhoodCode", "neighbourhood")}
        label={t("dossier.neighbourhood")}
        placeholder={t("dossier.choose")}
        options={buurten}
      />
      <TextField {...text("phone")} type="tel" label={t("dossier.phone")} />
      <TextField {...text("email")} type="email" label={t("dossier.email")} />
      <SelectField
        {...text("preferredLanguage", "language")}
        label={t("dossier.language")}
        options={options("languageName")}
      />
      <CheckboxField
        id={`${prefix}-interpreter`}
        label={t("dossier.interpreter")}
        checked={value.interpreterNeeded}
        onChange={(v) => onChange({ interpreterNeeded: v })}
      />
    </>
  );
}

export interface DuplicateCandidate {
  visible: boolean;
  reasons: string[];
  householdId: string | null;
  name: string | null;
  birthDate: string | null;
  address: string | null;
}

const reasonKey = {
  bsn: "dossier.reasonBsn",
  nameBirthDatePostcode: "dossier.reasonNameBirthDatePostcode",
  address: "dossier.reasonAddress",
} as const;

/** Possible duplicates the server found, with a link to each dossier the user may open. */
export function DuplicateList({
  candidates,
  headingId,
  level,
}: {
  candidates: DuplicateCandidate[];
  headingId: string;
  level: 2 | 3;
}) {
  const Heading = level === 2 ? Heading2 : Heading3;
  return (
    <>
      <Heading id={headingId}>{t("dossier.duplicateHeading")}</Heading>
      <UnorderedList>
        {candidates.map((c, i) => (
          <UnorderedListItem key={c.householdId ?? `hidden-${i}`}>
            {c.visible && c.householdId ? (
              <>
                {c.name}, {c.birthDate ? formatDate(c.birthDate) : "–"}
                {c.address ? `, ${c.address}` : ""} (
                {c.reasons
                  .map((r) => t(reasonKey[r as keyof typeof reasonKey] ?? "dossier.reasonAddress"))
                  .join(", ")}
                ) <AppLink href={`/dossiers/${c.householdId}`}>{t("dossier.openExisting")}</AppLink>
              </>
            ) : (
              t("dossier.duplicateHidden")
            )}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </>
  );
}
