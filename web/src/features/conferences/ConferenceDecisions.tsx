import {
  Button,
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
import { api, errorMessage } from "../../api/client.ts";
import { AppLink } from "../../app/router.tsx";
import { t } from "../../i18n/i18n.ts";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { conferencesPath } from "./ConferencesPage.tsx";
import { PlanActionLink } from "./PlanActionLink.tsx";
import { formatDay, type MyDecision } from "./types.ts";

/** The worklist's section of open decisions from case conferences assigned to the user. */
export function ConferenceDecisions({ items, reload }: { items: MyDecision[]; reload(): Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const complete = async (id: string) => {
    try {
      await api.post(`/api/conference-decisions/${encodeURIComponent(id)}/complete`);
      setError(null);
      await reload();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  const title = t("worklist.conferenceDecisions");
  return (
    <section>
      <Heading2>{title}</Heading2>
      <ErrorMessage message={error} />
      {items.length === 0 ? (
        <Paragraph>{t("worklist.empty")}</Paragraph>
      ) : (
        <Table>
          <TableCaption>{title}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("worklist.what")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("worklist.conferenceCase")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("worklist.conference")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("worklist.due")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("worklist.complete")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((d) => (
              <TableRow key={d.id}>
                <TableCell>
                  {t(
                    `conf.decision.${d.kind === "escalation" ? "escalation" : d.kind === "caseLead" ? "caseLead" : "action"}`,
                  )}
                  : {d.description}
                  {d.planAction && (
                    <>
                      <br />
                      <PlanActionLink planAction={d.planAction} />
                    </>
                  )}
                </TableCell>
                <TableCell>
                  {d.householdId ? (
                    <AppLink href={`/dossiers/${encodeURIComponent(d.householdId)}`}>{d.caseLabel}</AppLink>
                  ) : (
                    d.caseLabel
                  )}
                </TableCell>
                <TableCell>
                  <AppLink href={`${conferencesPath}/${encodeURIComponent(d.conferenceId)}`}>
                    {d.conferenceTitle}
                  </AppLink>
                </TableCell>
                <TableCell>{formatDay(d.dueDate)}</TableCell>
                <TableCell>
                  <Button
                    type="button"
                    appearance="subtle-button"
                    aria-label={t("worklist.completeLabel", { what: d.description })}
                    onClick={() => void complete(d.id)}
                  >
                    {t("worklist.complete")}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
