import {
  Button,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { t } from "../../i18n/i18n.ts";
import { SelectField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { label } from "./labels.ts";
import type { Plan } from "./types.ts";

interface Item {
  kind: string;
  id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  fields: string[];
}
interface Comparison {
  goals: Item[];
  actions: Item[];
}

export function VersionsPage({ caseId }: { caseId: string }) {
  const plan = useResource<Plan>(`/api/cases/${encodeURIComponent(caseId)}/plan`);
  const p = plan.data;
  const [from, setFrom] = useState("1");
  const [to, setTo] = useState("");
  const [result, setResult] = useState<Comparison | null>(null);
  const submit = useSubmit(async () => {
    if (!p) return;
    setResult(await api.get<Comparison>(`/api/plans/${p.id}/compare?from=${from}&to=${to || p.version}`));
  });
  const options = (p?.versions ?? []).map((v) => ({
    value: String(v.version),
    label: `${v.version}: ${v.summary} (${v.changedByName ?? ""}, ${v.changedAt.slice(0, 10)})`,
  }));
  const describe = (item: Item) =>
    String((item.after ?? item.before)?.ownWords ?? (item.after ?? item.before)?.description ?? "");
  return (
    <>
      <PageTitle>{t("versions.title")}</PageTitle>
      <ErrorMessage message={plan.error} />
      {!p ? (
        !plan.error && <Loading />
      ) : (
        <form onSubmit={submit.onSubmit} aria-label={t("versions.compare")}>
          <ErrorMessage message={submit.error} />
          <SelectField
            id="version-from"
            label={t("versions.from")}
            value={from}
            onChange={setFrom}
            options={options}
            required
          />
          <SelectField
            id="version-to"
            label={t("versions.to")}
            value={to || String(p.version)}
            onChange={setTo}
            options={options}
            required
          />
          <Button type="submit" appearance="primary-action-button">
            {t("versions.compare")}
          </Button>
        </form>
      )}
      {result &&
        (["goals", "actions"] as const).map((key) => (
          <section key={key}>
            <Heading2>{t(`versions.${key}`)}</Heading2>
            {result[key].length === 0 ? (
              <Paragraph>{t("versions.noChanges")}</Paragraph>
            ) : (
              <UnorderedList>
                {result[key].map((item) => (
                  <UnorderedListItem key={item.id}>
                    {label("versions", item.kind)}: {describe(item)}
                    {item.fields.length > 0 &&
                      ` (${t("versions.fields", { fields: item.fields.join(", ") })})`}
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            )}
          </section>
        ))}
    </>
  );
}
