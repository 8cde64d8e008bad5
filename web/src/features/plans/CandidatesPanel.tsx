import {
  Button,
  Heading3,
  Heading4,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { ConsentFields, consentBody, emptyConsent } from "./ConsentFields.tsx";
import { label, today } from "./labels.ts";
import type { Candidates, Offer } from "./reciprocity.types.ts";

type Target = { requestActionId: string; name: string } | { directoryEntryId: string; name: string };

const tags = (list: string[]) => list.map((tag) => label("helpTag", tag)).join(", ");
const km = (d: number | null) => (d === null ? "" : t("reciprocity.km", { km: d }));

/** Open requests nearby (pseudonymised) and volunteer vacancies that fit one offer; proposing a match. */
export function CandidatesPanel({ offer, onProposed }: { offer: Offer; onProposed(): Promise<void> }) {
  const found = useResource<Candidates>(`/api/reciprocity/offers/${offer.id}/candidates`);
  const [target, setTarget] = useState<Target | null>(null);
  const c = found.data;
  const choose = (tg: Target, name: string) => (
    <Button
      type="button"
      appearance="subtle-button"
      aria-label={`${t("reciprocity.propose")}: ${name}`}
      onClick={() => setTarget(tg)}
    >
      {t("reciprocity.propose")}
    </Button>
  );
  return (
    <section aria-labelledby={`candidates-${offer.id}`}>
      <Heading3 id={`candidates-${offer.id}`}>
        {t("reciprocity.candidatesFor", { name: offer.residentName })}
      </Heading3>
      <ErrorMessage message={found.error} />
      {!c ? (
        !found.error && <Loading />
      ) : (
        <>
          <Paragraph>{t("reciprocity.pseudonymNote")}</Paragraph>
          {c.requests.length === 0 ? (
            <Paragraph>{t("reciprocity.noRequests")}</Paragraph>
          ) : (
            <Table>
              <TableCaption>{t("reciprocity.requests")}</TableCaption>
              <TableHeader>
                <TableRow>
                  {["who", "help", "where", "due", "act"].map((k) => (
                    <TableHeaderCell key={k} scope="col">
                      {t(`reciprocity.col.${k}` as "reciprocity.col.who")}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {c.requests.map((r) => (
                  <TableRow key={r.actionId}>
                    <TableCell>{r.pseudonym}</TableCell>
                    <TableCell>{tags(r.matchingTags)}</TableCell>
                    <TableCell>
                      {r.neighbourhoodName ?? ""} {km(r.distanceKm)}
                    </TableCell>
                    <TableCell>{r.dueDate}</TableCell>
                    <TableCell>
                      {choose({ requestActionId: r.actionId, name: r.pseudonym }, r.pseudonym)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {c.vacancies.length === 0 ? (
            <Paragraph>{t("reciprocity.noVacancies")}</Paragraph>
          ) : (
            <Table>
              <TableCaption>{t("reciprocity.vacancies")}</TableCaption>
              <TableHeader>
                <TableRow>
                  {["vacancy", "help", "where", "act"].map((k) => (
                    <TableHeaderCell key={k} scope="col">
                      {t(`reciprocity.col.${k}` as "reciprocity.col.who")}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {c.vacancies.map((v) => (
                  <TableRow key={v.directoryEntryId}>
                    <TableCell>
                      {v.name} ({v.providerName})
                    </TableCell>
                    <TableCell>{tags(v.matchingTags)}</TableCell>
                    <TableCell>{km(v.distanceKm)}</TableCell>
                    <TableCell>
                      {choose({ directoryEntryId: v.directoryEntryId, name: v.name }, v.name)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
      {target && (
        <ProposeForm
          key={"requestActionId" in target ? target.requestActionId : target.directoryEntryId}
          offer={offer}
          target={target}
          onCancel={() => setTarget(null)}
          onProposed={async () => {
            setTarget(null);
            await found.reload();
            await onProposed();
          }}
        />
      )}
    </section>
  );
}

function ProposeForm({
  offer,
  target,
  onCancel,
  onProposed,
}: {
  offer: Offer;
  target: Target;
  onCancel(): void;
  onProposed(): Promise<void>;
}) {
  const [consent, setConsent] = useState(emptyConsent(today()));
  const submit = useSubmit(async () => {
    const { name: _name, ...which } = target;
    await api.post("/api/reciprocity/matches", {
      offerId: offer.id,
      ...which,
      offeringConsent: consentBody(consent),
    });
    await onProposed();
  });
  return (
    <form onSubmit={submit.onSubmit} aria-labelledby="propose-match">
      <Heading4 id="propose-match">{t("reciprocity.proposeWith", { name: target.name })}</Heading4>
      <Paragraph>{t("reciprocity.proposeHelp")}</Paragraph>
      <ErrorMessage message={submit.error} />
      <ConsentFields id="offering-consent" who={offer.residentName} value={consent} onChange={setConsent} />
      <Button type="submit" appearance="primary-action-button" disabled={submit.busy}>
        {t("reciprocity.proposeSubmit")}
      </Button>{" "}
      <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
        {t("plan.cancel")}
      </Button>
    </form>
  );
}
