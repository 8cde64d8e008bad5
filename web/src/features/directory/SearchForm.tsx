import { Button, Checkbox, FormField, FormLabel } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import {
  ENTRY_KINDS,
  LIFE_DOMAINS,
  TARGET_GROUPS,
  WMO_PERFORMANCE_FIELDS,
} from "../../../../server/src/modules/directory/directory.vocabulary.ts";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { type Area, label } from "./directory.ts";

export interface Filters {
  q: string;
  lifeDomain: string;
  kind: string;
  performanceField: string;
  targetGroup: string;
  area: string;
  near: string;
  free: boolean;
  [key: string]: string | boolean;
}

export const emptyFilters: Filters = {
  q: "",
  lifeDomain: "",
  kind: "",
  performanceField: "",
  targetGroup: "",
  area: "",
  near: "",
  free: false,
};

/** Search words plus filters. Residents see the simple ones; professionals also kind, field and area. */
export function SearchForm({
  areas,
  audience,
  onSearch,
}: {
  areas: Area[];
  audience: "public" | "staff";
  onSearch(filters: Filters): void;
}) {
  const [filters, setFilters] = useState<Filters>(emptyFilters);
  const set = (key: keyof Filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const buurten = areas.filter((a) => a.kind === "neighbourhood");
  const wijken = areas.filter((a) => a.kind === "district");
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(filters);
  };
  return (
    <search aria-label={t("directory.search.label")} className="ww-search">
      <form onSubmit={submit}>
        <TextField
          id="directory-q"
          label={t("directory.search.words")}
          hint={t("directory.search.wordsHint")}
          value={filters.q}
          onChange={set("q")}
          type="search"
        />
        <div className="ww-search__filters">
          <SelectField
            id="directory-domain"
            label={t("directory.search.lifeDomain")}
            value={filters.lifeDomain}
            onChange={set("lifeDomain")}
            placeholder={t("directory.search.all")}
            options={LIFE_DOMAINS.map((value) => ({ value, label: label("lifeDomain", value) }))}
          />
          <SelectField
            id="directory-near"
            label={t("directory.search.near")}
            value={filters.near}
            onChange={set("near")}
            placeholder={t("directory.search.noBuurt")}
            options={buurten.map((a) => ({ value: a.code, label: a.name }))}
          />
          <SelectField
            id="directory-target"
            label={t("directory.search.targetGroup")}
            value={filters.targetGroup}
            onChange={set("targetGroup")}
            placeholder={t("directory.search.all")}
            options={TARGET_GROUPS.map((value) => ({ value, label: label("targetGroup", value) }))}
          />
          {audience === "staff" && (
            <>
              <SelectField
                id="directory-kind"
                label={t("directory.search.kind")}
                value={filters.kind}
                onChange={set("kind")}
                placeholder={t("directory.search.all")}
                options={ENTRY_KINDS.map((value) => ({ value, label: label("kind", value) }))}
              />
              <SelectField
                id="directory-field"
                label={t("directory.search.performanceField")}
                value={filters.performanceField}
                onChange={set("performanceField")}
                placeholder={t("directory.search.all")}
                options={WMO_PERFORMANCE_FIELDS.map((value) => ({
                  value: String(value),
                  label: `${value}. ${label("field", value)}`,
                }))}
              />
              <SelectField
                id="directory-area"
                label={t("directory.search.area")}
                value={filters.area}
                onChange={set("area")}
                placeholder={t("directory.search.wholeMunicipality")}
                options={[...wijken, ...buurten].map((a) => ({ value: a.code, label: a.name }))}
              />
            </>
          )}
        </div>
        <FormField
          type="checkbox"
          label={
            <FormLabel htmlFor="directory-free" type="checkbox">
              {t("directory.search.free")}
            </FormLabel>
          }
          input={
            <Checkbox
              id="directory-free"
              name="directory-free"
              checked={filters.free}
              onChange={(event) => setFilters((f) => ({ ...f, free: event.target.checked }))}
            />
          }
        />
        <Button type="submit" appearance="primary-action-button">
          {t("directory.search.submit")}
        </Button>
      </form>
    </search>
  );
}
