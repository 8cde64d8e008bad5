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
import { useEffect, useState } from "react";
import { SIGNAL_CATEGORIES } from "../../../../server/src/modules/signals/signals.vocabulary.ts";
import { api, errorMessage } from "../../api/client.ts";
import type { TeamSummary } from "../../api/types.ts";
import { useResource } from "../../api/useResource.ts";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { label } from "./signalLabels.ts";

interface Settings {
  acuteWorkingDays: number;
  highWorkingDays: number;
  normalWorkingDays: number;
  lowWorkingDays: number;
}
interface Rule {
  id: string;
  areaCode: string | null;
  category: string | null;
  source: string | null;
  teamName: string;
}
interface Area {
  code: string;
  kind: "district" | "neighbourhood";
  name: string;
}

const levels = ["acute", "high", "normal", "low"] as const;

/** Deadlines per urgency and routing rules of the municipality (functioneel beheerder). */
export function SignalSettingsPage() {
  return (
    <>
      <PageTitle>{t("signalSettings.title")}</PageTitle>
      <Paragraph>{t("signalSettings.intro")}</Paragraph>
      <DeadlinesForm />
      <RoutingRules />
    </>
  );
}

function DeadlinesForm() {
  const settings = useResource<Settings>("/api/signal-settings");
  const [v, setV] = useState<Record<(typeof levels)[number], string> | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data)
      setV({
        acute: String(settings.data.acuteWorkingDays),
        high: String(settings.data.highWorkingDays),
        normal: String(settings.data.normalWorkingDays),
        low: String(settings.data.lowWorkingDays),
      });
  }, [settings.data]);
  const form = useSubmit(async () => {
    if (!v) return;
    setSaved(null);
    await api.post("/api/signal-settings", {
      acuteWorkingDays: Number(v.acute),
      highWorkingDays: Number(v.high),
      normalWorkingDays: Number(v.normal),
      lowWorkingDays: Number(v.low),
    });
    setSaved(t("form.saved"));
    await settings.reload();
  });
  return (
    <form onSubmit={form.onSubmit} aria-labelledby="deadlines" className="ww-form">
      <Heading2 id="deadlines">{t("signalSettings.deadlines")}</Heading2>
      <Paragraph>{t("signalSettings.deadlinesIntro")}</Paragraph>
      <ErrorMessage message={form.error ?? settings.error} />
      <SuccessMessage message={saved} />
      {!v ? (
        !settings.error && <Loading />
      ) : (
        <>
          {levels.map((level) => (
            <TextField
              key={level}
              id={`deadline-${level}`}
              type="number"
              min={0}
              max={level === "low" ? 60 : 30}
              label={t("signalSettings.days", { urgency: label("urgency", level) })}
              value={v[level]}
              onChange={(value) => setV((old) => (old ? { ...old, [level]: value } : old))}
              required
            />
          ))}
          <Button type="submit" appearance="primary-action-button" busy={form.busy}>
            {t("form.save")}
          </Button>
        </>
      )}
    </form>
  );
}

function RoutingRules() {
  const rules = useResource<{ items: Rule[] }>("/api/signal-routing-rules");
  const areas = useResource<{ items: Area[] }>("/api/areas");
  const teams = useResource<{ items: TeamSummary[] }>("/api/teams");
  const [v, setV] = useState({ areaCode: "", category: "", source: "", teamId: "" });
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [key]: value }));
  const areaName = new Map((areas.data?.items ?? []).map((a) => [a.code, a.name]));
  const form = useSubmit(async () => {
    setStatus(null);
    await api.post("/api/signal-routing-rules", {
      areaCode: v.areaCode || null,
      category: v.category || null,
      source: v.source || null,
      teamId: v.teamId,
    });
    setStatus(t("signalSettings.ruleAdded"));
    setV({ areaCode: "", category: "", source: "", teamId: "" });
    await rules.reload();
  });
  async function remove(rule: Rule) {
    setStatus(null);
    setError(null);
    try {
      await api.delete(`/api/signal-routing-rules/${encodeURIComponent(rule.id)}`);
      setStatus(t("signalSettings.ruleRemoved"));
      await rules.reload();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }
  const any = t("signalSettings.any");
  return (
    <section aria-labelledby="rules">
      <Heading2 id="rules">{t("signalSettings.rules")}</Heading2>
      <Paragraph>{t("signalSettings.rulesIntro")}</Paragraph>
      <ErrorMessage message={error ?? rules.error} />
      <SuccessMessage message={status} />
      {!rules.data ? (
        !rules.error && <Loading />
      ) : rules.data.items.length === 0 ? (
        <Paragraph>{t("signalSettings.noRules")}</Paragraph>
      ) : (
        <Table>
          <TableCaption>{t("signalSettings.rulesCaption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("signalSettings.area")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("signals.category")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("figures.source")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("triage.team")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("signalSettings.actions")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rules.data.items.map((rule) => {
              const description = [
                rule.areaCode ? (areaName.get(rule.areaCode) ?? rule.areaCode) : any,
                rule.category ? label("category", rule.category) : any,
                rule.source ? label("source", rule.source) : any,
              ];
              return (
                <TableRow key={rule.id}>
                  {description.map((text, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: three fixed columns
                    <TableCell key={index}>{text}</TableCell>
                  ))}
                  <TableCell>{rule.teamName}</TableCell>
                  <TableCell>
                    <Button appearance="secondary-action-button" onClick={() => void remove(rule)}>
                      {t("signalSettings.remove")}
                      <span className="ww-visually-hidden">
                        {" "}
                        {t("signalSettings.removeLabel", {
                          rule: `${description.join(", ")} → ${rule.teamName}`,
                        })}
                      </span>
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <form onSubmit={form.onSubmit} aria-labelledby="add-rule" className="ww-form">
        <Heading2 id="add-rule">{t("signalSettings.addRule")}</Heading2>
        <ErrorMessage message={form.error ?? areas.error ?? teams.error} />
        <SelectField
          id="rule-area"
          label={t("signalSettings.area")}
          value={v.areaCode}
          onChange={set("areaCode")}
          placeholder={any}
          options={(areas.data?.items ?? []).map((a) => ({
            value: a.code,
            label: `${a.kind === "district" ? t("signalSettings.district") : t("signals.neighbourhood")}: ${a.name}`,
          }))}
        />
        <SelectField
          id="rule-category"
          label={t("signals.category")}
          value={v.category}
          onChange={set("category")}
          placeholder={any}
          options={SIGNAL_CATEGORIES.map((c) => ({ value: c, label: label("category", c) }))}
        />
        <SelectField
          id="rule-source"
          label={t("figures.source")}
          value={v.source}
          onChange={set("source")}
          placeholder={any}
          options={["partner", "public", "api"].map((s) => ({ value: s, label: label("source", s) }))}
        />
        <SelectField
          id="rule-team"
          label={t("triage.team")}
          value={v.teamId}
          onChange={set("teamId")}
          required
          placeholder={t("form.choose")}
          options={(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name }))}
        />
        <Button type="submit" appearance="primary-action-button" busy={form.busy}>
          {t("signalSettings.addRule")}
        </Button>
      </form>
    </section>
  );
}
