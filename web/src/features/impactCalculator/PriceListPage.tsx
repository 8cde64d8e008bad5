import {
  Button,
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { useResource } from "../../api/useResource.ts";
import { hasAnyPermission, useAuthenticatedSession } from "../../app/session.tsx";
import { type MessageKey, t, useLanguage } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { ScrollRegion } from "../areaAnalysis/ScrollRegion.tsx";
import { euro, type Price } from "./impact.types.ts";
import { PriceForm } from "./PriceForm.tsx";
import "./prices.css";
import { priceListPath } from "../../app/paths.ts";

export { priceListPath };

function PriceTable({ items, onEdit }: { items: Price[]; onEdit: ((price: Price) => void) | null }) {
  return (
    <ScrollRegion label={t("prices.caption", { n: items.length })}>
      <Table>
        <TableCaption>{t("prices.caption", { n: items.length })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("prices.item")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("prices.amount")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("prices.stakeholder")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("prices.source")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("impact.year")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("prices.status")}</TableHeaderCell>
            {onEdit && <TableHeaderCell scope="col">{t("prices.edit")}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((p) => (
            <TableRow key={p.id}>
              <TableHeaderCell scope="row">{p.item}</TableHeaderCell>
              <TableCell>
                {t("prices.perUnit", {
                  price: euro(Math.round(p.price * 100)),
                  unit: t(`impact.unit.${p.unit}` as MessageKey),
                })}
              </TableCell>
              <TableCell>{t(`impact.sh.${p.stakeholder}` as MessageKey)}</TableCell>
              <TableCell className="ww-price-source">{p.source}</TableCell>
              <TableCell>{p.year}</TableCell>
              <TableCell>
                <span className="ww-price-badges">
                  {p.indicative && <StatusBadge status="warning">{t("prices.indicative")}</StatusBadge>}
                  {p.active ? t("prices.inUse") : t("prices.notInUse")}
                </span>
              </TableCell>
              {onEdit && (
                <TableCell>
                  <Button
                    appearance="secondary-action-button"
                    aria-label={t("prices.editItem", { item: p.item })}
                    onClick={() => onEdit(p)}
                  >
                    {t("prices.edit")}
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

/**
 * The municipality's social price list: everyone who uses the Effectencalculator reads it (with its sources
 * and years); policy officers and administrators (socialPrice.manage) change and add prices.
 */
export function PriceListPage() {
  useLanguage();
  const session = useAuthenticatedSession();
  const canManage = hasAnyPermission(session, ["socialPrice.manage"]);
  const prices = useResource<{ items: Price[] }>("/api/social-prices");
  const [editing, setEditing] = useState<Price | "new" | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const open = (next: Price | "new") => {
    setSaved(null);
    setEditing(next);
  };
  return (
    <>
      <PageTitle>{t("prices.title")}</PageTitle>
      <Paragraph>{t("prices.intro")}</Paragraph>
      <Paragraph>{t("prices.indicativeNote")}</Paragraph>
      {!canManage && <Paragraph>{t("prices.readOnly")}</Paragraph>}
      <SuccessMessage message={saved} />
      <ErrorMessage message={prices.error} />
      {!prices.data && !prices.error && <Loading />}
      {prices.data && <PriceTable items={prices.data.items} onEdit={canManage ? open : null} />}
      {canManage && editing && (
        <PriceForm
          key={editing === "new" ? "new" : editing.id}
          price={editing === "new" ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={async (message) => {
            await prices.reload();
            setEditing(null);
            setSaved(message);
          }}
        />
      )}
      {canManage && !editing && (
        <Button appearance="primary-action-button" onClick={() => open("new")}>
          {t("prices.add")}
        </Button>
      )}
    </>
  );
}
