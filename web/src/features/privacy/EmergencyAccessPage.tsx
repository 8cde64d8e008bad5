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
import { type ReactNode, useState } from "react";
import { api } from "../../api/client.ts";
import { AppLink, navigate } from "../../app/router.tsx";
import { t } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { TextAreaField } from "../dossier/TextAreaField.tsx";
import { type EmergencyAccess, time } from "./types.ts";

/** Break the glass: a stated reason and a duration; the team lead reviews it afterwards. */
export function EmergencyAccessPage({ householdId }: { householdId: string }) {
  const [reason, setReason] = useState("");
  const [minutes, setMinutes] = useState("60");
  const { busy, error, onSubmit } = useSubmit(async () => {
    await api.post("/api/emergency-access", {
      householdId,
      reason,
      minutes: minutes ? Number(minutes) : null,
    });
    navigate(`/dossiers/${encodeURIComponent(householdId)}`);
  });
  return (
    <>
      <PageTitle>{t("glass.title")}</PageTitle>
      <Paragraph>{t("glass.intro")}</Paragraph>
      <ErrorMessage message={error} />
      <form onSubmit={onSubmit} noValidate>
        <TextAreaField
          id="glass-reason"
          label={t("glass.reason")}
          value={reason}
          onChange={setReason}
          required
        />
        <Paragraph>
          <small>{t("glass.reasonHint")}</small>
        </Paragraph>
        <TextField
          id="glass-minutes"
          type="number"
          label={t("glass.minutes")}
          value={minutes}
          onChange={setMinutes}
          required
        />
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {t("glass.submit")}
        </Button>
      </form>
      <Paragraph>
        <AppLink href="/dossiers">{t("privacy.back")}</AppLink>
      </Paragraph>
    </>
  );
}

/** A table of emergency accesses, with an optional action cell per row. */
export function EmergencyTable(props: {
  caption: string;
  items: EmergencyAccess[];
  action?(item: EmergencyAccess): ReactNode;
}) {
  return (
    <Table>
      <TableCaption>{props.caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t("glass.who")}</TableHeaderCell>
          <TableHeaderCell scope="col">{t("glass.household")}</TableHeaderCell>
          <TableHeaderCell scope="col">{t("glass.reasonCol")}</TableHeaderCell>
          <TableHeaderCell scope="col">{t("glass.period")}</TableHeaderCell>
          <TableHeaderCell scope="col">{t("glass.review")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.items.map((e) => (
          <TableRow key={e.id}>
            <TableCell>{e.userName}</TableCell>
            <TableCell>
              <AppLink href={`/dossiers/${encodeURIComponent(e.householdId)}`}>
                {e.householdId.slice(0, 8)}
              </AppLink>
            </TableCell>
            <TableCell>{e.reason}</TableCell>
            <TableCell>
              {time(e.startsAt)} – {time(e.endedAt ?? e.expiresAt)}
            </TableCell>
            <TableCell>
              {e.reviewedAt ? `${e.reviewedByName ?? ""}: ${e.reviewNote ?? ""}` : props.action?.(e)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
