import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  OrderedList,
  OrderedListItem,
  Paragraph,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { AppLink } from "../../app/router.tsx";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { MeldcodeSection, type MeldcodeStep } from "./MeldcodeSection.tsx";
import { formatDate, label, yesNo } from "./signalLabels.ts";
import type { QueueItem } from "./TriagePage.tsx";

interface Detail extends QueueItem {
  observation: string;
  residentAware: boolean;
  anonymous: boolean;
  reporterName: string | null;
  reporterPhone: string | null;
  reporterOrganisationName: string | null;
  decisionReason: string | null;
  referredTo: string | null;
  outreachUserName: string | null;
  contactAttempts: { id: string; attemptedAt: string; method: string; outcome: string; userName: string }[];
  meldcodeSteps: MeldcodeStep[];
  teamMembers: { userId: string; displayName: string }[];
  allowed: {
    decide: boolean;
    noAction: boolean;
    endWithoutCase: boolean;
    reportVeiligThuis: boolean;
    skipMeldcodeStep: boolean;
    recordContact: boolean;
  };
}
interface Matches {
  items: { householdId: string; name: string; address: string | null; householdName: string }[];
  hiddenMatches: number;
}

export function SignalDetailPage({ signalId }: { signalId: string }) {
  const path = `/api/signals/${encodeURIComponent(signalId)}`;
  const signal = useResource<Detail>(path);
  const back = (
    <Paragraph>
      <AppLink href="/signalen/triage">{t("signal.back")}</AppLink>
    </Paragraph>
  );
  if (!signal.data) {
    return (
      <>
        {back}
        <PageTitle>{t("triage.title")}</PageTitle>
        <ErrorMessage message={signal.error} />
        {!signal.error && <Loading />}
      </>
    );
  }
  const s = signal.data;
  return (
    <>
      {back}
      <PageTitle>{`${label("category", s.category)}: ${s.personName ?? s.street ?? s.neighbourhoodName ?? s.referenceCode}`}</PageTitle>
      <DataList>
        {[
          [t("signals.reference"), s.referenceCode],
          [t("signals.about"), [s.address, s.neighbourhoodName].filter(Boolean).join(", ")],
          [t("signals.urgency"), label("urgency", s.urgency)],
          [
            t("triage.deadline"),
            `${formatDate(s.deadlineAt)} (${s.overdue ? t("triage.overdue") : t("triage.onTime")})`,
          ],
          [t("triage.state"), label("state", s.triageState)],
          [t("signals.observation"), s.observation],
          [t("signals.residentAware"), yesNo(s.residentAware)],
          [
            t("signal.reporter"),
            s.anonymous
              ? t("signal.anonymous")
              : [label("source", s.source), s.reporterOrganisationName, s.reporterName, s.reporterPhone]
                  .filter(Boolean)
                  .join(", "),
          ],
        ].map(([key, value]) => (
          <DataListItem key={key}>
            <DataListKey>{key}</DataListKey>
            <DataListValue>{value}</DataListValue>
          </DataListItem>
        ))}
      </DataList>
      {s.groupSize > 1 && <Paragraph>{t("triage.group", { count: s.groupSize })}</Paragraph>}
      {s.meldcode && (
        <MeldcodeSection
          steps={s.meldcodeSteps}
          path={path}
          maySkip={s.allowed.skipMeldcodeStep}
          onDone={signal.reload}
        />
      )}
      {s.contactAttempts.length > 0 && (
        <>
          <Heading2>{t("signal.attempts")}</Heading2>
          <OrderedList>
            {s.contactAttempts.map((a) => (
              <OrderedListItem key={a.id}>
                {formatDate(a.attemptedAt)}: {label("method", a.method)}, {label("outcome", a.outcome)} (
                {a.userName})
              </OrderedListItem>
            ))}
          </OrderedList>
        </>
      )}
      {s.allowed.decide && <DecisionForm signal={s} path={path} onDone={signal.reload} />}
      {s.allowed.recordContact && <ContactForm path={path} onDone={signal.reload} />}
    </>
  );
}

function DecisionForm({ signal, path, onDone }: { signal: Detail; path: string; onDone(): Promise<void> }) {
  const matches = useResource<Matches>(`${path}/matches`);
  const [v, setV] = useState({
    decision: "",
    outreachUserId: "",
    householdId: "",
    referredTo: "",
    reason: "",
    givenName: "",
    familyName: "",
    birthDate: "",
    allocationGrounds: "",
  });
  const [saved, setSaved] = useState<string | null>(null);
  const set = (key: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [key]: value }));
  const decisions = [
    "outreach",
    "linkHousehold",
    "openCase",
    ...(signal.allowed.reportVeiligThuis ? ["reportVeiligThuis"] : []),
    ...(signal.allowed.endWithoutCase ? ["refer", "neighbourhood"] : []),
    ...(signal.allowed.noAction ? ["noAction"] : []),
  ];
  const form = useSubmit(async () => {
    setSaved(null);
    await api.post(`${path}/decision`, {
      decision: v.decision,
      reason: v.reason || null,
      ...(v.decision === "outreach" ? { outreachUserId: v.outreachUserId } : {}),
      ...(v.decision === "linkHousehold" ? { householdId: v.householdId } : {}),
      ...(v.decision === "refer" ? { referredTo: v.referredTo } : {}),
      ...(v.decision === "openCase"
        ? {
            allocationGrounds: v.allocationGrounds,
            members: [
              {
                givenName: v.givenName,
                familyName: v.familyName,
                birthDate: v.birthDate,
                relation: "self",
                isMainContact: true,
              },
            ],
          }
        : {}),
    });
    setSaved(t("signal.decided"));
    await onDone();
  });
  return (
    <form onSubmit={form.onSubmit} aria-labelledby="decision" className="ww-form">
      <Heading2 id="decision">{t("signal.decision")}</Heading2>
      <ErrorMessage message={form.error} />
      <SuccessMessage message={saved} />
      <SelectField
        id="decision-kind"
        label={t("signal.decision")}
        value={v.decision}
        onChange={set("decision")}
        required
        placeholder={t("signal.decisionChoose")}
        options={decisions.map((d) => ({ value: d, label: label("decision", d) }))}
      />
      {v.decision === "outreach" && (
        <SelectField
          id="decision-outreach"
          label={t("signal.outreachUser")}
          value={v.outreachUserId}
          onChange={set("outreachUserId")}
          required
          placeholder={t("form.choose")}
          options={signal.teamMembers.map((m) => ({ value: m.userId, label: m.displayName }))}
        />
      )}
      {v.decision === "linkHousehold" && (
        <>
          <SelectField
            id="decision-household"
            label={t("signal.household")}
            value={v.householdId}
            onChange={set("householdId")}
            required
            placeholder={t("form.choose")}
            options={(matches.data?.items ?? []).map((m) => ({
              value: m.householdId,
              label: `${m.name} (${m.householdName}, ${m.address ?? ""})`,
            }))}
          />
          {matches.data && matches.data.items.length === 0 && <Paragraph>{t("signal.noMatches")}</Paragraph>}
          {matches.data && matches.data.hiddenMatches > 0 && (
            <Paragraph>{t("signal.hiddenMatches", { count: matches.data.hiddenMatches })}</Paragraph>
          )}
        </>
      )}
      {v.decision === "openCase" && (
        <>
          <TextField
            id="decision-given"
            label={t("signal.givenName")}
            value={v.givenName}
            onChange={set("givenName")}
            required
          />
          <TextField
            id="decision-family"
            label={t("signal.familyName")}
            value={v.familyName}
            onChange={set("familyName")}
            required
          />
          <TextField
            id="decision-birth"
            label={t("signal.birthDate")}
            value={v.birthDate}
            onChange={set("birthDate")}
            required
          />
          <TextField
            id="decision-grounds"
            label={t("signal.allocationGrounds")}
            value={v.allocationGrounds}
            onChange={set("allocationGrounds")}
            required
          />
        </>
      )}
      {v.decision === "refer" && (
        <TextField
          id="decision-referred"
          label={t("signal.referredTo")}
          value={v.referredTo}
          onChange={set("referredTo")}
          required
        />
      )}
      <TextField
        id="decision-reason"
        label={t("signal.reason")}
        value={v.reason}
        onChange={set("reason")}
        required={v.decision === "noAction"}
      />
      <Button type="submit" appearance="primary-action-button" busy={form.busy}>
        {t("signal.decide")}
      </Button>
    </form>
  );
}

function ContactForm({ path, onDone }: { path: string; onDone(): Promise<void> }) {
  const [method, setMethod] = useState("homeVisit");
  const [outcome, setOutcome] = useState("reached");
  const [saved, setSaved] = useState<string | null>(null);
  const form = useSubmit(async () => {
    setSaved(null);
    await api.post(`${path}/contact-attempts`, { method, outcome });
    setSaved(t("signal.contactSaved"));
    await onDone();
  });
  return (
    <form onSubmit={form.onSubmit} aria-labelledby="contact" className="ww-form">
      <Heading2 id="contact">{t("signal.contact")}</Heading2>
      <ErrorMessage message={form.error} />
      <SuccessMessage message={saved} />
      <SelectField
        id="contact-method"
        label={t("signal.method")}
        value={method}
        onChange={setMethod}
        required
        options={["homeVisit", "phone", "letter", "viaPartner", "other"].map((m) => ({
          value: m,
          label: label("method", m),
        }))}
      />
      <SelectField
        id="contact-outcome"
        label={t("signal.outcome")}
        value={outcome}
        onChange={setOutcome}
        required
        options={["reached", "notHome", "noAnswer", "declined"].map((o) => ({
          value: o,
          label: label("outcome", o),
        }))}
      />
      <Button type="submit" appearance="secondary-action-button" busy={form.busy}>
        {t("signal.contact")}
      </Button>
    </form>
  );
}
