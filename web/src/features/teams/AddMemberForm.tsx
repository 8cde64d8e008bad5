import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  Heading2,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import type { ListResponse, Organisation, TeamDetail, User } from "../../api/types.ts";
import { useResource } from "../../api/useResource.ts";
import { t } from "../../i18n/i18n.ts";
import { EXPERTISE_DOMAINS, expertiseName } from "../../ui/areas.ts";
import { CheckboxField, SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { splitList } from "./TeamsPage.tsx";

/** Second a user to the team: home organisation, hours, expertise and (front/back office model) office. */
export function AddMemberForm({ team, onAdded }: { team: TeamDetail; onAdded(): Promise<void> }) {
  const users = useResource<ListResponse<User>>("/api/users");
  const organisations = useResource<ListResponse<Organisation>>("/api/organisations");
  const [userId, setUserId] = useState("");
  const [organisationId, setOrganisationId] = useState("");
  const [hours, setHours] = useState("");
  const [domains, setDomains] = useState<string[]>([]);
  const [groups, setGroups] = useState("");
  const [office, setOffice] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const memberIds = new Set(team.members.map((member) => member.userId));

  const form = useSubmit(async () => {
    setSaved(null);
    await api.post(`/api/teams/${encodeURIComponent(team.id)}/members`, {
      userId,
      organisationId,
      hoursPerWeek: Number(hours),
      expertise: [...domains, ...splitList(groups)],
      ...(team.model === "frontBackOffice" ? { office: office === "" ? null : office } : {}),
    });
    setSaved(t("team.memberAdded"));
    setUserId("");
    setHours("");
    setDomains([]);
    setGroups("");
    setOffice("");
    await onAdded();
  });

  function chooseUser(id: string) {
    setUserId(id);
    const home = users.data?.items.find((user) => user.id === id)?.homeOrganisationId;
    if (home) setOrganisationId(home);
  }

  const candidates = (users.data?.items ?? []).filter((user) => !user.disabled && !memberIds.has(user.id));

  return (
    <form onSubmit={form.onSubmit} aria-labelledby="add-member" className="ww-form">
      <Heading2 id="add-member">{t("team.addMember")}</Heading2>
      <ErrorMessage message={form.error ?? users.error ?? organisations.error} />
      <SuccessMessage message={saved} />
      <SelectField
        id="member-user"
        label={t("team.user")}
        value={userId}
        onChange={chooseUser}
        placeholder={t("team.chooseUser")}
        options={candidates.map((user) => ({
          value: user.id,
          label: `${user.displayName} (${user.username})`,
        }))}
        required
      />
      <SelectField
        id="member-organisation"
        label={t("team.organisation")}
        value={organisationId}
        onChange={setOrganisationId}
        placeholder={t("team.chooseOrganisation")}
        options={(organisations.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
        required
      />
      <TextField
        id="member-hours"
        type="number"
        min={0}
        max={40}
        step={0.5}
        label={t("team.hours")}
        value={hours}
        onChange={setHours}
        required
      />
      <Fieldset>
        <FieldsetLegend>{t("team.expertiseDomains")}</FieldsetLegend>
        <FormFieldDescription>{t("team.expertiseDomainsHint")}</FormFieldDescription>
        {EXPERTISE_DOMAINS.map((domain) => (
          <CheckboxField
            key={domain}
            id={`member-expertise-${domain}`}
            label={expertiseName(domain)}
            checked={domains.includes(domain)}
            onChange={(on) => setDomains(on ? [...domains, domain] : domains.filter((d) => d !== domain))}
          />
        ))}
      </Fieldset>
      <TextField
        id="member-expertise"
        label={t("team.targetGroups")}
        hint={t("team.targetGroupsHint")}
        value={groups}
        onChange={setGroups}
      />
      {team.model === "frontBackOffice" && (
        <SelectField
          id="member-office"
          label={t("team.office")}
          value={office}
          onChange={setOffice}
          options={[
            { value: "", label: t("office.none") },
            { value: "front", label: t("office.front") },
            { value: "back", label: t("office.back") },
          ]}
        />
      )}
      <Button type="submit" appearance="primary-action-button" busy={form.busy}>
        {t("team.addMember")}
      </Button>
    </form>
  );
}
