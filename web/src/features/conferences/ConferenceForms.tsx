import { Button, Heading2, Heading4, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { TextAreaField } from "../dossier/TextAreaField.tsx";
import { emptyDraft, PlanActionSection, planActionBody } from "./PlanActionFields.tsx";
import type { AgendaItem, Candidates, Conference, DecisionKind, PlanActionDraft } from "./types.ts";

interface FormProps {
  conference: Conference;
  done(): Promise<void>;
}

const base = (c: Conference) => `/api/conferences/${encodeURIComponent(c.id)}`;

/** Puts a case on the agenda: pseudonymised by default; by name only when the household's consent covers it. */
export function AddCaseForm({ conference, done }: FormProps) {
  const candidates = useResource<Candidates>(
    `/api/conference-candidates?teamId=${encodeURIComponent(conference.teamId)}`,
  );
  const [householdId, setHouseholdId] = useState("");
  const [presentation, setPresentation] = useState<"pseudonymised" | "named">("pseudonymised");
  const [question, setQuestion] = useState("");
  const { busy, error, onSubmit } = useSubmit(async () => {
    await api.post(`${base(conference)}/agenda`, { householdId, presentation, question: question || null });
    setHouseholdId("");
    setPresentation("pseudonymised");
    setQuestion("");
    await done();
  });
  const households = candidates.data?.households ?? [];
  return (
    <section aria-labelledby="add-case-heading">
      <Heading2 id="add-case-heading">{t("conf.addCase")}</Heading2>
      <ErrorMessage message={error ?? candidates.error} />
      {candidates.data && households.length === 0 ? (
        <Paragraph>{t("conf.noHouseholds")}</Paragraph>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <SelectField
            id="agenda-household"
            label={t("conf.household")}
            value={householdId}
            required
            placeholder={t("form.choose")}
            options={households.map((h) => ({ value: h.householdId, label: h.name }))}
            onChange={setHouseholdId}
          />
          <SelectField
            id="agenda-presentation"
            label={t("conf.presentation")}
            value={presentation}
            required
            options={[
              { value: "pseudonymised", label: t("conf.presentation.pseudonymised") },
              { value: "named", label: t("conf.presentation.named") },
            ]}
            onChange={(v) => setPresentation(v === "named" ? "named" : "pseudonymised")}
          />
          <TextAreaField
            id="agenda-question"
            label={t("conf.question")}
            value={question}
            onChange={setQuestion}
          />
          <Button type="submit" appearance="primary-action-button" disabled={busy}>
            {t("conf.addCaseSubmit")}
          </Button>
        </form>
      )}
    </section>
  );
}

/** A decision on one agenda item: an action (who, by when), the case lead, or an escalation to the team lead. */
export function DecisionForm({ conference, item, done }: FormProps & { item: AgendaItem }) {
  const [kind, setKind] = useState<DecisionKind>("action");
  const [description, setDescription] = useState("");
  const [assignee, setAssignee] = useState("");
  const [due, setDue] = useState("");
  const [draft, setDraft] = useState<PlanActionDraft>(emptyDraft);
  const [saved, setSaved] = useState(0);
  const { busy, error, onSubmit } = useSubmit(async () => {
    await api.post(`${base(conference)}/decisions`, {
      agendaItemId: item.id,
      kind,
      description,
      assigneeUserId: assignee || null,
      dueDate: due || null,
      planAction: kind === "action" ? planActionBody(draft) : null,
    });
    setDescription("");
    setDue("");
    setDraft(emptyDraft);
    setSaved((n) => n + 1);
    await done();
  });
  const id = (x: string) => `decision-${item.position}-${x}`;
  const people = conference.participants.filter((p) => kind !== "caseLead" || p.kind === "member");
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("conf.decisionSubmit")}>
      <Heading4>{t("conf.decisionSubmit")}</Heading4>
      <ErrorMessage message={error} />
      <SelectField
        id={id("kind")}
        label={t("conf.decisionKind")}
        value={kind}
        required
        options={(["action", "caseLead", "escalation"] as const).map((k) => ({
          value: k,
          label: t(`conf.decision.${k}`),
        }))}
        onChange={(v) => setKind(v as DecisionKind)}
      />
      <TextAreaField
        id={id("description")}
        label={t("conf.description")}
        value={description}
        onChange={setDescription}
        required
      />
      <Paragraph>
        <small>{t("conf.descriptionHint")}</small>
      </Paragraph>
      <SelectField
        id={id("assignee")}
        label={t("conf.assignee")}
        value={assignee}
        required={kind !== "escalation"}
        placeholder={kind === "escalation" ? t("conf.assigneeHint") : t("form.choose")}
        options={people.map((p) => ({
          value: p.userId,
          label: p.organisationName ? `${p.name} (${p.organisationName})` : p.name,
        }))}
        onChange={setAssignee}
      />
      {kind === "action" && (
        <TextField id={id("due")} type="date" label={t("conf.due")} value={due} onChange={setDue} required />
      )}
      {kind === "action" && (
        <PlanActionSection
          key={saved}
          url={`${base(conference)}/agenda/${encodeURIComponent(item.id)}/decision-options`}
          idPrefix={id("plan")}
          draft={draft}
          onChange={setDraft}
        />
      )}
      <Button type="submit" appearance="secondary-action-button" disabled={busy}>
        {t("conf.decisionSubmit")}
      </Button>
    </form>
  );
}

/** A case-learning note: stored apart from the case, without personal data. */
export function LearningForm({ conference, done }: FormProps) {
  const [text, setText] = useState("");
  const [tags, setTags] = useState("");
  const { busy, error, onSubmit } = useSubmit(async () => {
    await api.post("/api/learning-notes", {
      teamId: conference.teamId,
      conferenceId: conference.id,
      text,
      tags: tags
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    });
    setText("");
    setTags("");
    await done();
  });
  return (
    <section aria-labelledby="learning-heading">
      <Heading2 id="learning-heading">{t("conf.learning")}</Heading2>
      <ErrorMessage message={error} />
      <form onSubmit={onSubmit} noValidate>
        <TextAreaField
          id="learning-text"
          label={t("conf.learningText")}
          value={text}
          onChange={setText}
          required
        />
        <Paragraph>
          <small>{t("conf.learningHint")}</small>
        </Paragraph>
        <TextField id="learning-tags" label={t("conf.learningTags")} value={tags} onChange={setTags} />
        <Button type="submit" appearance="secondary-action-button" disabled={busy}>
          {t("conf.learningSubmit")}
        </Button>
      </form>
    </section>
  );
}
