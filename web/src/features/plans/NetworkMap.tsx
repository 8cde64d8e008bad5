import { t } from "../../i18n/i18n.ts";
import { label } from "./labels.ts";
import type { Network } from "./types.ts";

const SIZE = 640;
const C = SIZE / 2;
const RADIUS = [0, 100, 185, 270];

/**
 * The ecogram: the resident in the centre, rings by closeness. Every person is a focusable node with an
 * accessible name (relation, contact, support given, strain, reluctance); the table below is the alternative.
 */
export function NetworkMap({ network }: { network: Network }) {
  const byRing = [1, 2, 3].map((ring) => network.members.filter((m) => m.closeness === ring));
  const centre = network.residents.map((r) => r.name).join(", ");
  return (
    <figure className="ww-network-map">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing is grouped with role="group", a fieldset cannot live here */}
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        width="100%"
        style={{ maxWidth: SIZE, overflow: "visible" }}
        role="group"
        aria-label={t("network.map")}
      >
        {[1, 2, 3].map((ring) => (
          // biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG shapes are not focusable; the ring is decoration
          <circle
            key={ring}
            cx={C}
            cy={C}
            r={RADIUS[ring]}
            fill="none"
            stroke="#8a8a8a"
            strokeDasharray="4 4"
            aria-hidden="true"
          />
        ))}
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG lines are not focusable; the links are decoration, each person is named below */}
        <g aria-hidden="true">
          {byRing.flatMap((members, i) =>
            members.map((m, j) => {
              const angle = (2 * Math.PI * j) / members.length + i * 0.5;
              const r = RADIUS[i + 1] ?? 0;
              return (
                <line
                  key={m.id}
                  x1={C + 34 * Math.cos(angle)}
                  y1={C + 34 * Math.sin(angle)}
                  x2={C + (r - 16) * Math.cos(angle)}
                  y2={C + (r - 16) * Math.sin(angle)}
                  stroke={m.overburdened ? "#b00020" : "#154273"}
                  strokeWidth={m.actions.length > 0 ? 4 : 1.5}
                  strokeDasharray={m.reluctance.length > 0 ? "8 5" : undefined}
                />
              );
            }),
          )}
        </g>
        {/* biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG group is not interactive; role img names the resident */}
        <g role="img" aria-label={centre}>
          <circle cx={C} cy={C} r={32} fill="#154273" />
          <text x={C} y={C + 6} textAnchor="middle" fill="#fff" fontSize="16" fontWeight="bold">
            {centre.split(" ")[0]}
          </text>
        </g>
        {byRing.flatMap((members, i) =>
          members.map((m, j) => {
            const angle = (2 * Math.PI * j) / members.length + i * 0.5;
            const x = C + (RADIUS[i + 1] ?? 0) * Math.cos(angle);
            const y = C + (RADIUS[i + 1] ?? 0) * Math.sin(angle);
            const extra = [
              m.actions.length > 0 ? `, ${t("network.supportGiven")}` : "",
              m.overburdened ? `, ${t("network.overburdened").toLowerCase()}` : "",
              m.reluctance.length > 0
                ? `, ${t("network.reluctance").toLowerCase()}: ${m.reluctance.map((r) => label("reluctance", r)).join(", ")}`
                : "",
            ].join("");
            const name = t("network.nodeLabel", {
              name: m.name,
              relation: label("relation", m.relation),
              frequency: label("frequency", m.contactFrequency),
              extra,
            });
            return (
              // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: each person is one focusable, named image, so keyboard users can walk the map
              <g
                key={m.id}
                tabIndex={0}
                role="img"
                aria-label={name}
                className="ww-network-node"
                data-testid="network-node"
              >
                <title>{name}</title>
                <circle
                  cx={x}
                  cy={y}
                  r={14}
                  fill={m.overburdened ? "#fde2e1" : "#e6eef7"}
                  stroke="#154273"
                  strokeWidth={2}
                />
                {m.actions.length > 0 && (
                  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG text is not focusable; the star is said in the node's name
                  <text x={x} y={y + 5} textAnchor="middle" fontSize="14" aria-hidden="true">
                    ★
                  </text>
                )}
                {m.overburdened && (
                  <text x={x} y={y + 5} textAnchor="middle" fontSize="16" fontWeight="bold" fill="#b00020">
                    !
                  </text>
                )}
                <text
                  x={x}
                  y={y + (y >= C ? 32 : -22)}
                  textAnchor="middle"
                  fontSize="16"
                  fill="#000"
                  stroke="#fff"
                  strokeWidth={4}
                  paintOrder="stroke"
                >
                  {m.name}
                </text>
              </g>
            );
          }),
        )}
      </svg>
      <figcaption>
        {t("network.mapHelp")}
        <ul className="ww-legend" aria-label={t("workspace.legend")}>
          <li>
            <svg width="40" height="12" aria-hidden="true">
              <line x1="0" y1="6" x2="40" y2="6" stroke="#154273" strokeWidth="4" />
            </svg>
            ★ {t("network.legend.support")}
          </li>
          <li>
            <svg width="40" height="12" aria-hidden="true">
              <line x1="0" y1="6" x2="40" y2="6" stroke="#154273" strokeWidth="1.5" />
            </svg>
            {t("network.legend.noSupport")}
          </li>
          <li>
            <svg width="40" height="12" aria-hidden="true">
              <line x1="0" y1="6" x2="40" y2="6" stroke="#b00020" strokeWidth="2" />
            </svg>
            ! {t("network.legend.overburdened")}
          </li>
          <li>
            <svg width="40" height="12" aria-hidden="true">
              <line x1="0" y1="6" x2="40" y2="6" stroke="#154273" strokeWidth="2" strokeDasharray="8 5" />
            </svg>
            {t("network.legend.reluctance")}
          </li>
          <li>{t("network.legend.rings")}</li>
        </ul>
      </figcaption>
    </figure>
  );
}
