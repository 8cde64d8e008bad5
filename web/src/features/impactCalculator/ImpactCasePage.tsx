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
import { type FormEvent, useState } from "react";
import { api, errorMessage } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { type MessageKey, t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { ScrollRegion } from "../areaAnalysis/ScrollRegion.tsx";
import { PriceListLink } from "./ImpactLinks.tsx";
import "../outcomes/outcomes.css";
import { formatDate } from "../../i18n/format.ts";
import { ImpactTimeline } from "./ImpactTimeline.tsx";
import { euro, type ImpactCase, STAKEHOLDERS } from "./impact.types.ts";

const sh = (k: string) => t(`impact.sh.${k}` as MessageKey);
const toNumber = (text: string) => Number(text.replace(",", "."));

/** The Effectencalculator of one case: timeline of both scenarios, entries, totals per stakeholder. */
export function ImpactCasePage({ caseId }: { caseId: string }) {
  const resource = useResource<ImpactCase>(`/api/impact/cases/${caseId}`);
  const [form, setForm] = useState({
    scenario: "actual",
    priceId: "",
    monthOffset: "0",
    quantity: "",
    description: "",
    professionalUserId: "",
  });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const data = resource.data;
  async function add(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    try {
      await api.post(`/api/impact/cases/${caseId}/entries`, {
        scenario: form.scenario,
        priceId: form.priceId,
        monthOffset: Math.trunc(toNumber(form.monthOffset)),
        quantity: toNumber(form.quantity),
        description: form.description,
        professionalUserId: form.professionalUserId || null,
      });
      setError(null);
      setDone(t("impact.added"));
      setForm({ ...form, quantity: "", description: "" });
      await resource.reload();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }
  async function remove(entryId: string) {
    try {
      await api.delete(`/api/impact/cases/${caseId}/entries/${entryId}`);
      await resource.reload();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }
  return (
    <>
      <PageTitle>{data ? `${t("impact.title")}: ${data.label}` : t("impact.title")}</PageTitle>
      <Paragraph>{t("impact.intro")}</Paragraph>
      <PriceListLink />
      <ErrorMessage message={resource.error} />
      {!data && !resource.error && <Loading />}
      {data && (
        <>
          <ImpactTimeline data={data} />
          <ScrollRegion label={t("impact.totals")}>
            <Table>
              <TableCaption>{t("impact.totals")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("impact.stakeholder")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("impact.actual")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("impact.counterfactual")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("impact.benefit")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {STAKEHOLDERS.map((k) => (
                  <TableRow key={k}>
                    <TableHeaderCell scope="row">{sh(k)}</TableHeaderCell>
                    <TableCell>{euro(data.result.actual.totals[k])}</TableCell>
                    <TableCell>{euro(data.result.counterfactual.totals[k])}</TableCell>
                    <TableCell>{euro(data.result.benefit[k])}</TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableHeaderCell scope="row">{t("impact.total")}</TableHeaderCell>
                  <TableCell>{euro(data.result.actual.total)}</TableCell>
                  <TableCell>{euro(data.result.counterfactual.total)}</TableCell>
                  <TableCell>{euro(data.result.netBenefit)}</TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </ScrollRegion>
          <ScrollRegion label={t("impact.entries")}>
            <Table>
              <TableCaption>{t("impact.entries")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("impact.monthOffset")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("impact.scenario")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("impact.description")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("impact.item")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("impact.who")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("impact.amount")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("impact.remove")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.entries.map((e) => (
                  <TableRow key={e.id}>
                    <TableCell>{e.monthOffset}</TableCell>
                    <TableCell>
                      {e.scenario === "actual" ? t("impact.actual") : t("impact.counterfactual")}
                    </TableCell>
                    <TableCell>{e.description}</TableCell>
                    <TableCell>{`${e.item}: ${e.quantity} × ${t(`impact.unit.${e.unit}` as MessageKey)} (${sh(e.stakeholder)})`}</TableCell>
                    <TableCell>{e.professionalName ?? "–"}</TableCell>
                    <TableCell>{euro(e.amountCents)}</TableCell>
                    <TableCell>
                      <Button
                        appearance="subtle-button"
                        onClick={() => void remove(e.id)}
                        aria-label={`${t("impact.remove")}: ${e.description}`}
                      >
                        {t("impact.remove")}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
          {data.entries.length === 0 && <Paragraph>{t("impact.noEntries")}</Paragraph>}
          <h2 className="utrecht-heading-2">{t("impact.events")}</h2>
          <ul className="utrecht-unordered-list">
            {data.events.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: events have no id and do not reorder
              <li key={i}>
                {t("impact.month", { n: e.monthOffset })} ({formatDate(e.date)}):{" "}
                {t(`impact.ev.${e.kind}` as MessageKey)}
                {e.domain ? ` · ${t(`domain.${e.domain}` as MessageKey)}` : ""}
                {e.detail && e.kind === "action" ? ` · ${t(`outcomes.cat.${e.detail}` as MessageKey)}` : ""}
              </li>
            ))}
          </ul>
          <h2 className="utrecht-heading-2">{t("impact.add")}</h2>
          <form onSubmit={add}>
            <SelectField
              id="impact-scenario"
              label={t("impact.scenario")}
              value={form.scenario}
              required
              options={[
                { value: "actual", label: t("impact.actual") },
                { value: "counterfactual", label: t("impact.counterfactual") },
              ]}
              onChange={(v) => setForm({ ...form, scenario: v })}
            />
            <SelectField
              id="impact-price"
              label={t("impact.item")}
              value={form.priceId}
              required
              placeholder=""
              options={data.prices.map((p) => ({
                value: p.id,
                label: `${p.item} (${euro(Math.round(p.price * 100))} / ${t(`impact.unit.${p.unit}` as MessageKey)}, ${p.year})`,
              }))}
              onChange={(v) => setForm({ ...form, priceId: v })}
            />
            <TextField
              id="impact-month"
              label={t("impact.monthOffset")}
              inputMode="numeric"
              required
              value={form.monthOffset}
              onChange={(v) => setForm({ ...form, monthOffset: v })}
            />
            <TextField
              id="impact-quantity"
              label={t("impact.quantity")}
              inputMode="decimal"
              required
              value={form.quantity}
              onChange={(v) => setForm({ ...form, quantity: v })}
            />
            <TextField
              id="impact-description"
              label={t("impact.description")}
              required
              value={form.description}
              onChange={(v) => setForm({ ...form, description: v })}
            />
            <SelectField
              id="impact-professional"
              label={t("impact.professional")}
              value={form.professionalUserId}
              options={[
                { value: "", label: t("impact.nobody") },
                ...data.professionals.map((p) => ({ value: p.id, label: p.name })),
              ]}
              onChange={(v) => setForm({ ...form, professionalUserId: v })}
            />
            <ErrorMessage message={error} />
            <SuccessMessage message={done} />
            <Button type="submit" appearance="primary-action-button">
              {t("impact.add")}
            </Button>
          </form>
        </>
      )}
    </>
  );
}
