import { Button } from "@utrecht/component-library-react";
import { type ReactNode, useRef, useState } from "react";
import { ApiError } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { t } from "./labels.ts";
import type { TeamMember } from "./types.ts";

/**
 * One action as a disclosure with a form; the server's Dutch message appears on failure. When someone
 * else changed the same record meanwhile (409 concurrentChange), the message comes with a button that
 * reloads the dossier, so the user sees the other change before entering theirs again.
 */
export function ActionForm({
  id,
  title,
  submitLabel,
  onSubmit,
  reload,
  children,
}: {
  id: string;
  title: string;
  submitLabel?: string;
  onSubmit(): Promise<void>;
  reload?: () => Promise<void>;
  children: ReactNode;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const [conflict, setConflict] = useState(false);
  const form = useSubmit(async () => {
    setConflict(false);
    try {
      await onSubmit();
    } catch (error) {
      if (error instanceof ApiError && error.code === "concurrentChange") setConflict(true);
      throw error;
    }
    // Saved: fold the form away; the page shows the result and a status message.
    if (details.current) details.current.open = false;
  });
  return (
    <details className="ww-action" ref={details}>
      <summary>{title}</summary>
      <form onSubmit={form.onSubmit} className="ww-form" aria-label={title} id={id}>
        <ErrorMessage message={form.error} />
        {conflict && reload && (
          <Button type="button" appearance="secondary-action-button" onClick={() => void reload()}>
            {t("dossier.reload")}
          </Button>
        )}
        {children}
        <Button type="submit" appearance="primary-action-button" busy={form.busy}>
          {submitLabel ?? title}
        </Button>
      </form>
    </details>
  );
}

export function useTeamMembers(teamId: string) {
  const team = useResource<{ members: TeamMember[] }>(`/api/teams/${teamId}`);
  return (team.data?.members ?? []).filter((m) => m.role === "professional" || m.role === "teamLead");
}
