import {
  Alert,
  Button,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from "@utrecht/component-library-react";
import { useEffect, useRef, useState } from "react";
import { api, errorMessage } from "../../api/client.ts";
import type { Organisation } from "../../api/types.ts";
import { useResource } from "../../api/useResource.ts";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { formatDate } from "./signalLabels.ts";

interface ApiKey {
  id: string;
  organisationName: string;
  label: string;
  keyPrefix: string;
  issuedAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** A functioneel beheerder issues API keys for partner systems (shown once) and revokes them. */
export function ApiKeysPage() {
  const keys = useResource<{ items: ApiKey[] }>("/api/partner-api-keys");
  const [issued, setIssued] = useState<(ApiKey & { token: string }) | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  async function revoke(key: ApiKey) {
    setStatus(null);
    setError(null);
    try {
      await api.post(`/api/partner-api-keys/${encodeURIComponent(key.id)}/revoke`);
      setStatus(t("apiKeys.revoked", { label: key.label }));
      setConfirming(null);
      await keys.reload();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <>
      <PageTitle>{t("apiKeys.title")}</PageTitle>
      <Paragraph>{t("apiKeys.intro")}</Paragraph>
      {issued && <IssuedKey issued={issued} onClose={() => setIssued(null)} />}
      <IssueForm
        onIssued={async (key) => {
          setIssued(key);
          await keys.reload();
        }}
      />
      <Heading2 id="keys">{t("apiKeys.list")}</Heading2>
      <ErrorMessage message={error ?? keys.error} />
      <SuccessMessage message={status} />
      {!keys.data ? (
        !keys.error && <Loading />
      ) : keys.data.items.length === 0 ? (
        <Paragraph>{t("apiKeys.none")}</Paragraph>
      ) : (
        <Table>
          <TableCaption>{t("apiKeys.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("apiKeys.label")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("apiKeys.organisation")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("apiKeys.prefix")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("apiKeys.issuedAt")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("apiKeys.lastUsed")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("apiKeys.state")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {keys.data.items.map((key) => (
              <TableRow key={key.id}>
                <TableHeaderCell scope="row">{key.label}</TableHeaderCell>
                <TableCell>{key.organisationName}</TableCell>
                <TableCell>
                  <code>{key.keyPrefix}…</code>
                </TableCell>
                <TableCell>{formatDate(key.issuedAt)}</TableCell>
                <TableCell>{key.lastUsedAt ? formatDate(key.lastUsedAt) : t("apiKeys.never")}</TableCell>
                <TableCell>
                  {key.revokedAt ? (
                    t("apiKeys.revokedAt", { date: formatDate(key.revokedAt) })
                  ) : confirming === key.id ? (
                    <div>
                      <Paragraph>{t("apiKeys.confirm", { label: key.label })}</Paragraph>
                      <Button
                        appearance="primary-action-button"
                        hint="danger"
                        onClick={() => void revoke(key)}
                      >
                        {t("apiKeys.confirmYes")}
                      </Button>{" "}
                      <Button appearance="secondary-action-button" onClick={() => setConfirming(null)}>
                        {t("apiKeys.confirmNo")}
                      </Button>
                    </div>
                  ) : (
                    <>
                      {t("apiKeys.active")}{" "}
                      <Button appearance="secondary-action-button" onClick={() => setConfirming(key.id)}>
                        {t("apiKeys.revoke")}
                        <span className="ww-visually-hidden">
                          {" "}
                          {t("apiKeys.revokeLabel", { label: key.label })}
                        </span>
                      </Button>
                    </>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

function IssueForm({ onIssued }: { onIssued(key: ApiKey & { token: string }): Promise<void> }) {
  const organisations = useResource<{ items: Organisation[] }>("/api/organisations");
  const [organisationId, setOrganisationId] = useState("");
  const [label, setLabel] = useState("");
  const form = useSubmit(async () => {
    const key = await api.post<ApiKey & { token: string }>("/api/partner-api-keys", {
      organisationId,
      label,
    });
    setLabel("");
    await onIssued(key);
  });
  return (
    <form onSubmit={form.onSubmit} aria-labelledby="issue-key" className="ww-form">
      <Heading2 id="issue-key">{t("apiKeys.issue")}</Heading2>
      <ErrorMessage message={form.error ?? organisations.error} />
      <SelectField
        id="key-organisation"
        label={t("apiKeys.organisation")}
        value={organisationId}
        onChange={setOrganisationId}
        required
        placeholder={t("form.choose")}
        options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      />
      <TextField
        id="key-label"
        label={t("apiKeys.label")}
        hint={t("apiKeys.labelHint")}
        value={label}
        onChange={setLabel}
        maxLength={100}
        required
      />
      <Button type="submit" appearance="primary-action-button" busy={form.busy}>
        {t("apiKeys.issueButton")}
      </Button>
    </form>
  );
}

/** The new token, once: a warning, the token in a read-only box, and a copy button. */
function IssuedKey({ issued, onClose }: { issued: ApiKey & { token: string }; onClose(): void }) {
  const ref = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => ref.current?.focus(), []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(issued.token);
      setCopied(t("apiKeys.copied"));
    } catch {
      const box = document.getElementById("issued-token") as HTMLInputElement | null;
      box?.select();
      setCopied(t("apiKeys.copyManually"));
    }
  }
  return (
    <section ref={ref} tabIndex={-1} aria-labelledby="issued-title" className="ww-issued">
      <Alert type="warning">
        <Heading2 id="issued-title">{t("apiKeys.issuedTitle", { label: issued.label })}</Heading2>
        <Paragraph>
          <strong>{t("apiKeys.onceWarning")}</strong>
        </Paragraph>
        <label className="utrecht-form-label" htmlFor="issued-token">
          {t("apiKeys.token")}
        </label>
        <Textbox id="issued-token" readOnly value={issued.token} onFocus={(e) => e.target.select()} />
        <div className="ww-actions">
          <Button appearance="primary-action-button" onClick={() => void copy()}>
            {t("apiKeys.copy")}
          </Button>
          <Button appearance="secondary-action-button" onClick={onClose}>
            {t("apiKeys.done")}
          </Button>
        </div>
        <div aria-live="polite">{copied && <Paragraph>{copied}</Paragraph>}</div>
      </Alert>
    </section>
  );
}
