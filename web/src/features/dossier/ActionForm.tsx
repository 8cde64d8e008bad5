import { Button } from "@utrecht/component-library-react";
import { type ReactNode, useState } from "react";
import { ApiError } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { Drawer } from "../../ui/Dialog.tsx";
import { type FieldErrors, Form, useForm } from "../../ui/form.tsx";
import { t } from "./labels.ts";
import type { TeamMember } from "./types.ts";

/**
 * One action: a button that opens its form in place (a drawer). Problems are listed in an error summary
 * that takes focus, with the message at the field; after a save the drawer closes, focus returns to the
 * button and the page confirms. When someone else changed the same record meanwhile (409
 * concurrentChange), the message comes with a button that reloads, so the user sees the other change
 * before entering theirs again.
 */
export function ActionForm({
  id,
  title,
  submitLabel,
  onSubmit,
  reload,
  children,
  validate,
  primary,
  openLabel,
}: {
  id: string;
  title: string;
  submitLabel?: string;
  onSubmit(): Promise<void>;
  reload?: () => Promise<void>;
  children: ReactNode;
  validate?: () => FieldErrors;
  /** Shown as the main next step (primary button). */
  primary?: boolean;
  /** The opening button's text when it differs from the title. */
  openLabel?: string;
}) {
  const [open, setOpen] = useState(false);
  const [conflict, setConflict] = useState(false);
  const form = useForm(
    async () => {
      setConflict(false);
      try {
        await onSubmit();
      } catch (error) {
        if (error instanceof ApiError && error.code === "concurrentChange") setConflict(true);
        throw error;
      }
      setOpen(false);
    },
    { saved: false, validate },
  );
  return (
    <>
      <Button
        appearance={primary ? "primary-action-button" : "secondary-action-button"}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-action={id}
      >
        {openLabel ?? title}
      </Button>{" "}
      <Drawer open={open} title={title} onClose={() => setOpen(false)} id={`${id}-drawer`}>
        <Form form={form} label={title} id={id} showSaved={false}>
          {conflict && reload && (
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => {
                setOpen(false);
                void reload();
              }}
            >
              {t("dossier.reload")}
            </Button>
          )}
          {children}
          <div className="ww-toolbar">
            <Button type="submit" appearance="primary-action-button" busy={form.busy}>
              {submitLabel ?? title}
            </Button>
            <Button type="button" appearance="subtle-button" onClick={() => setOpen(false)}>
              {t("ui.cancel")}
            </Button>
          </div>
        </Form>
      </Drawer>
    </>
  );
}

export function useTeamMembers(teamId: string) {
  const team = useResource<{ members: TeamMember[] }>(teamId ? `/api/teams/${teamId}` : "");
  return (team.data?.members ?? []).filter((m) => m.role === "professional" || m.role === "teamLead");
}
