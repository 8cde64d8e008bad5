import { Button, ButtonGroup, Fieldset, FieldsetLegend, Paragraph } from "@utrecht/component-library-react";
import { useCallback, useState } from "react";
import { ApiError, api, errorMessage } from "../../api/client.ts";
import { t } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";
import { Form, useForm } from "../../ui/form.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { SubmitButton } from "./portal.ui.tsx";

/** A resident's portal account as the link and unlink actions need it. */
interface Account {
  userId: string;
  username: string;
}

/**
 * The link and unlink actions' refusals in plain words, at the field: another subject already linked (409),
 * not the user's to change (403), or an account the user may not know about (404).
 */
function plainLinkError(caught: unknown): unknown {
  if (!(caught instanceof ApiError)) return caught;
  const plain =
    caught.code === "oidcAlreadyLinked"
      ? t("portal.accounts.error.alreadyLinked")
      : caught.code === "oidcSubjectTaken"
        ? t("portal.accounts.error.subjectTaken")
        : caught.status === 403
          ? t("portal.accounts.error.forbidden")
          : caught.status === 404
            ? t("portal.accounts.error.notFound")
            : caught.message;
  return new ApiError(caught.status, caught.code, plain, { field: "oidcSubject" });
}

interface RowProps {
  account: Account;
  onChanged(message: string): Promise<void>;
}

const accountPath = (account: Account) =>
  `/api/portal-desk/resident-accounts/${encodeURIComponent(account.userId)}/oidc-subject`;

export function LinkOidc({ account, onChanged }: RowProps) {
  const [subject, setSubject] = useState("");
  const link = useCallback(async () => {
    try {
      await api.post(accountPath(account), { oidcSubject: subject });
    } catch (caught) {
      throw plainLinkError(caught);
    }
    await onChanged(t("portal.accounts.linkedNow", { username: account.username }));
  }, [account, subject, onChanged]);
  const form = useForm(link, { saved: false });
  return (
    <Form form={form} label={t("portal.accounts.subjectFor", { username: account.username })}>
      <TextField
        id={`oidc-${account.userId}-oidcSubject`}
        label={t("portal.accounts.subjectFor", { username: account.username })}
        value={subject}
        onChange={setSubject}
        required
      />
      <SubmitButton busy={form.busy}>{t("portal.accounts.link")}</SubmitButton>
    </Form>
  );
}

/** "Gekoppeld", and removing the link after a confirmation (the resident is told by the server). */
export function UnlinkOidc({ account, onChanged }: RowProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function unlink() {
    setBusy(true);
    setError(null);
    try {
      await api.delete(accountPath(account));
      await onChanged(t("portal.accounts.unlinked", { username: account.username }));
    } catch (caught) {
      setError(errorMessage(plainLinkError(caught)));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Paragraph>{t("portal.accounts.linked")}</Paragraph>
      {!confirming ? (
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-label={t("portal.accounts.unlinkFor", { username: account.username })}
          onClick={() => setConfirming(true)}
        >
          {t("portal.accounts.unlink")}
        </Button>
      ) : (
        <Fieldset>
          <FieldsetLegend>
            {t("portal.accounts.unlinkQuestion", { username: account.username })}
          </FieldsetLegend>
          <ErrorMessage message={error} />
          <ButtonGroup>
            <Button
              type="button"
              appearance="primary-action-button"
              busy={busy}
              onClick={() => void unlink()}
            >
              {t("portal.accounts.unlinkConfirm")}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={() => setConfirming(false)}>
              {t("portal.accounts.cancel")}
            </Button>
          </ButtonGroup>
        </Fieldset>
      )}
    </>
  );
}
