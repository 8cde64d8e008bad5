import {
  Button,
  Fieldset,
  FieldsetLegend,
  Heading2,
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
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { conferencesPath } from "../../app/paths.ts";
import { AppLink, navigate } from "../../app/router.tsx";
import { hasAnyPermission, useAuthenticatedSession } from "../../app/session.tsx";
import { t, tOptional } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { CheckboxField } from "../dossier/TextAreaField.tsx";
import { type Candidates, type Conference, type ConferenceSummary, formatDateTime } from "./types.ts";

export { conferencesPath };

/** The conferences a user can see, and (for team members) a form to plan one. */
export function ConferencesPage() {
  const session = useAuthenticatedSession();
  const list = useResource<{ items: ConferenceSummary[] }>("/api/conferences");
  const mayPlan = hasAnyPermission(session, ["conference.write"]) && session.teams.length > 0;
  return (
    <>
      <PageTitle>{t("conf.title")}</PageTitle>
      <ErrorMessage message={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.items.length === 0 && <Paragraph>{t("conf.none")}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <Table>
          <TableCaption>{t("conf.listCaption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("conf.name")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("conf.when")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("conf.team")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("conf.status")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.items.map((c) => (
              <TableRow key={c.id}>
                <TableHeaderCell scope="row">
                  <AppLink href={`${conferencesPath}/${encodeURIComponent(c.id)}`}>{c.title}</AppLink>
                </TableHeaderCell>
                <TableCell>{formatDateTime(c.scheduledAt)}</TableCell>
                <TableCell>{c.teamName}</TableCell>
                <TableCell>{tOptional(`conf.status.${c.status}`) ?? c.status}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {mayPlan && <PlanForm />}
    </>
  );
}

function PlanForm() {
  const session = useAuthenticatedSession();
  const [teamId, setTeamId] = useState(session.teams[0]?.id ?? "");
  const [title, setTitle] = useState("");
  const [date, setDate] = useState("");
  const [time, setTime] = useState("09:30");
  const [location, setLocation] = useState("");
  const [members, setMembers] = useState<string[]>([]);
  const [invited, setInvited] = useState<string[]>([]);
  const candidates = useResource<Candidates>(
    `/api/conference-candidates?teamId=${encodeURIComponent(teamId)}`,
  );
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);
  const { busy, error, onSubmit } = useSubmit(async () => {
    const scheduledAt = date ? new Date(`${date}T${time || "09:00"}:00`).toISOString() : "";
    const planned = await api.post<Conference>("/api/conferences", {
      teamId,
      title,
      scheduledAt,
      location: location || null,
      memberUserIds: members,
      invitedUserIds: invited,
    });
    navigate(`${conferencesPath}/${encodeURIComponent(planned.id)}`);
  });
  const others = candidates.data?.members.filter((m) => m.userId !== session.user.id) ?? [];
  const who = (p: { name: string; organisationName: string | null }) =>
    p.organisationName ? `${p.name} (${p.organisationName})` : p.name;
  return (
    <section aria-labelledby="plan-heading">
      <Heading2 id="plan-heading">{t("conf.plan")}</Heading2>
      <ErrorMessage message={error ?? candidates.error} />
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          id="conf-team"
          label={t("conf.team")}
          value={teamId}
          required
          options={session.teams.map((x) => ({ value: x.id, label: x.name }))}
          onChange={(v) => {
            setTeamId(v);
            setMembers([]);
            setInvited([]);
          }}
        />
        <TextField id="conf-title" label={t("conf.planTitle")} value={title} onChange={setTitle} required />
        <TextField
          id="conf-date"
          type="date"
          label={t("conf.date")}
          value={date}
          onChange={setDate}
          required
        />
        <TextField
          id="conf-time"
          type="time"
          label={t("conf.time")}
          value={time}
          onChange={setTime}
          required
        />
        <TextField id="conf-location" label={t("conf.location")} value={location} onChange={setLocation} />
        {others.length > 0 && (
          <Fieldset>
            <FieldsetLegend>{t("conf.members")}</FieldsetLegend>
            {others.map((m) => (
              <CheckboxField
                key={m.userId}
                id={`conf-member-${m.userId}`}
                label={who(m)}
                checked={members.includes(m.userId)}
                onChange={(on) => setMembers(toggle(members, m.userId, on))}
              />
            ))}
          </Fieldset>
        )}
        {candidates.data && candidates.data.invitable.length > 0 && (
          <Fieldset>
            <FieldsetLegend>{t("conf.invited")}</FieldsetLegend>
            {candidates.data.invitable.map((m) => (
              <CheckboxField
                key={m.userId}
                id={`conf-invite-${m.userId}`}
                label={who(m)}
                checked={invited.includes(m.userId)}
                onChange={(on) => setInvited(toggle(invited, m.userId, on))}
              />
            ))}
          </Fieldset>
        )}
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {t("conf.planSubmit")}
        </Button>
      </form>
    </section>
  );
}
