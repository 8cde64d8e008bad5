import { Button, Heading2, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import type { LoginResult } from "../../api/types.ts";
import { landingPath } from "../../app/navigation.ts";
import { mfaSetupPath } from "../../app/paths.ts";
import { navigate } from "../../app/router.tsx";
import { useSession } from "../../app/session.tsx";
import { t } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";
import { Form, useForm } from "../../ui/form.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";

export { mfaSetupPath };

/** Sign in with username and password, then a code when two-step verification is on. */
export function LoginPage() {
  const { refresh } = useSession();
  const [step, setStep] = useState<"password" | "code">("password");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");

  async function finish(result: LoginResult) {
    // Also for a half-finished sign-in: the session holds the CSRF token the next step needs.
    const session = await refresh();
    if (result.status === "mfaRequired") {
      setStep("code");
      return;
    }
    if (result.status === "mfaSetupRequired") {
      navigate(mfaSetupPath);
      return;
    }
    navigate(session ? landingPath(session) : "/");
  }

  const passwordForm = useForm(
    async () => {
      const body = { username, password };
      await finish(await api.post<LoginResult>("/api/auth/login", body, { expectUnauthorized: true }));
    },
    { saved: false },
  );
  const codeForm = useForm(
    async () => {
      await finish(
        await api.post<LoginResult>("/api/auth/mfa/verify", { code }, { expectUnauthorized: true }),
      );
    },
    { saved: false },
  );

  return (
    <div className="ww-narrow">
      <PageTitle>{t("login.title")}</PageTitle>
      {step === "password" ? (
        <Form form={passwordForm} className="ww-login" label={t("login.title")}>
          <Paragraph>{t("login.intro")}</Paragraph>
          <TextField
            id="username"
            label={t("login.username")}
            value={username}
            onChange={setUsername}
            autoComplete="username"
            required
          />
          <TextField
            id="password"
            type="password"
            label={t("login.password")}
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            required
          />
          <Button type="submit" appearance="primary-action-button" busy={passwordForm.busy}>
            {passwordForm.busy ? t("login.busy") : t("login.submit")}
          </Button>
        </Form>
      ) : (
        <Form form={codeForm} className="ww-login" label={t("login.mfaTitle")}>
          <Heading2>{t("login.mfaTitle")}</Heading2>
          <Paragraph>{t("login.mfaIntro")}</Paragraph>
          <TextField
            id="mfa-code"
            label={t("login.codeOrRecovery")}
            hint={t("login.recoveryHint")}
            value={code}
            onChange={setCode}
            autoComplete="one-time-code"
            maxLength={12}
            required
            autoFocus
          />
          <Button type="submit" appearance="primary-action-button" busy={codeForm.busy}>
            {t("login.mfaSubmit")}
          </Button>
        </Form>
      )}
    </div>
  );
}
