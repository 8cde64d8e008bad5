import { Button, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useState } from "react";
import { ApiError, api, errorMessage } from "../../api/client.ts";
import { setPasswordPath } from "../../app/paths.ts";
import { AppLink } from "../../app/router.tsx";
import { loginPath } from "../../app/session.tsx";
import { t } from "../../i18n/i18n.ts";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { NewPasswordFields } from "./NewPasswordFields.tsx";

export { setPasswordPath };

/**
 * Choosing a password with the one-time link from the e-mail. The token is in the address's fragment
 * (#…): the browser never sends it to the server in a request line or a Referer.
 */
export function SetPasswordPage() {
  const [token] = useState(() => window.location.hash.slice(1));
  const [username, setUsername] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(token ? null : t("setPassword.noToken"));
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [done, setDone] = useState(false);

  useEffect(() => {
    if (!token) return;
    api
      .post<{ username: string }>("/api/auth/password-setup/check", { token }, { expectUnauthorized: true })
      .then((info) => setUsername(info.username))
      .catch((error: unknown) => setProblem(errorMessage(error)));
  }, [token]);

  const form = useSubmit(async () => {
    if (password !== repeat) throw new ApiError(422, "mismatch", t("account.password.mismatch"));
    await api.post("/api/auth/password-setup", { token, password }, { expectUnauthorized: true });
    // The token is used up: remove it from the address bar and the history entry.
    window.history.replaceState(null, "", setPasswordPath);
    setDone(true);
  });

  return (
    <div className="ww-narrow">
      <PageTitle>{t("setPassword.title")}</PageTitle>
      <ErrorMessage message={problem} />
      <SuccessMessage message={done ? t("setPassword.done") : null} />
      {done && (
        <Paragraph>
          <AppLink href={loginPath}>{t("setPassword.toLogin")}</AppLink>
        </Paragraph>
      )}
      {!problem && !done && !username && <Paragraph>{t("setPassword.checking")}</Paragraph>}
      {username && !done && (
        <form onSubmit={form.onSubmit}>
          <Paragraph>{t("setPassword.intro", { username })}</Paragraph>
          <Paragraph>{t("account.password.intro")}</Paragraph>
          <ErrorMessage message={form.error} />
          {/* A hidden username lets password managers store the new password with the right account. */}
          <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
          <NewPasswordFields
            password={password}
            onPassword={setPassword}
            repeat={repeat}
            onRepeat={setRepeat}
          />
          <Button type="submit" appearance="primary-action-button" busy={form.busy}>
            {t("setPassword.submit")}
          </Button>
        </form>
      )}
    </div>
  );
}
