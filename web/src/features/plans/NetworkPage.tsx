import {
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
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
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { DossierFrame } from "../dossier/DossierFrame.tsx";
import { label } from "./labels.ts";
import { NetworkMap } from "./NetworkMap.tsx";
import type { Network } from "./types.ts";

export function NetworkPage({ householdId }: { householdId: string }) {
  const network = useResource<Network>(`/api/households/${encodeURIComponent(householdId)}/network`);
  const n = network.data;
  return (
    <DossierFrame householdId={householdId} section="network" title={t("plan.network")}>
      <ErrorMessage message={network.error} />
      {!n ? (
        !network.error && <Loading />
      ) : (
        <>
          <Heading2>{t("network.map")}</Heading2>
          {n.members.length === 0 ? <Paragraph>{t("network.empty")}</Paragraph> : <NetworkMap network={n} />}
          <NetworkTable network={n} />
          <AddMemberForm householdId={householdId} onSaved={network.reload} />
        </>
      )}
    </DossierFrame>
  );
}

function NetworkTable({ network }: { network: Network }) {
  const yes = (b: boolean) => (b ? t("network.yes") : t("network.no"));
  return (
    <Table>
      <TableCaption>{t("network.table")}</TableCaption>
      <TableHeader>
        <TableRow>
          {(
            [
              "network.name",
              "network.relation",
              "network.frequency",
              "network.closeness",
              "network.doesNow",
              "network.couldDo",
              "network.overburdened",
              "network.reluctance",
            ] as const
          ).map((k) => (
            <TableHeaderCell key={k} scope="col">
              {t(k)}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {network.members.map((m) => (
          <TableRow key={m.id}>
            <TableHeaderCell scope="row">{m.name}</TableHeaderCell>
            <TableCell>{label("relation", m.relation)}</TableCell>
            <TableCell>{label("frequency", m.contactFrequency)}</TableCell>
            <TableCell>{label("closeness", m.closeness)}</TableCell>
            <TableCell>
              {[m.doesNow, ...m.actions.map((a) => a.description)].filter(Boolean).join("; ")}
            </TableCell>
            <TableCell>{m.couldDo ?? ""}</TableCell>
            <TableCell>{yes(m.overburdened)}</TableCell>
            <TableCell>{m.reluctance.map((r) => label("reluctance", r)).join(", ")}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const RELUCTANCES = ["shame", "conflict", "distance", "doesNotWantThemToKnow"];

function AddMemberForm({ householdId, onSaved }: { householdId: string; onSaved(): Promise<void> }) {
  const [name, setName] = useState("");
  const [relation, setRelation] = useState("family");
  const [frequency, setFrequency] = useState("weekly");
  const [closeness, setCloseness] = useState("2");
  const [doesNow, setDoesNow] = useState("");
  const [couldDo, setCouldDo] = useState("");
  const [overburdened, setOverburdened] = useState(false);
  const [reluctance, setReluctance] = useState<string[]>([]);
  const submit = useSubmit(async () => {
    await api.post(`/api/households/${encodeURIComponent(householdId)}/network`, {
      name,
      relation,
      contactFrequency: frequency,
      closeness: Number(closeness),
      doesNow: doesNow || null,
      couldDo: couldDo || null,
      overburdened,
      reluctance,
    });
    setName("");
    setReluctance([]);
    setOverburdened(false);
    await onSaved();
  });
  const options = (prefix: string, values: string[]) =>
    values.map((v) => ({ value: v, label: label(prefix, v) }));
  return (
    <form onSubmit={submit.onSubmit} aria-labelledby="add-member">
      <Heading2 id="add-member">{t("network.add")}</Heading2>
      <ErrorMessage message={submit.error} />
      <TextField id="member-name" label={t("network.name")} value={name} onChange={setName} required />
      <SelectField
        id="member-relation"
        label={t("network.relation")}
        value={relation}
        onChange={setRelation}
        required
        options={options("relation", [
          "family",
          "friend",
          "neighbour",
          "volunteer",
          "colleague",
          "professional",
        ])}
      />
      <SelectField
        id="member-frequency"
        label={t("network.frequency")}
        value={frequency}
        onChange={setFrequency}
        required
        options={options("frequency", ["daily", "weekly", "monthly", "fewTimesAYear", "rarely"])}
      />
      <SelectField
        id="member-closeness"
        label={t("network.closeness")}
        value={closeness}
        onChange={setCloseness}
        required
        options={options("closeness", ["1", "2", "3"])}
      />
      <TextField id="member-does-now" label={t("network.doesNow")} value={doesNow} onChange={setDoesNow} />
      <TextField id="member-could-do" label={t("network.couldDo")} value={couldDo} onChange={setCouldDo} />
      <FormField
        type="checkbox"
        label={
          <FormLabel htmlFor="member-overburdened" type="checkbox">
            {t("network.overburdened")}
          </FormLabel>
        }
        input={
          <Checkbox
            id="member-overburdened"
            checked={overburdened}
            onChange={(e) => setOverburdened(e.target.checked)}
          />
        }
      />
      <Fieldset>
        <FieldsetLegend>{t("network.reluctance")}</FieldsetLegend>
        {RELUCTANCES.map((r) => (
          <FormField
            key={r}
            type="checkbox"
            label={
              <FormLabel htmlFor={`reluctance-${r}`} type="checkbox">
                {label("reluctance", r)}
              </FormLabel>
            }
            input={
              <Checkbox
                id={`reluctance-${r}`}
                checked={reluctance.includes(r)}
                onChange={(e) =>
                  setReluctance(e.target.checked ? [...reluctance, r] : reluctance.filter((x) => x !== r))
                }
              />
            }
          />
        ))}
      </Fieldset>
      <Button type="submit" appearance="primary-action-button" disabled={submit.busy}>
        {t("network.add")}
      </Button>
    </form>
  );
}
