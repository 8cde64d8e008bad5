import {
  Button,
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
import { useRef, useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { SelectField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { t } from "./labels.ts";
import type { ZrmInstrument } from "./types.ts";
import "./dossier.css";
import { zrmSettingsPath } from "../../app/paths.ts";

export { zrmSettingsPath };

type Version = "2010" | "2017";
const versionOptions = () => [
  { value: "2010", label: t("zrmSettings.version2010") },
  { value: "2017", label: t("zrmSettings.version2017") },
];

/** Administrator: the municipality's ZRM version and its own per-level descriptions (text file import). */
export function ZrmSettingsPage() {
  useLanguage();
  const instrument = useResource<ZrmInstrument>("/api/zrm");
  const [message, setMessage] = useState<string | null>(null);
  if (!instrument.data) {
    return (
      <>
        <PageTitle>{t("zrmSettings.title")}</PageTitle>
        <ErrorMessage message={instrument.error} />
        {!instrument.error && <Loading />}
      </>
    );
  }
  const data = instrument.data;
  const saved = async (text: string) => {
    await instrument.reload();
    setMessage(text);
  };
  return (
    <>
      <PageTitle>{t("zrmSettings.title")}</PageTitle>
      <Paragraph>{t("zrmSettings.intro")}</Paragraph>
      <Paragraph>{t("dossier.zrmAttribution")}</Paragraph>
      <SuccessMessage message={message} />
      <VersionForm key={data.municipalityVersion} current={data.municipalityVersion} saved={saved} />
      <ImportForm current={data.municipalityVersion} saved={saved} />
      <DomainTable instrument={data} />
    </>
  );
}

function VersionForm({ current, saved }: { current: Version; saved(text: string): Promise<void> }) {
  const [version, setVersion] = useState<Version>(current);
  const form = useSubmit(async () => {
    await api.put("/api/zrm/version", { version });
    await saved(t("zrmSettings.versionSaved", { version }));
  });
  return (
    <form onSubmit={form.onSubmit} className="ww-form" aria-labelledby="zrm-version-heading">
      <Heading2 id="zrm-version-heading">{t("zrmSettings.version")}</Heading2>
      <Paragraph>{t("zrmSettings.current", { version: current })}</Paragraph>
      <ErrorMessage message={form.error} />
      <Fieldset>
        <FieldsetLegend>{t("zrmSettings.version")}</FieldsetLegend>
        <Paragraph className="ww-hint">{t("zrmSettings.versionHint")}</Paragraph>
        {versionOptions().map((o) => (
          <p className="ww-checkbox" key={o.value}>
            <input
              type="radio"
              id={`zrm-version-${o.value}`}
              name="zrm-version"
              value={o.value}
              checked={version === o.value}
              onChange={() => setVersion(o.value as Version)}
            />{" "}
            <label htmlFor={`zrm-version-${o.value}`}>{o.label}</label>
          </p>
        ))}
      </Fieldset>
      <Button type="submit" appearance="primary-action-button" busy={form.busy}>
        {t("zrmSettings.saveVersion")}
      </Button>
    </form>
  );
}

function ImportForm({ current, saved }: { current: Version; saved(text: string): Promise<void> }) {
  const [version, setVersion] = useState<string>(current);
  const file = useRef<HTMLInputElement>(null);
  const form = useSubmit(async () => {
    const chosen = file.current?.files?.[0];
    if (!chosen) throw new ApiError(422, "fileRequired", t("zrmSettings.chooseFile"));
    const text = await chosen.text();
    const result = await api.put<{ imported: number }>("/api/zrm/descriptions", { version, text });
    if (file.current) file.current.value = "";
    await saved(t("zrmSettings.imported", { count: result.imported }));
  });
  return (
    <form onSubmit={form.onSubmit} className="ww-form" aria-labelledby="zrm-import-heading">
      <Heading2 id="zrm-import-heading">{t("zrmSettings.import")}</Heading2>
      <Paragraph>{t("zrmSettings.importIntro")}</Paragraph>
      <Paragraph>{t("zrmSettings.importReplace")}</Paragraph>
      <ErrorMessage message={form.error} />
      <SelectField
        id="zrm-import-version"
        label={t("zrmSettings.importVersion")}
        value={version}
        onChange={setVersion}
        options={versionOptions()}
        required
      />
      <FormField
        label={
          <FormLabel htmlFor="zrm-import-file">
            {t("zrmSettings.file")}
            <span className="ww-required"> {t("form.required")}</span>
          </FormLabel>
        }
        input={<input id="zrm-import-file" type="file" accept=".txt,.csv,text/plain,text/csv" ref={file} />}
      />
      <Button type="submit" appearance="primary-action-button" busy={form.busy}>
        {t("zrmSettings.importSubmit")}
      </Button>
    </form>
  );
}

function DomainTable({ instrument }: { instrument: ZrmInstrument }) {
  const version = instrument.municipalityVersion;
  const domains = instrument.versions.find((v) => v.version === version)?.domains ?? [];
  const count = (domain: string) =>
    instrument.descriptions.filter((x) => x.zrmVersion === version && x.domain === domain).length;
  return (
    <section aria-labelledby="zrm-domains-heading">
      <Heading2 id="zrm-domains-heading">{t("zrmSettings.domains", { version })}</Heading2>
      <Table>
        <TableCaption>{t("zrmSettings.domainsCaption", { version })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("dossier.domain")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("zrmSettings.descriptionCount")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {domains.map((d) => (
            <TableRow key={d.key}>
              <TableHeaderCell scope="row">{d.name}</TableHeaderCell>
              <TableCell data-testid={`zrm-count-${d.key}`}>
                {count(d.key) || t("zrmSettings.noDescriptions")}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
