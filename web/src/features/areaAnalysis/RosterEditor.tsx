import { Button, Checkbox, Heading2, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { type MessageKey, t } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import type { TeamStaffing } from "./areaAnalysis.types.ts";

const HALF_DAYS = ["morning", "afternoon"] as const;
const key = (userId: string, weekday: number, halfDay: string) => `${userId}:${weekday}:${halfDay}`;

/** The team lead's roster (member × weekday × morning/afternoon) and the norm, as two small forms. */
export function RosterEditor({ staffing, onSaved }: { staffing: TeamStaffing; onSaved(): Promise<void> }) {
  const members = staffing.members ?? [];
  const [checked, setChecked] = useState(
    () =>
      new Set(
        staffing.staffing.grid.flatMap((g) => (g.userIds ?? []).map((u) => key(u, g.weekday, g.halfDay))),
      ),
  );
  const [norm, setNorm] = useState({
    people: String(staffing.norm.peoplePerHalfDay),
    hours: String(staffing.norm.hoursPerWeek),
    perHalfDay: String(staffing.norm.hoursPerHalfDay),
  });
  const [saved, setSaved] = useState<string | null>(null);
  const roster = useSubmit(async () => {
    setSaved(null);
    const slots = [...checked].map((k) => {
      const [userId = "", weekday = "1", halfDay = "morning"] = k.split(":");
      return { userId, weekday: Number(weekday), halfDay };
    });
    await api.post(`/api/staffing/teams/${staffing.team.id}/roster`, { slots });
    setSaved(t("staffing.rosterSaved"));
    await onSaved();
  });
  const normForm = useSubmit(async () => {
    setSaved(null);
    await api.post(`/api/staffing/teams/${staffing.team.id}/norm`, {
      peoplePerHalfDay: Number(norm.people),
      hoursPerWeek: Number(norm.hours.replace(",", ".")),
      hoursPerHalfDay: Number(norm.perHalfDay.replace(",", ".")),
    });
    setSaved(t("form.saved"));
    await onSaved();
  });
  const toggle = (k: string) =>
    setChecked((old) => {
      const next = new Set(old);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });
  return (
    <section aria-labelledby="roster-edit">
      <Heading2 id="roster-edit">{t("staffing.editRoster")}</Heading2>
      <form onSubmit={roster.onSubmit}>
        {members.map((m) => (
          <fieldset key={m.userId}>
            <legend>{m.displayName}</legend>
            {[1, 2, 3, 4, 5].flatMap((d) =>
              HALF_DAYS.map((h) => {
                const id = `slot-${m.userId}-${d}-${h}`;
                return (
                  <span key={id} style={{ marginRight: "1rem", whiteSpace: "nowrap" }}>
                    <Checkbox
                      id={id}
                      checked={checked.has(key(m.userId, d, h))}
                      onChange={() => toggle(key(m.userId, d, h))}
                    />{" "}
                    <label htmlFor={id}>
                      {t(`staffing.weekday.${d}` as MessageKey)} {t(`staffing.halfDay.${h}`)}
                    </label>
                  </span>
                );
              }),
            )}
          </fieldset>
        ))}
        <ErrorMessage message={roster.error} />
        <Button type="submit" appearance="primary-action-button" disabled={roster.busy}>
          {t("staffing.saveRoster")}
        </Button>
      </form>
      <Heading2>{t("staffing.editNorm")}</Heading2>
      <form onSubmit={normForm.onSubmit}>
        <div className="ww-inline-fields">
          <TextField
            id="norm-people"
            label={t("staffing.peoplePerHalfDay")}
            value={norm.people}
            inputMode="numeric"
            onChange={(v) => setNorm({ ...norm, people: v })}
          />
          <TextField
            id="norm-hours"
            label={t("staffing.normHoursPerWeek")}
            value={norm.hours}
            inputMode="decimal"
            onChange={(v) => setNorm({ ...norm, hours: v })}
          />
          <TextField
            id="norm-half"
            label={t("staffing.hoursPerHalfDay")}
            value={norm.perHalfDay}
            inputMode="decimal"
            onChange={(v) => setNorm({ ...norm, perHalfDay: v })}
          />
        </div>
        <ErrorMessage message={normForm.error} />
        <Button type="submit" appearance="secondary-action-button" disabled={normForm.busy}>
          {t("staffing.saveNorm")}
        </Button>
      </form>
      <SuccessMessage message={saved} />
      <Paragraph />
    </section>
  );
}
