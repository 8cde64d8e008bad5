import { t } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";

/** A new password and the same once more, as the password manager should see them (own password, set-up link). */
export function NewPasswordFields({
  password,
  onPassword,
  repeat,
  onRepeat,
}: {
  password: string;
  onPassword(value: string): void;
  repeat: string;
  onRepeat(value: string): void;
}) {
  return (
    <>
      <TextField
        id="new-password"
        type="password"
        label={t("account.password.new")}
        value={password}
        onChange={onPassword}
        autoComplete="new-password"
        minLength={12}
        required
      />
      <TextField
        id="repeat-password"
        type="password"
        label={t("account.password.repeat")}
        value={repeat}
        onChange={onRepeat}
        autoComplete="new-password"
        required
      />
    </>
  );
}
