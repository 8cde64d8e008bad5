import { Button, Code, Heading2, Image, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import type { MfaSetup } from "../../api/types.ts";
import { navigate } from "../../app/router.tsx";
import { useSession } from "../../app/session.tsx";
import { t } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";

/** Set up two-step verification: scan the QR code (or type the key), then confirm with a code. */
export function MfaSetupPage() {
  const { state, refresh } = useSession();
  const session = state.status === "authenticated" ? state.session : null;
  const [setup, setSetup] = useState<MfaSetup | null>(null);
  const [code, setCode] = useState("");
  const [done, setDone] = useState(false);

  const startForm = useSubmit(async () => {
    setSetup(await api.post<MfaSetup>("/api/auth/mfa/setup"));
  });
  const enableForm = useSubmit(async () => {
    await api.post<{ status: "ok" }>("/api/auth/mfa/enable", { code });
    setDone(true);
    await refresh();
    navigate("/");
  });

  if (session?.user.mfaEnabled && !done) {
    return (
      <>
        <PageTitle>{t("mfa.title")}</PageTitle>
        <Paragraph>{t("mfa.alreadyEnabled")}</Paragraph>
      </>
    );
  }

  return (
    <div className="ww-narrow">
      <PageTitle>{t("mfa.title")}</PageTitle>
      {!session && <Paragraph appearance="lead">{t("mfa.required")}</Paragraph>}
      <Paragraph>{t("mfa.intro")}</Paragraph>
      <SuccessMessage message={done ? t("mfa.enabled") : null} />
      {!setup ? (
        <form onSubmit={startForm.onSubmit}>
          <ErrorMessage message={startForm.error} />
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
