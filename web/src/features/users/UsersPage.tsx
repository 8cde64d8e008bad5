import {
  Button,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api, errorMessage } from "../../api/client.ts";
import type { ListResponse, User } from "../../api/types.ts";
import { useResource } from "../../api/useResource.ts";
import { permissions } from "../../app/navigation.ts";
import { hasAnyPermission, useAuthenticatedSession } from "../../app/session.tsx";
import { t, tOptional } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { CreateUserForm } from "./CreateUserForm.tsx";

export function roleLabel(role: string): string {
  return tOptional(`role.${role}`) ?? role;
}

export function UsersPage() {
  const session = useAuthenticatedSession();
  const list = useResource<ListResponse<User>>("/api/users");
  const canManage = hasAnyPermission(session, [permissions.userManage]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function toggle(user: User) {
    setError(null);
    setSaved(null);
    try {
      const action = user.disabled ? "enable" : "disable";
      const changed = await api.post<User>(`/api/users/${encodeURIComponent(user.id)}/${action}`);
      setSaved(t("users.changed", { name: changed.displayName }));
      await list.reload();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  /** A set-password link by e-mail, or a reset of two-step verification (never a password). */
  async function act(user: User, action: "password-setup" | "mfa/reset") {
    setError(null);
    setSaved(null);
    try {
      await api.post(`/api/users/${encodeURIComponent(user.id)}/${action}`);
      setSaved(
        t(action === "password-setup" ? "users.linkSent" : "users.mfaReset", { name: user.displayName }),
      );
      await list.reload();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <>
      <PageTitle>{t("users.title")}</PageTitle>
      <ErrorMessage message={error ?? list.error} />
      <SuccessMessage message={saved} />
      {!list.data ? (
        !list.error && <Loading />
      ) : list.data.items.length === 0 ? (
        <Paragraph>{t("users.empty")}</Paragraph>
      ) : (
        <Table>
          <TableCaption>{t("users.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("users.displayName")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("users.username")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("users.role")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("users.organisation")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("users.mfa")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("users.status")}</TableHeaderCell>
              {canManage && <TableHeaderCell scope="col">{t("users.actions")}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.items.map((user) => (
              <TableRow key={user.id}>
                <TableCell>{user.displayName}</TableCell>
                <TableCell>{user.username}</TableCell>
                <TableCell>{roleLabel(user.role)}</TableCell>
                <TableCell>{user.homeOrganisationName ?? "–"}</TableCell>
                <TableCell>{user.mfaEnabled ? t("users.mfaOn") : t("users.mfaOff")}</TableCell>
                <TableCell>{user.disabled ? t("users.disabled") : t("users.active")}</TableCell>
                {canManage && (
                  <TableCell>
                    {user.id !== session.user.id && (
                      <div className="ww-actions">
                        <Button appearance="secondary-action-button" onClick={() => void toggle(user)}>
                          {user.disabled ? t("users.enable") : t("users.disable")}
                          <span className="ww-visually-hidden"> {user.displayName}</span>
                        </Button>
                        {user.email && !user.disabled && user.role !== "resident" && (
                          <Button appearance="subtle-button" onClick={() => void act(user, "password-setup")}>
                            {t("users.sendLink")}
                            <span className="ww-visually-hidden"> {user.displayName}</span>
                          </Button>
                        )}
                        {user.mfaEnabled && (
                          <Button appearance="subtle-button" onClick={() => void act(user, "mfa/reset")}>
                            {t("users.resetMfa")}
                            <span className="ww-visually-hidden"> {user.displayName}</span>
                          </Button>
                        )}
                      </div>
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canManage && <CreateUserForm onCreated={list.reload} />}
    </>
  );
}
