import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading3,
  Link,
  Paragraph,
} from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { WEEKDAYS } from "../../../../server/src/modules/directory/directory.vocabulary.ts";
import { formatNumber } from "../../i18n/format.ts";
import { t } from "../../i18n/i18n.ts";
import { label, type PublicEntry } from "./directory.ts";

function hours(entry: PublicEntry): string | null {
  if (entry.openingHours.length === 0) return entry.openingHoursNote;
  const days = WEEKDAYS.filter((d) => entry.openingHours.some((p) => p.day === d)).map(
    (d) =>
      `${label("day", d)} ${entry.openingHours
        .filter((p) => p.day === d)
        .map((p) => `${p.opens}–${p.closes}`)
        .join(", ")}`,
  );
  return [days.join("; "), entry.openingHoursNote].filter(Boolean).join(". ");
}

/** One entry, for residents and professionals alike: what it is, for whom, how to get there, costs. */
export function EntryCard({
  entry,
  title,
  extra,
}: {
  entry: PublicEntry;
  title?: ReactNode;
  extra?: ReactNode;
}) {
  const address = entry.street
    ? `${entry.street} ${entry.houseNumber ?? ""}, ${entry.postcode ?? ""} ${entry.city ?? ""}`.trim()
    : null;
  const openingHours = hours(entry);
  const cost = [label("cost", entry.cost), entry.costNote].filter(Boolean).join(" – ");
  return (
    <article className="ww-entry" aria-labelledby={`entry-${entry.id}`}>
      <Heading3 id={`entry-${entry.id}`}>{title ?? entry.name}</Heading3>
      <Paragraph appearance="small">
        {label("kind", entry.kind)} · {entry.providerName}
        {entry.distanceKm !== null &&
          ` · ${t("directory.distance", { km: formatNumber(entry.distanceKm, 1) })}`}
      </Paragraph>
      <Paragraph>{entry.description}</Paragraph>
      <DataList className="ww-entry__facts">
        <DataListItem>
          <DataListKey>{t("directory.field.for")}</DataListKey>
          <DataListValue>
            {entry.targetGroups.map((g) => label("targetGroup", g)).join(", ") || "–"}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t("directory.field.access")}</DataListKey>
          <DataListValue>{label("access", entry.accessRoute)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t("directory.field.cost")}</DataListKey>
          <DataListValue>{cost}</DataListValue>
        </DataListItem>
        {address && (
          <DataListItem>
            <DataListKey>{t("directory.field.address")}</DataListKey>
            <DataListValue>
              {address}
              {entry.neighbourhoodName && ` (${entry.neighbourhoodName})`}
            </DataListValue>
          </DataListItem>
        )}
        {openingHours && (
          <DataListItem>
            <DataListKey>{t("directory.field.hours")}</DataListKey>
            <DataListValue>{openingHours}</DataListValue>
          </DataListItem>
        )}
        {(entry.phone || entry.email || entry.website) && (
          <DataListItem>
            <DataListKey>{t("directory.field.contact")}</DataListKey>
            <DataListValue>
              {entry.phone && <Link href={`tel:${entry.phone.replaceAll(" ", "")}`}>{entry.phone}</Link>}
              {entry.email && (
                <>
                  {entry.phone && " · "}
                  <Link href={`mailto:${entry.email}`}>{entry.email}</Link>
                </>
              )}
              {entry.website && (
                <>
                  {(entry.phone || entry.email) && " · "}
                  <Link href={entry.website}>{t("directory.website", { name: entry.name })}</Link>
                </>
              )}
            </DataListValue>
          </DataListItem>
        )}
        {entry.waitingWeeks !== null && (
          <DataListItem>
            <DataListKey>{t("directory.field.waiting")}</DataListKey>
            <DataListValue>{t("directory.weeks", { weeks: entry.waitingWeeks })}</DataListValue>
          </DataListItem>
        )}
      </DataList>
      {extra}
    </article>
  );
}
