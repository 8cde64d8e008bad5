import { Button, Code, Heading2, Image, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import type { MfaSetup } from "../../api/types.ts";
import { navigate } from "../../app/router.tsx";
import { useSession } from "../../app/session.tsx";
import { t } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { RecoveryCodes } from "./RecoveryCodes.tsx";

/**
 * Set up (or move) two-step verification: scan the QR code (or type the key), confirm with a code,
 * then save the recovery codes, shown once. From a signed-in session the current password — and a
 * code when it is already on — come first; the active setting keeps working until the new one is
 * confirmed. Right after a password login that requires 2FA, nothing more is asked.
 */
export function MfaSetupPage() {
  const { state, refresh } = useSession();
  const session = state.status === "authenticated" ? state.session : null;
  const [setup, setSetup] = useState<MfaSetup | null>(null);
  const [password, setPassword] = useState("");
  const [currentCode, setCurrentCode] = useState("");
  const [code, setCode] = useState("");
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const mfaOn = session?.user.mfaEnabled ?? false;

  const startForm = useSubmit(async () => {
    const proof = session ? { password, ...(mfaOn ? { code: currentCode } : {}) } : {};
    setSetup(await api.post<MfaSetup>("/api/auth/mfa/setup", proof));
  });
  const enableForm = useSubmit(async () => {
    const enabled = await api.post<{ status: "ok"; recoveryCodes: string[] }>("/api/auth/mfa/enable", {
      code,
    });
    setRecoveryCodes(enabled.recoveryCodes);
  });

  async function finish() {
    await refresh();
    navigate("/");
  }

  if (recoveryCodes) {
    return (
      <div className="ww-narrow">
        <PageTitle>{t("mfa.title")}</PageTitle>
        <Paragraph>{t("mfa.enabled")}</Paragraph>
        <RecoveryCodes codes={recoveryCodes} onDone={() => void finish()} />
      </div>
    );
  }

  return (
    <div className="ww-narrow">
      <PageTitle>{t("mfa.title")}</PageTitle>
      {!session && <Paragraph appearance="lead">{t("mfa.required")}</Paragraph>}
      <Paragraph>{t("mfa.intro")}</Paragraph>
      {!setup ? (
        <form onSubmit={startForm.onSubmit}>
          <ErrorMessage message={startForm.error} />
          {session && (
            <>
              <Paragraph>{t("mfa.reauthIntro")}</Paragraph>
              {mfaOn && <Paragraph>{t("mfa.stillOn")}</Paragraph>}
              <TextField
                id="mfa-password"
                type="password"
                label={t("account.password.current")}
                value={password}
                onChange={setPassword}
                autoComplete="current-password"
                required
              />
              {mfaOn && (
                <TextField
                  id="mfa-current-code"
                  label={t("account.code")}
                  value={currentCode}
                  onChange={setCurrentCode}
                  autoComplete="one-time-code"
                  maxLength={12}
                  required
                />
              )}
            </>
          )}
          <Button type="submit" appearance="primary-action-button" busy={startForm.busy}>
            {t("mfa.start")}
          </Button>
        </form>
      ) : (
        <>
          <Heading2>{t("mfa.step1")}</Heading2>
          <Image
            className="ww-qr"
            src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
            alt={t("mfa.qrAlt")}
            width={200}
            height={200}
          />
          <Paragraph>
            {t("mfa.secretLabel")} <Code data-testid="mfa-secret">{setup.secret}</Code>
          </Paragraph>
          <form onSubmit={enableForm.onSubmit}>
            <Heading2>{t("mfa.step2")}</Heading2>
            <ErrorMessage message={enableForm.error} />
            <TextField
              id="mfa-code"
              label={t("mfa.code")}
              value={code}
              onChange={setCode}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
            />
            <Button type="submit" appearance="primary-action-button" busy={enableForm.busy}>
              {t("mfa.enable")}
            </Button>
          </form>
        </>
      )}
    </div>
  );
}
