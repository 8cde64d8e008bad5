import {
  Button,
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
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { CandidatesPanel } from "./CandidatesPanel.tsx";
import { ConsentFields, consentBody, emptyConsent } from "./ConsentFields.tsx";
import { label, today } from "./labels.ts";
import { OfferForm } from "./OfferForm.tsx";
import type { Match, Offer, Reciprocity } from "./reciprocity.types.ts";

const tags = (list: string[]) => list.map((tag) => label("helpTag", tag)).join(", ");

/**
 * What the household's residents offer, matching them with open requests nearby and volunteer vacancies,
 * and the matches with each resident's consent. The other resident stays a pseudonym until both agreed.
 */
export function ReciprocityPage({ householdId }: { householdId: string }) {
  const res = useResource<Reciprocity>(`/api/households/${encodeURIComponent(householdId)}/reciprocity`);
  const [searching, setSearching] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const r = res.data;
  const searched = r?.offers.find((o) => o.id === searching);
  const saved = (message: string) => async () => {
    await res.reload();
    setNotice(message);
  };
  return (
    <>
      <PageTitle>{t("reciprocity.title")}</PageTitle>
      <ErrorMessage message={res.error} />
      <SuccessMessage message={notice} />
      {!r ? (
        !res.error && <Loading />
      ) : (
        <>
          <Heading2>{t("reciprocity.offers")}</Heading2>
          {r.offers.length === 0 ? (
            <Paragraph>{t("reciprocity.none")}</Paragraph>
          ) : (
            <UnorderedList>
              {r.offers.map((o) => (
                <UnorderedListItem key={o.id}>
                  <OfferLine offer={o} />{" "}
                  <Button
                    type="button"
                    appearance="subtle-button"
                    aria-expanded={searching === o.id}
                    onClick={() => setSearching(searching === o.id ? null : o.id)}
                  >
                    {t("reciprocity.search")}
                    <span className="ww-visually-hidden"> ({o.residentName})</span>
                  </Button>
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
          {searched && (
            <CandidatesPanel
              key={searched.id}
              offer={searched}
              onProposed={saved(t("reciprocity.proposed"))}
            />
          )}
          <Heading2>{t("reciprocity.matches")}</Heading2>
          {r.matches.length === 0 ? (
            <Paragraph>{t("reciprocity.none")}</Paragraph>
          ) : (
            <Matches matches={r.matches} onSaved={saved(t("reciprocity.consentSaved"))} />
          )}
          <OfferForm householdId={householdId} onSaved={saved(t("reciprocity.offerSaved"))} />
        </>
      )}
    </>
  );
}

function OfferLine({ offer: o }: { offer: Offer }) {
  return (
    <>
      <strong>{o.residentName}</strong>: {t("reciprocity.skills")}: {tags(o.skills) || "–"};{" "}
      {t("reciprocity.interests")}: {tags(o.interests) || "–"}
      {o.timeAvailable && <> · {o.timeAvailable}</>}
      {o.description && <> · {o.description}</>}
    </>
  );
}

function consentText(m: Match) {
  return m.consents
    .map((c) =>
      t("reciprocity.consentLine", {
        side: label("matchSide", c.side),
        answer: c.agreed ? t("reciprocity.consent.yesShort") : t("reciprocity.consent.noShort"),
        how: label("consentWay", c.how),
        date: c.givenOn,
      }),
    )
    .join("; ");
}

function Matches({ matches, onSaved }: { matches: Match[]; onSaved(): Promise<void> }) {
  const pending = matches.filter(
    (m) =>
      m.side === "requesting" && m.status === "proposed" && !m.consents.some((c) => c.side === "requesting"),
  );
  return (
    <>
      <Table>
        <TableCaption>{t("reciprocity.matches")}</TableCaption>
        <TableHeader>
          <TableRow>
            {["counterpart", "kind", "help", "status", "consents"].map((k) => (
              <TableHeaderCell key={k} scope="col">
                {t(`reciprocity.match.${k}` as "reciprocity.match.kind")}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {matches.map((m) => (
            <TableRow key={m.id}>
              <TableCell>
                {m.counterpart}
                {m.parties.length > 0 && (
                  <UnorderedList>
                    {m.parties.map((p) => (
                      <UnorderedListItem key={p.side}>
                        {label("matchSide", p.side)}: {p.name}
                        {p.phone && <>, {p.phone}</>}
                        {p.email && <>, {p.email}</>}
                      </UnorderedListItem>
                    ))}
                  </UnorderedList>
                )}
              </TableCell>
              <TableCell>{label("matchKind", m.targetKind)}</TableCell>
              <TableCell>{tags(m.helpTags)}</TableCell>
              <TableCell>{label("matchStatus", m.status)}</TableCell>
              <TableCell>{consentText(m)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {pending.map((m) => (
        <RequestingConsentForm key={m.id} match={m} onSaved={onSaved} />
      ))}
    </>
  );
}

/** The resident with the request answers; only then, if yes, both names are shared. */
function RequestingConsentForm({ match, onSaved }: { match: Match; onSaved(): Promise<void> }) {
  const [consent, setConsent] = useState(emptyConsent(today()));
  const submit = useSubmit(async () => {
    await api.post(`/api/reciprocity/matches/${match.id}/consent`, consentBody(consent));
    await onSaved();
  });
  const id = `consent-${match.id}`;
  return (
    <form onSubmit={submit.onSubmit} aria-labelledby={`${id}-title`}>
      <Heading3 id={`${id}-title`}>{t("reciprocity.recordConsent", { name: match.counterpart })}</Heading3>
      <Paragraph>{t("reciprocity.recordConsentHelp", { help: tags(match.helpTags) })}</Paragraph>
      <ErrorMessage message={submit.error} />
      <ConsentFields
        id={id}
        who={t("reciprocity.requestingResident")}
        value={consent}
        onChange={setConsent}
      />
      <Button type="submit" appearance="primary-action-button" disabled={submit.busy}>
        {t("reciprocity.saveConsent")}
      </Button>
    </form>
  );
}
