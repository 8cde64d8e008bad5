import { Button, Heading2, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { AppLink } from "../../app/router.tsx";
import { useSession } from "../../app/session.tsx";
import { t } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { mfaSetupPath } from "./LoginPage.tsx";
import { NewPasswordFields } from "./NewPasswordFields.tsx";
import { RecoveryCodes } from "./RecoveryCodes.tsx";

export { accountPath } from "../../app/paths.ts";

/** The signed-in user's own account: password and two-step verification, each change re-authenticated. */
export function AccountPage() {
  const { state } = useSession();
  const mfaEnabled = state.status === "authenticated" && state.session.user.mfaEnabled;
  return (
    <div className="ww-narrow">
      <PageTitle>{t("account.title")}</PageTitle>
      <Paragraph>{t("account.intro")}</Paragraph>
      <ChangePassword mfaEnabled={mfaEnabled} />
      <SecondFactor mfaEnabled={mfaEnabled} />
    </div>
  );
}

function CodeField({ id, value, onChange }: { id: string; value: string; onChange(v: string): void }) {
  return (
    <TextField
      id={id}
      label={t("account.code")}
      hint={t("account.codeHint")}
      value={value}
      onChange={onChange}
      autoComplete="one-time-code"
      maxLength={12}
      required
    />
  );
}

function ChangePassword({ mfaEnabled }: { mfaEnabled: boolean }) {
  const [current, setCurrent] = useState("");
  const [code, setCode] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [done, setDone] = useState(false);
  const form = useSubmit(async () => {
    setDone(false);
    if (next !== repeat) throw new ApiError(422, "mismatch", t("account.password.mismatch"));
    await api.post("/api/auth/password", {
      currentPassword: current,
      newPassword: next,
      ...(mfaEnabled ? { code } : {}),
    });
    setCurrent("");
    setCode("");
    setNext("");
    setRepeat("");
    setDone(true);
  });
  return (
    <section aria-labelledby="password-heading">
      <Heading2 id="password-heading">{t("account.password.title")}</Heading2>
      <Paragraph>{t("account.password.intro")}</Paragraph>
      <form onSubmit={form.onSubmit}>
        <ErrorMessage message={form.error} />
        <SuccessMessage message={done ? t("account.password.done") : null} />
        <TextField
          id="current-password"
          type="password"
          label={t("account.password.current")}
          value={current}
          onChange={setCurrent}
          autoComplete="current-password"
          required
        />
        {mfaEnabled && <CodeField id="password-code" value={code} onChange={setCode} />}
        <NewPasswordFields password={next} onPassword={setNext} repeat={repeat} onRepeat={setRepeat} />
        <Button type="submit" appearance="primary-action-button" busy={form.busy}>
          {t("account.password.submit")}
        </Button>
      </form>
    </section>
  );
}

function SecondFactor({ mfaEnabled }: { mfaEnabled: boolean }) {
  const { refresh } = useSession();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [disabled, setDisabled] = useState(false);
  return (
    <section aria-labelledby="mfa-heading">
      <Heading2 id="mfa-heading">{t("account.mfa.title")}</Heading2>
      <SuccessMessage message={disabled ? t("account.mfa.disabled") : null} />
      {!mfaEnabled ? (
        <>
          <Paragraph>{t("account.mfa.off")}</Paragraph>
          <Paragraph>
            <AppLink href={mfaSetupPath}>{t("account.mfa.setUp")}</AppLink>
          </Paragraph>
        </>
      ) : codes ? (
        <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />
      ) : (
        <>
          <RecoveryCodesLeft />
          <Paragraph>
            <AppLink href={mfaSetupPath}>{t("account.mfa.change")}</AppLink>
          </Paragraph>
          <ReauthenticatedAction
            id="renew"
            title={t("account.mfa.codesTitle")}
            intro={t("account.mfa.codesIntro")}
            submit={t("account.mfa.codesSubmit")}
            run={async (proof) => {
              setCodes(
                (await api.post<{ recoveryCodes: string[] }>("/api/auth/mfa/recovery-codes", proof))
                  .recoveryCodes,
              );
            }}
          />
          <ReauthenticatedAction
            id="disable"
            title={t("account.mfa.disableTitle")}
            intro={t("account.mfa.disableIntro")}
            submit={t("account.mfa.disableSubmit")}
            run={async (proof) => {
              await api.post("/api/auth/mfa/disable", proof);
              setDisabled(true);
              await refresh();
            }}
          />
        </>
      )}
    </section>
  );
}

/** A small form that sends the current password and a code along with one action. */
function ReauthenticatedAction(props: {
  id: string;
  title: string;
  intro: string;
  submit: string;
  run(proof: { password: string; code: string }): Promise<void>;
}) {
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const form = useSubmit(() => props.run({ password, code }));
  return (
    <form onSubmit={form.onSubmit} aria-labelledby={`${props.id}-heading`}>
      <h3 id={`${props.id}-heading`} className="utrecht-heading-3">
        {props.title}
      </h3>
      <Paragraph>{props.intro}</Paragraph>
      <ErrorMessage message={form.error} />
      <TextField
        id={`${props.id}-password`}
        type="password"
        label={t("account.password.current")}
        value={password}
        onChange={setPassword}
        autoComplete="current-password"
        required
      />
      <CodeField id={`${props.id}-code`} value={code} onChange={setCode} />
      <Button type="submit" appearance="secondary-action-button" busy={form.busy}>
        {props.submit}
      </Button>
    </form>
  );
}

function RecoveryCodesLeft() {
  const left = useResource<{ left: number }>("/api/auth/mfa/recovery-codes");
  return <Paragraph>{t("account.mfa.on", { left: left.data?.left ?? "…" })}</Paragraph>;
}
