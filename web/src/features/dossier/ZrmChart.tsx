import { Heading3, Paragraph } from "@utrecht/component-library-react";
import { formatShortDate } from "../../i18n/format.ts";
import { label, t } from "./labels.ts";
import type { Assessment } from "./types.ts";

const LEVELS = [1, 2, 3, 4, 5] as const;

/** The five level names with their colour, shown beside every ZRM grid. */
export function LevelLegend() {
  return (
    <ul className="ww-legend" aria-label={t("workspace.legend")}>
      {LEVELS.map((level) => (
        <li key={level}>
          <span className={`ww-level-cell ww-level-cell--${level}`} aria-hidden="true">
            {level}
          </span>
          {label("levelName", level)}
        </li>
      ))}
    </ul>
  );
}

/**
 * ZRM over time as one grid: a row per life domain, a column per assessment date, each cell the level in
 * colour and number (the level name is read out). The grid is itself the table: nothing depends on colour.
 */
export function ZrmHistory({
  residentName,
  assessments,
  domains,
}: {
  residentName: string;
  assessments: Assessment[];
  domains: { key: string; name: string }[];
}) {
  if (assessments.length === 0) return null;
  const sorted = [...assessments].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn));
  const used = domains.filter((dom) => sorted.some((a) => a.scores.some((s) => s.domain === dom.key)));
  return (
    <section aria-label={t("dossier.zrmHistoryCaption")}>
      <Heading3>{t("workspace.zrmOverTime", { name: residentName })}</Heading3>
      <LevelLegend />
      <div className="ww-scroll-x" data-testid="zrm-chart">
        <table className="utrecht-table ww-zrm-history">
          <caption className="utrecht-table__caption">
            {t("workspace.zrmHistoryCaption", { name: residentName })}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {t("dossier.domain")}
              </th>
              {sorted.map((a) => (
                <th scope="col" key={a.id} className="utrecht-table__header-cell">
                  {formatShortDate(a.assessedOn)}
                  {a.kind === "final" && <span className="ww-hint"> ({t("workspace.final")})</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {used.map((dom) => (
              <tr key={dom.key} className="utrecht-table__row" data-domain={dom.key}>
                <th scope="row" className="utrecht-table__header-cell">
                  {dom.name}
                </th>
                {sorted.map((a) => {
                  const score = a.scores.find((s) => s.domain === dom.key);
                  return (
                    <td key={a.id} className="utrecht-table__cell" data-level={score?.level ?? ""}>
                      {score ? (
                        <span className={`ww-level-cell ww-level-cell--${score.level}`}>
                          {score.level}
                          <span className="ww-visually-hidden"> {label("levelName", score.level)}</span>
                        </span>
                      ) : (
                        <>
                          <span aria-hidden="true">–</span>
                          <span className="ww-visually-hidden">{t("dossier.notScored")}</span>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {used.length === 0 && <Paragraph>{t("dossier.noZrm")}</Paragraph>}
    </section>
  );
}
