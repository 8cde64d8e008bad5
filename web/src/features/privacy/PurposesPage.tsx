import {
  Button,
  Fieldset,
  FieldsetLegend,
  Heading2,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { purposesPath } from "../../app/paths.ts";
import { hasAnyPermission, useAuthenticatedSession } from "../../app/session.tsx";
import { t, tOptional } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { CheckboxField } from "../dossier/TextAreaField.tsx";
import type { PurposeRegister } from "./types.ts";

export { purposesPath };

/** The municipality's register of processing purposes; the administrator adds purposes. */
export function PurposesPage() {
  const session = useAuthenticatedSession();
  const register = useResource<PurposeRegister>("/api/privacy/purposes");
  const [saved, setSaved] = useState<string | null>(null);
  const mayManage = hasAnyPermission(session, ["privacy.manage"]);
  const r = register.data;
  const catName = (key: string) => r?.categories.find((c) => c.key === key)?.name ?? key;
  const loadDefaults = useSubmit(async () => {
    await api.post("/api/privacy/purposes/defaults");
    await register.reload();
  });
  return (
    <>
      <PageTitle>{t("purposes.title")}</PageTitle>
      <SuccessMessage message={saved} />
      <ErrorMessage message={register.error ?? loadDefaults.error} />
      {!r && !register.error && <Loading />}
      {r && (
        <Table>
          <TableCaption>{t("purposes.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              {["name", "basis", "article", "categories", "retention"].map((k) => (
                <TableHeaderCell key={k} scope="col">
                  {tOptional(`purposes.${k}`)}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {r.items.map((p) => (
              <TableRow key={p.id}>
                <TableHeaderCell scope="row">
                  {p.name}
                  {p.isDefault && ` (${t("purposes.default")})`}
                </TableHeaderCell>
                <TableCell>{tOptional(`basis.${p.legalBasis}`) ?? p.legalBasis}</TableCell>
                <TableCell>{p.lawArticle}</TableCell>
                <TableCell>{p.categories.map(catName).join(", ")}</TableCell>
                <TableCell>
                  {t("purposes.months", {
                    months: p.retentionMonths,
                    from: tOptional(`purposes.from.${p.retentionFrom}`) ?? p.retentionFrom,
                  })}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {mayManage && r && (
        <>
          <form onSubmit={loadDefaults.onSubmit}>
            <Button type="submit" appearance="secondary-action-button" disabled={loadDefaults.busy}>
              {t("purposes.loadDefaults")}
            </Button>
          </form>
          <PurposeForm
            register={r}
            done={async () => {
              await register.reload();
              setSaved(t("purposes.saved"));
            }}
          />
        </>
      )}
    </>
  );
}

function PurposeForm({ register, done }: { register: PurposeRegister; done(): Promise<void> }) {
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [legalBasis, setLegalBasis] = useState("publicTask");
  const [lawArticle, setLawArticle] = useState("");
  const [categories, setCategories] = useState<string[]>(["personalDetails"]);
  const [months, setMonths] = useState("60");
  const [from, setFrom] = useState("caseClosed");
  const { busy, error, onSubmit } = useSubmit(async () => {
    await api.post("/api/privacy/purposes", {
      code,
      name,
      legalBasis,
      lawArticle,
      categories,
      retentionMonths: Number(months),
      retentionFrom: from,
    });
    await done();
  });
  return (
    <section aria-labelledby="purpose-form-heading">
      <Heading2 id="purpose-form-heading">{t("purposes.add")}</Heading2>
      <ErrorMessage message={error} />
      <form onSubmit={onSubmit} noValidate>
        <TextField id="purpose-code" label={t("purposes.code")} value={code} onChange={setCode} required />
        <TextField id="purpose-name" label={t("purposes.name")} value={name} onChange={setName} required />
        <SelectField
          id="purpose-basis"
          label={t("purposes.basis")}
          value={legalBasis}
          required
          options={["legalObligation", "publicTask", "consent", "vitalInterest"].map((b) => ({
            value: b,
            label: tOptional(`basis.${b}`) ?? b,
          }))}
          onChange={setLegalBasis}
        />
        <TextField
          id="purpose-article"
          label={t("purposes.article")}
          value={lawArticle}
          onChange={setLawArticle}
          required
        />
        <Fieldset>
          <FieldsetLegend>{t("purposes.categories")}</FieldsetLegend>
          {register.categories.map((c) => (
            <CheckboxField
              key={c.key}
              id={`purpose-cat-${c.key}`}
              label={c.special ? `${c.name} (${t("purposes.special")})` : c.name}
              checked={categories.includes(c.key)}
              onChange={(on) =>
                setCategories(on ? [...categories, c.key] : categories.filter((x) => x !== c.key))
              }
            />
          ))}
        </Fieldset>
        <TextField
          id="purpose-months"
          type="number"
          label={t("purposes.monthsLabel")}
          value={months}
          onChange={setMonths}
          required
        />
        <SelectField
          id="purpose-from"
          label={t("purposes.retention")}
          value={from}
          options={["caseClosed", "registered"].map((f) => ({
            value: f,
            label: tOptional(`purposes.from.${f}`) ?? f,
          }))}
          onChange={setFrom}
        />
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {t("purposes.submit")}
        </Button>
      </form>
    </section>
  );
}
