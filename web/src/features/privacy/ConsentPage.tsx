import {
  Button,
  Fieldset,
  FieldsetLegend,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api, errorMessage } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { t, tOptional } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { DossierFrame } from "../dossier/DossierFrame.tsx";
import { CheckboxField, TextAreaField } from "../dossier/TextAreaField.tsx";
import { type Consent, day, type PurposeRegister } from "./types.ts";

interface Organisation {
  id: string;
  name: string;
}

/** The household's consents: recorded only where the basis needs it; withdrawn, never deleted. */
export function ConsentPage({ householdId }: { householdId: string }) {
  const path = `/api/households/${encodeURIComponent(householdId)}/consents`;
  const consents = useResource<{ items: Consent[] }>(path);
  const register = useResource<PurposeRegister>("/api/privacy/purposes");
  const organisations = useResource<{ items: Organisation[] }>("/api/organisations");
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const orgName = (id: string) => organisations.data?.items.find((o) => o.id === id)?.name ?? id;
  const catName = (key: string) => register.data?.categories.find((c) => c.key === key)?.name ?? key;
  const withdraw = async (id: string) => {
    try {
      await api.post(`/api/consents/${encodeURIComponent(id)}/withdraw`, {});
      setError(null);
      await consents.reload();
      setSaved(t("consent.withdrawnDone"));
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  return (
    <DossierFrame householdId={householdId} section="privacy" title={t("consent.title")}>
      <SuccessMessage message={saved} />
      <ErrorMessage message={error ?? consents.error} />
      {!consents.data && !consents.error && <Loading />}
      {consents.data?.items.length === 0 && <Paragraph>{t("consent.none")}</Paragraph>}
      {consents.data && consents.data.items.length > 0 && (
        <Table>
          <TableCaption>{t("consent.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              {["purpose", "recipients", "categories", "period", "how", "state"].map((k) => (
                <TableHeaderCell key={k} scope="col">
                  {tOptional(`consent.${k}`)}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {consents.data.items.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{c.purposeName}</TableCell>
                <TableCell>
                  {[
                    ...c.recipientRoles.map((r) => tOptional(`role.${r}`) ?? r),
                    ...c.recipientOrganisationIds.map(orgName),
                  ].join(", ")}
                </TableCell>
                <TableCell>
                  {c.categories.map(catName).join(", ")}
                  {c.coversConferenceNaming && `; ${t("consent.naming")}`}
                </TableCell>
                <TableCell>
                  {day(c.validFrom)} – {day(c.validUntil)}
                </TableCell>
                <TableCell>{tOptional(`consent.how.${c.givenHow}`) ?? c.givenHow}</TableCell>
                <TableCell>
                  {c.withdrawnAt ? (
                    `${t("consent.withdrawn")} (${day(c.withdrawnAt)})`
                  ) : (
                    <>
                      {t("consent.active")}{" "}
                      <Button
                        type="button"
                        appearance="subtle-button"
                        aria-label={t("consent.withdrawLabel", { purpose: c.purposeName })}
                        onClick={() => void withdraw(c.id)}
                      >
                        {t("consent.withdraw")}
                      </Button>
                    </>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {register.data && (
        <ConsentForm
          path={path}
          register={register.data}
          organisations={organisations.data?.items ?? []}
          done={async () => {
            await consents.reload();
            setSaved(t("consent.saved"));
          }}
        />
      )}
    </DossierFrame>
  );
}

function ConsentForm(props: {
  path: string;
  register: PurposeRegister;
  organisations: Organisation[];
  done(): Promise<void>;
}) {
  const purposes = props.register.items.filter((p) => p.active);
  const [purposeCode, setPurposeCode] = useState(purposes.find((p) => p.isDefault)?.code ?? "");
  const [roles, setRoles] = useState<string[]>(["professional"]);
  const [orgs, setOrgs] = useState<string[]>([]);
  const [categories, setCategories] = useState<string[]>(["personalDetails"]);
  const [naming, setNaming] = useState(false);
  const [validFrom, setValidFrom] = useState(new Date().toISOString().slice(0, 10));
  const [validUntil, setValidUntil] = useState("");
  const [givenHow, setGivenHow] = useState("written");
  const [note, setNote] = useState("");
  const toggle = (list: string[], v: string, on: boolean) =>
    on ? [...list, v] : list.filter((x) => x !== v);
  const purpose = purposes.find((p) => p.code === purposeCode);
  const { busy, error, onSubmit } = useSubmit(async () => {
    await api.post(props.path, {
      purposeCode,
      recipientRoles: roles,
      recipientOrganisationIds: orgs,
      categories,
      coversConferenceNaming: naming,
      validFrom,
      validUntil: validUntil || null,
      givenHow,
      note: note || null,
    });
    await props.done();
  });
  return (
    <section aria-labelledby="consent-form-heading">
      <Heading2 id="consent-form-heading">{t("consent.record")}</Heading2>
      <ErrorMessage message={error} />
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          id="consent-purpose"
          label={t("consent.purpose")}
          value={purposeCode}
          required
          options={purposes.map((p) => ({ value: p.code, label: p.name }))}
          onChange={setPurposeCode}
        />
        <Fieldset>
          <FieldsetLegend>{t("consent.roles")}</FieldsetLegend>
          {["professional", "teamLead", "partner"].map((r) => (
            <CheckboxField
              key={r}
              id={`consent-role-${r}`}
              label={tOptional(`role.${r}`) ?? r}
              checked={roles.includes(r)}
              onChange={(on) => setRoles(toggle(roles, r, on))}
            />
          ))}
        </Fieldset>
        {props.organisations.length > 0 && (
          <Fieldset>
            <FieldsetLegend>{t("consent.organisations")}</FieldsetLegend>
            {props.organisations.map((o) => (
              <CheckboxField
                key={o.id}
                id={`consent-org-${o.id}`}
                label={o.name}
                checked={orgs.includes(o.id)}
                onChange={(on) => setOrgs(toggle(orgs, o.id, on))}
              />
            ))}
          </Fieldset>
        )}
        <Fieldset>
          <FieldsetLegend>{t("consent.categories")}</FieldsetLegend>
          {props.register.categories
            .filter((c) => !purpose || purpose.categories.includes(c.key))
            .map((c) => (
              <CheckboxField
                key={c.key}
                id={`consent-cat-${c.key}`}
                label={c.special ? `${c.name} (${t("purposes.special")})` : c.name}
                checked={categories.includes(c.key)}
                onChange={(on) => setCategories(toggle(categories, c.key, on))}
              />
            ))}
        </Fieldset>
        <CheckboxField
          id="consent-naming"
          label={t("consent.coversNaming")}
          checked={naming}
          onChange={setNaming}
        />
        <TextField
          id="consent-from"
          type="date"
          label={t("consent.validFrom")}
          value={validFrom}
          onChange={setValidFrom}
          required
        />
        <TextField
          id="consent-until"
          type="date"
          label={t("consent.validUntil")}
          value={validUntil}
          onChange={setValidUntil}
        />
        <SelectField
          id="consent-how"
          label={t("consent.givenHow")}
          value={givenHow}
          required
          options={["verbal", "written", "digital"].map((h) => ({
            value: h,
            label: tOptional(`consent.how.${h}`) ?? h,
          }))}
          onChange={setGivenHow}
        />
        <TextAreaField id="consent-note" label={t("consent.note")} value={note} onChange={setNote} />
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {t("consent.submit")}
        </Button>
      </form>
    </section>
  );
}
