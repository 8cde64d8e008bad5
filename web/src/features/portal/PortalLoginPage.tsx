import {
  Alert,
  Heading2,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { demoCodesPath, portalHomePath, portalLoginPath } from "../../app/paths.ts";
import { AppLink, navigate } from "../../app/router.tsx";
import { loginPath, useSession } from "../../app/session.tsx";
import { t } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { formatDateTime, SubmitButton } from "./portal.ui.tsx";

export { demoCodesPath, portalHomePath, portalLoginPath };

/** Residents log in through the municipality (OIDC) or with a one-time code sent by e-mail. */
export function PortalLoginPage() {
  const { refresh } = useSession();
  const [username, setUsername] = useState("");
  const [code, setCode] = useState("");
  const [sent, setSent] = useState(false);
  const ask = useSubmit(async () => {
    await api.post("/api/portal/login/code", { username }, { expectUnauthorized: true });
    setSent(true);
  });
  const login = useSubmit(async () => {
    await api.post("/api/portal/login", { username, code }, { expectUnauthorized: true });
    await refresh();
    navigate(portalHomePath);
  });
  return (
    <div className="ww-narrow">
      <PageTitle>{t("portal.login.title")}</PageTitle>
      <Paragraph>{t("portal.login.intro")}</Paragraph>
      <Paragraph>
        <Link href="/api/auth/oidc/login">{t("portal.login.oidc")}</Link>
      </Paragraph>
      <Paragraph>{t("portal.login.orCode")}</Paragraph>
      {!sent ? (
        <form onSubmit={ask.onSubmit}>
          <ErrorMessage message={ask.error} />
          <TextField
            id="portal-username"
            label={t("portal.login.username")}
            value={username}
            onChange={setUsername}
            autoComplete="username"
            required
          />
          <SubmitButton busy={ask.busy}>{t("portal.login.ask")}</SubmitButton>
        </form>
      ) : (
        <form onSubmit={login.onSubmit}>
          <SuccessMessage message={t("portal.login.sent")} />
          <ErrorMessage message={login.error} />
          <TextField
            id="portal-code"
            label={t("portal.login.code")}
            value={code}
            onChange={setCode}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
          />
          <SubmitButton busy={login.busy}>{t("portal.login.submit")}</SubmitButton>
          <Paragraph>
            <button type="button" className="ww-link-button" onClick={() => setSent(false)}>
              {t("portal.login.again")}
            </button>
          </Paragraph>
        </form>
      )}
      <Paragraph>
        <AppLink href={demoCodesPath}>{t("portal.login.demoLink")}</AppLink>
      </Paragraph>
      <Paragraph>
        <AppLink href={loginPath}>{t("portal.login.staff")}</AppLink>
      </Paragraph>
    </div>
  );
}

/** DEMO ONLY: the latest code of each demo account. The server refuses this page in production. */
export function DemoCodesPage() {
  const { data, error } = useResource<{ codes: { username: string; code: string; createdAt: string }[] }>(
    "/api/portal/demo/login-codes",
  );
  return (
    <div className="ww-narrow">
      <PageTitle>{t("portal.demo.title")}</PageTitle>
      <Alert type="warning">
        <Paragraph>{t("portal.demo.warning")}</Paragraph>
      </Alert>
      <ErrorMessage message={error} />
      {!data && !error && <Loading />}
      {data && data.codes.length === 0 && <Paragraph>{t("portal.demo.none")}</Paragraph>}
      {data && data.codes.length > 0 && (
        <>
          <Heading2>{t("portal.demo.code")}</Heading2>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("portal.demo.username")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("portal.demo.code")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("portal.demo.when")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.codes.map((c) => (
                <TableRow key={c.username}>
                  <TableCell>{c.username}</TableCell>
                  <TableCell data-testid={`demo-code-${c.username}`}>{c.code}</TableCell>
                  <TableCell>{formatDateTime(c.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      <Paragraph>
        <AppLink href={portalLoginPath}>{t("portal.demo.back")}</AppLink>
      </Paragraph>
    </div>
  );
}
