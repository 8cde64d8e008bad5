import {
  Button,
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { LinkOidc, UnlinkOidc } from "./OidcLink.tsx";
import type { CasePortal } from "./portal.types.ts";
import { formatDate, SubmitButton } from "./portal.ui.tsx";

type Props = { data: CasePortal; onChanged(): Promise<void> };

/** Portal accounts of the household's members and the authorisations to act for them (record, revoke). */
export function PortalAccountsSection({ data, onChanged }: Props) {
  return (
    <section aria-labelledby="cp-accounts">
      <Heading2 id="cp-accounts">{t("portal.desk.accounts")}</Heading2>
      <UnorderedList>
        {data.members.map((m) => (
          <UnorderedListItem key={m.residentId}>
            {m.name}:{" "}
            {m.account
              ? t(m.account.oidcLinked ? "portal.desk.accountOidc" : "portal.desk.accountCode", {
                  username: m.account.username,
                })
              : t("portal.desk.noAccount")}
            {m.account && data.mayManageAccounts && <OidcAction account={m.account} onChanged={onChanged} />}
          </UnorderedListItem>
        ))}
      </UnorderedList>
      {data.members.some((m) => !m.account) && <NewAccount data={data} onChanged={onChanged} />}
      <Heading3>{t("portal.desk.representations")}</Heading3>
      {data.representations.length === 0 && <Paragraph>{t("portal.desk.noRepresentations")}</Paragraph>}
      <UnorderedList>
        {data.representations.map((r) => (
          <UnorderedListItem key={r.id}>
            {r.representativeName}:{" "}
            {t("portal.authorisations.row", {
              basis: t(`portal.basis.${r.basis}`),
              name: r.representedName,
              from: formatDate(r.validFrom),
              until: formatDate(r.validUntil),
            })}{" "}
            {r.revoked ? t("portal.desk.revoked") : !r.active && t("portal.authorisations.ended")}
            {!r.revoked && <Revoke data={data} id={r.id} name={r.representativeName} onChanged={onChanged} />}
          </UnorderedListItem>
        ))}
      </UnorderedList>
      <NewRepresentation data={data} onChanged={onChanged} />
    </section>
  );
}

/** Linking the municipality's login subject, or removing that link (the resident is told). */
function OidcAction({
  account,
  onChanged,
}: {
  account: { userId: string; username: string; oidcLinked: boolean };
  onChanged(): Promise<void>;
}) {
  const [done, setDone] = useState<string | null>(null);
  const changed = async (message: string) => {
    setDone(message);
    await onChanged();
  };
  return (
    <>
      <SuccessMessage message={done} />
      {account.oidcLinked ? (
        <UnlinkOidc account={account} onChanged={changed} />
      ) : (
        <LinkOidc account={account} onChanged={changed} />
      )}
    </>
  );
}

function NewAccount({ data, onChanged }: Props) {
  const [residentId, setResidentId] = useState("");
  const [username, setUsername] = useState("");
  const [email, setEmail] = useState("");
  const [oidcSubject, setOidcSubject] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const form = useSubmit(async () => {
    setDone(null);
    await api.post(`/api/portal-desk/households/${data.householdId}/resident-accounts`, {
      residentId,
      username,
      email,
      oidcSubject: oidcSubject || null,
    });
    setDone(t("portal.desk.accountCreated", { username: username.trim().toLowerCase() }));
    setUsername("");
    setEmail("");
    setOidcSubject("");
    await onChanged();
  });
  return (
    <form onSubmit={form.onSubmit} aria-labelledby="cp-new-account">
      <Heading3 id="cp-new-account">{t("portal.desk.newAccount")}</Heading3>
      <ErrorMessage message={form.error} />
      <SuccessMessage message={done} />
      <SelectField
        id="account-resident"
        label={t("portal.desk.accountFor")}
        value={residentId}
        onChange={setResidentId}
        required
        placeholder={t("portal.desk.choose")}
        options={data.members.filter((m) => !m.account).map((m) => ({ value: m.residentId, label: m.name }))}
      />
      <TextField
        id="account-username"
        label={t("portal.desk.username")}
        value={username}
        onChange={setUsername}
        required
        autoComplete="off"
      />
      <TextField
        id="account-email"
        type="email"
        label={t("portal.desk.email")}
        value={email}
        onChange={setEmail}
        required
      />
      <TextField
        id="account-oidc"
        label={t("portal.desk.oidcSubject")}
        hint={t("portal.desk.oidcSubjectHint")}
        value={oidcSubject}
        onChange={setOidcSubject}
      />
      <SubmitButton busy={form.busy}>{t("portal.desk.createAccount")}</SubmitButton>
    </form>
  );
}

function Revoke({ data, id, name, onChanged }: Props & { id: string; name: string }) {
  const form = useSubmit(async () => {
    await api.post(`/api/portal-desk/households/${data.householdId}/representations/${id}/revoke`);
    await onChanged();
  });
  return (
    <form onSubmit={form.onSubmit} className="ww-inline-form">
      <ErrorMessage message={form.error} />
      <Button type="submit" appearance="secondary-action-button" disabled={form.busy}>
        {t("portal.desk.revoke", { name })}
      </Button>
    </form>
  );
}

function NewRepresentation({ data, onChanged }: Props) {
  const [representedResidentId, setRepresented] = useState("");
  const [representativeUsername, setUsername] = useState("");
  const [basis, setBasis] = useState("parent");
  const [validFrom, setFrom] = useState("");
  const [validUntil, setUntil] = useState("");
  const form = useSubmit(async () => {
    await api.post(`/api/portal-desk/households/${data.householdId}/representations`, {
      representedResidentId,
      representativeUsername,
      basis,
      validFrom,
      validUntil,
    });
    setUsername("");
    await onChanged();
  });
  return (
    <form onSubmit={form.onSubmit} aria-labelledby="cp-new-representation">
      <Heading3 id="cp-new-representation">{t("portal.desk.newRepresentation")}</Heading3>
      <ErrorMessage message={form.error} />
      <SelectField
        id="rep-for"
        label={t("portal.desk.representedFor")}
        value={representedResidentId}
        onChange={setRepresented}
        required
        placeholder={t("portal.desk.choose")}
        options={data.members.map((m) => ({ value: m.residentId, label: m.name }))}
      />
      <TextField
        id="rep-who"
        label={t("portal.desk.representative")}
        hint={t("portal.desk.representativeHint")}
        value={representativeUsername}
        onChange={setUsername}
        required
      />
      <SelectField
        id="rep-basis"
        label={t("portal.desk.basis")}
        value={basis}
        onChange={setBasis}
        options={(["parent", "legalRepresentative", "authorisedPerson"] as const).map((b) => ({
          value: b,
          label: t(`portal.basis.${b}`),
        }))}
      />
      <TextField
        id="rep-from"
        type="date"
        label={t("portal.desk.validFrom")}
        value={validFrom}
        onChange={setFrom}
        required
      />
      <TextField
        id="rep-until"
        type="date"
        label={t("portal.desk.validUntil")}
        value={validUntil}
        onChange={setUntil}
        required
      />
      <SubmitButton busy={form.busy}>{t("portal.desk.recordRepresentation")}</SubmitButton>
    </form>
  );
}
