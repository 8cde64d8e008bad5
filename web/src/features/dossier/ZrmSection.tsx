import {
  Alert,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { label, t } from "./labels.ts";
import { type Dossier, formatDate, type ZrmInstrument } from "./types.ts";
import { ZrmHistory } from "./ZrmChart.tsx";

/** Per member: the current ZRM profile (level 1 flagged), the notes per domain and the trend chart. */
export function ZrmSection({ dossier, instrument }: { dossier: Dossier; instrument: ZrmInstrument }) {
  const allDomains = instrument.versions
    .flatMap((v) => v.domains)
    .filter((x, i, all) => all.findIndex((y) => y.key === x.key) === i);
  const domainName = (key: string) => allDomains.find((x) => x.key === key)?.name ?? key;
  return (
    <section aria-labelledby="zrm-heading">
      <Heading2 id="zrm-heading">{t("dossier.zrm")}</Heading2>
      <Paragraph>{t("dossier.zrmAttribution")}</Paragraph>
      {dossier.assessments.length === 0 && <Paragraph>{t("dossier.noZrm")}</Paragraph>}
      {dossier.members.map((m) => {
        const history = dossier.assessments.filter((a) => a.residentId === m.id);
        const latest = history.at(-1);
        if (!latest) return null;
        const name = `${m.givenName} ${m.familyName}`;
        const acute = latest.scores.filter((s) => s.level === 1).map((s) => domainName(s.domain));
        return (
          <section key={m.id} aria-label={`${t("dossier.zrm")}: ${name}`}>
            <Heading3>
              {t("dossier.zrmProfile")}: {name}
            </Heading3>
            {acute.length > 0 && (
              <Alert type="error">
                <Paragraph data-testid="zrm-acute">
                  {t("dossier.acuteDomains", { domains: acute.join(", ") })}
                </Paragraph>
              </Alert>
            )}
            <Table>
              <TableCaption>
                {t("dossier.zrmProfileCaption", { name, date: formatDate(latest.assessedOn) })}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("dossier.domain")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("dossier.level")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("dossier.residentLevel")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("dossier.scoreNote")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {latest.scores.map((s) => (
                  <TableRow key={s.domain}>
                    <TableHeaderCell scope="row">{domainName(s.domain)}</TableHeaderCell>
                    <TableCell>
                      <span className={`ww-level ww-level-${s.level}`}>{s.level}</span>{" "}
                      {label("levelName", s.level)}
                    </TableCell>
                    <TableCell>{s.residentLevel ?? "–"}</TableCell>
                    <TableCell>{s.note ?? "–"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <ZrmHistory residentName={name} assessments={history} domains={allDomains} />
          </section>
        );
      })}
    </section>
  );
}
