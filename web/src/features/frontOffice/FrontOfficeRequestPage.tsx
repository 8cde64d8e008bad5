import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { AppLink } from "../../app/router.tsx";
import { useAuthenticatedSession } from "../../app/session.tsx";
import { todayIso } from "../../i18n/format.ts";
import { t, useLanguage } from "../../i18n/i18n.ts";
import { RadioGroupField, SelectField, TextAreaField } from "../../ui/fields.tsx";
import { Form, useForm } from "../../ui/form.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { label, options } from "../dossier/labels.ts";
import type { FrontOfficeRequest } from "./FrontOfficePage.tsx";

interface TeamDetail {
  members: {
    userId: string;
    displayName: string;
    organisationId: string;
    organisationName: string;
    office: string | null;
  }[];
}

/**
 * One request at the front office, in three steps on one page: open the case, record the intake summary,
 * route it to the back office. The front office sees the summary only, never the rest of the dossier.
 */
export function FrontOfficeRequestPage({ householdId }: { householdId: string }) {
  useLanguage();
  const session = useAuthenticatedSession();
  const list = useResource<{ items: FrontOfficeRequest[] }>("/api/front-office/requests");
  const [saved, setSaved] = useState<string | null>(null);
  const team = session.teams.find((x) => x.office === "front") ?? session.teams[0];
  const members = useResource<TeamDetail>(team ? `/api/teams/${team.id}` : "");
  const item = list.data?.items.find((x) => x.householdId === householdId) ?? null;
  const done = async (message: string) => {
    await list.reload();
    setSaved(message);
  };

  if (!list.data) {
    return (
      <>
        <PageTitle>{t("frontOffice.requestTitle")}</PageTitle>
        <ErrorMessage message={list.error} />
        {!list.error && <Loading />}
      </>
    );
  }
  return (
    <>
      <Paragraph>
        <AppLink href="/aanvragen">{t("frontOffice.back")}</AppLink>
      </Paragraph>
      <PageTitle>
        {item?.name ? t("frontOffice.requestOf", { name: item.name }) : t("frontOffice.requestTitle")}
      </PageTitle>
      <SuccessMessage message={saved} />
      {item && (
        <DataList>
          <DataListItem>
            <DataListKey>{t("dossier.address")}</DataListKey>
            <DataListValue>{item.address ?? "–"}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t("dossier.status")}</DataListKey>
            <DataListValue>
              <span data-testid="case-status">{label("caseStatus", item.status)}</span>
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t("frontOffice.request")}</DataListKey>
            <DataListValue>
              {item.requestInOwnWords ? `“${item.requestInOwnWords}”` : t("frontOffice.noIntake")}
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t("frontOffice.routedTo")}</DataListKey>
            <DataListValue>
              <span data-testid="routed-to">{item.routedTo ?? t("frontOffice.notRouted")}</span>
            </DataListValue>
          </DataListItem>
        </DataList>
      )}
      {!item && (
        <OpenRequest householdId={householdId} teamId={team?.id ?? ""} userId={session.user.id} done={done} />
      )}
      {item && !item.requestInOwnWords && <IntakeSummary item={item} done={done} />}
      {item?.requestInOwnWords && (
        <RouteRequest
          item={item}
          backOffice={(members.data?.members ?? []).filter((m) => m.office === "back")}
          done={done}
        />
      )}
    </>
  );
}

function OpenRequest({
  householdId,
  teamId,
  userId,
  done,
}: {
  householdId: string;
  teamId: string;
  userId: string;
  done(message: string): Promise<void>;
}) {
  const [grounds, setGrounds] = useState("");
  const form = useForm(
    async () => {
      await api.post(`/api/households/${encodeURIComponent(householdId)}/cases`, {
        teamId,
        caseLeadUserId: userId,
        allocationGrounds: grounds,
      });
      await done(t("workspace.saved.caseOpened"));
    },
    { saved: false },
  );
  return (
    <section aria-labelledby="open-heading">
      <Heading2 id="open-heading">{t("frontOffice.step.open")}</Heading2>
      <Form form={form} label={t("frontOffice.step.open")}>
        <TextAreaField
          id="fo-grounds"
          label={t("frontOffice.grounds")}
          hint={t("workspace.groundsHint")}
          value={grounds}
          onChange={setGrounds}
          required
        />
        <Button type="submit" appearance="primary-action-button" busy={form.busy}>
          {t("dossier.openCase")}
        </Button>
      </Form>
    </section>
  );
}

function IntakeSummary({ item, done }: { item: FrontOfficeRequest; done(message: string): Promise<void> }) {
  const [request, setRequest] = useState("");
  const [underlying, setUnderlying] = useState("");
  const [urgency, setUrgency] = useState("normal");
  const form = useForm(
    async () => {
      await api.post(`/api/cases/${encodeURIComponent(item.caseId)}/intake`, {
        version: item.caseVersion,
        conversationDate: todayIso(),
        location: "desk",
        requestInOwnWords: request,
        underlyingQuestion: underlying,
        lifeDomains: [],
        urgency,
      });
      await done(t("workspace.saved.intake"));
    },
    { saved: false },
  );
  return (
    <section aria-labelledby="intake-heading">
      <Heading2 id="intake-heading">{t("frontOffice.step.intake")}</Heading2>
      <Form form={form} label={t("frontOffice.step.intake")}>
        <TextAreaField
          id="fo-request"
          label={t("dossier.requestInOwnWords")}
          value={request}
          onChange={setRequest}
          required
        />
        <TextAreaField
          id="fo-underlying"
          label={t("frontOffice.summary")}
          hint={t("frontOffice.summaryHint")}
          value={underlying}
          onChange={setUnderlying}
          required
        />
        <RadioGroupField
          id="fo-urgency"
          legend={t("dossier.urgency")}
          value={urgency}
          onChange={setUrgency}
          options={options("urgencyName")}
          required
          inline
        />
        <Button type="submit" appearance="primary-action-button" busy={form.busy}>
          {t("frontOffice.saveIntake")}
        </Button>
      </Form>
    </section>
  );
}

function RouteRequest({
  item,
  backOffice,
  done,
}: {
  item: FrontOfficeRequest;
  backOffice: TeamDetail["members"];
  done(message: string): Promise<void>;
}) {
  const [recipient, setRecipient] = useState("");
  const [note, setNote] = useState("");
  const organisations = [...new Map(backOffice.map((m) => [m.organisationId, m.organisationName])).entries()];
  const choices = [
    ...organisations.map(([id, name]) => ({
      value: `org:${id}`,
      label: t("frontOffice.toOrganisation", { name }),
    })),
    ...backOffice.map((m) => ({
      value: `user:${m.userId}`,
      label: `${m.displayName} (${m.organisationName})`,
    })),
  ];
  const form = useForm(
    async () => {
      const [kind, id] = recipient.split(":");
      const person = kind === "user" ? backOffice.find((m) => m.userId === id) : undefined;
      await api.post(`/api/households/${encodeURIComponent(item.householdId)}/routing`, {
        organisationId: person ? person.organisationId : id,
        userId: person?.userId ?? null,
        note: note || null,
      });
      setRecipient("");
      setNote("");
      await done(t("frontOffice.routed"));
    },
    { saved: false },
  );
  return (
    <section aria-labelledby="route-heading">
      <Heading2 id="route-heading">{t("frontOffice.step.route")}</Heading2>
      <Form form={form} label={t("frontOffice.step.route")}>
        <SelectField
          id="fo-recipient"
          label={t("frontOffice.recipient")}
          value={recipient}
          onChange={setRecipient}
          options={choices}
          placeholder={t("dossier.choose")}
          required
        />
        <TextAreaField id="fo-note" label={t("frontOffice.note")} value={note} onChange={setNote} />
        <Button type="submit" appearance="primary-action-button" busy={form.busy}>
          {t("frontOffice.route")}
        </Button>
      </Form>
    </section>
  );
}
