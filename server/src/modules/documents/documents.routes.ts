import fastifyMultipart from "@fastify/multipart";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { App } from "../../platform/http/app-type.ts";
import { created, routeGroup } from "../../platform/http/route-helpers.ts";
import { errors } from "../../platform/http/schemas.ts";
import { inPortal } from "../portal/portal.scope.ts";
import type { DocumentsConfig } from "./documents.config.ts";
import { Keyring } from "./documents.crypto.ts";
import { ALLOWED_TYPES } from "./documents.intake.ts";
import { addKind, listKinds } from "./documents.kinds.ts";
import {
  ContentQuery,
  DocumentList,
  DocumentParams,
  HouseholdDocumentsParams,
  KindBody,
  KindList,
  PortalDocumentsParams,
  Uploaded,
  UploadSettings,
  WithdrawBody,
  Withdrawn,
} from "./documents.schemas.ts";
import { listDocuments, listPortalDocuments, openDocument, withdrawDocument } from "./documents.service.ts";
import { downloadStream } from "./documents.stream.ts";
import { NO_SCANNER_WARNING, receiveUpload } from "./documents.upload.ts";

const tags = ["Documenten"];
const read = routeGroup({ anyOf: ["document.read"] }, tags);
const write = routeGroup({ anyOf: ["document.write"] }, tags);
const readOrPortal = routeGroup({ anyOf: ["document.read", "portal.use"] }, tags);
const resident = routeGroup({ anyOf: ["portal.use"] }, ["Inwonersportaal"]);
const MULTIPART =
  "multipart/form-data: eerst de velden (kind, documentDate, confidentiality, linkType, linkId, title per bestand), dan tot 10 velden `file`.";

export interface DocumentServices {
  config: DocumentsConfig;
  keyring: Keyring;
}

export function documentServices(config: DocumentsConfig): DocumentServices {
  return { config, keyring: new Keyring(config.masterKeys) };
}

/** Documents in the dossier and in the portal (issue 20). */
export async function documentRoutes(app: App, deps: DocumentServices): Promise<void> {
  const { config } = deps;
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    // Keep the name as sent, so a name with folders in it is refused rather than silently cut.
    preservePath: true,
    limits: {
      // One byte more than allowed, so the upload sees the excess and refuses with its own message.
      fileSize: config.maxFileBytes + 1,
      files: config.maxFilesPerUpload + 1,
      fields: 40,
      fieldSize: 4096,
      parts: 60,
      headerPairs: 100,
    },
  });
  // A request far larger than any allowed upload is refused before it is read.
  const maxRequest = config.maxFileBytes * config.maxFilesPerUpload + 1024 * 1024;
  const refuseHuge = async (request: FastifyRequest, reply: FastifyReply) => {
    if (Number(request.headers["content-length"] ?? 0) > maxRequest)
      return reply.code(413).send({
        error: "uploadTooLarge",
        message: `Deze upload is te groot. Per bestand kan ${Math.round(config.maxFileBytes / 1048576)} MB, en ${config.maxFilesPerUpload} bestanden tegelijk. Er is niets opgeslagen.`,
      });
  };

  app.get(
    "/api/document-settings",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Grenzen voor uploads en of er een virusscanner is",
        response: { 200: UploadSettings },
      },
    },
    async () => ({
      maxFileBytes: config.maxFileBytes,
      maxFilesPerUpload: config.maxFilesPerUpload,
      maxHouseholdBytes: config.maxHouseholdBytes,
      scanner: config.clamavUrl
        ? ("configured" as const)
        : config.requireScanner
          ? ("missingRefused" as const)
          : ("missingAllowed" as const),
      warning: config.clamavUrl ? null : NO_SCANNER_WARNING,
      accept: [
        ...ALLOWED_TYPES.map((t) => t.mediaType),
        ...ALLOWED_TYPES.flatMap((t) => t.extensions.map((e) => `.${e}`)),
      ],
    }),
  );
  app.get(
    "/api/households/:id/documents",
    read("Documenten van een huishouden", {
      params: HouseholdDocumentsParams,
      response: { 200: DocumentList },
    }),
    (request) => request.withContext((ctx) => listDocuments(ctx, request.params.id)),
  );
  app.post(
    "/api/households/:id/documents",
    {
      ...write(
        `Documenten uploaden (gecontroleerd op type en virussen, versleuteld opgeslagen). ${MULTIPART}`,
        {
          params: HouseholdDocumentsParams,
          response: { 201: Uploaded, ...errors(413, 503) },
        },
      ),
      preValidation: refuseHuge,
    },
    (request, reply) =>
      created(reply, receiveUpload(request, deps, { householdId: request.params.id, source: "team" })),
  );
  app.get(
    "/api/documents/:id/content",
    {
      ...readOrPortal(
        "Een document downloaden (attachment) of bekijken (inline: alleen PDF en afbeeldingen)",
        {
          params: DocumentParams,
          querystring: ContentQuery,
        },
      ),
      compress: false,
    },
    async (request, reply) => {
      const inline = request.query.disposition === "inline";
      const run = (fn: Parameters<typeof request.withContext>[0]) =>
        request.session?.actor.role === "resident" ? inPortal(request, fn) : request.withContext(fn);
      const opened = (await run((ctx) =>
        openDocument(ctx, deps.keyring, request.params.id, inline ? "preview" : "download"),
      )) as Awaited<ReturnType<typeof openDocument>>;
      const d = opened.document;
      reply
        .type(inline ? d.mediaType : d.mediaType)
        .header("content-length", String(d.sizeBytes))
        .header("content-disposition", contentDisposition(inline ? "inline" : "attachment", opened.fileName))
        .header("cross-origin-resource-policy", "same-origin");
      return reply.send(
        downloadStream(request, {
          id: d.id,
          key: opened.key,
          chunkCount: d.chunkCount,
          sizeBytes: Number(d.sizeBytes),
        }),
      );
    },
  );
  app.post(
    "/api/documents/:id/withdraw",
    write("Een document intrekken (met reden); het blijft bewaard maar niemand ziet het nog", {
      params: DocumentParams,
      body: WithdrawBody,
      response: { 200: Withdrawn },
    }),
    (request) => request.withContext((ctx) => withdrawDocument(ctx, request.params.id, request.body)),
  );
  app.get(
    "/api/document-kinds",
    routeGroup({ anyOf: ["document.read", "document.configure"] }, tags)("Soorten documenten", {
      response: { 200: KindList },
    }),
    (request) => request.withContext(async (ctx) => ({ items: await listKinds(ctx) })),
  );
  app.post(
    "/api/document-kinds",
    routeGroup({ anyOf: ["document.configure"] }, tags)("Een soort document toevoegen", {
      body: KindBody,
      response: { 201: KindList.properties.items.items },
    }),
    (request, reply) =>
      created(
        reply,
        request.withContext((ctx) => addKind(ctx, request.body)),
      ),
  );

  // The resident's side.
  const base = "/api/portal/households/:householdId/documents";
  app.get(
    base,
    resident("Mijn documenten: gedeeld door het team, en wat ik zelf stuurde", {
      params: PortalDocumentsParams,
      response: { 200: DocumentList },
    }),
    (request) => inPortal(request, (ctx) => listPortalDocuments(ctx, request.params.householdId)),
  );
  app.post(
    base,
    {
      ...resident(
        `Een document sturen naar mijn regiehouder (gecontroleerd op virussen). ${MULTIPART.replace(/kind.*title/, "title")}`,
        {
          params: PortalDocumentsParams,
          response: { 201: Uploaded, ...errors(413, 503) },
        },
      ),
      preValidation: refuseHuge,
    },
    (request, reply) =>
      created(
        reply,
        receiveUpload(request, deps, { householdId: request.params.householdId, source: "portal" }),
      ),
  );
}

/** attachment/inline with the name as ASCII and as UTF-8 (RFC 6266), never breaking the header. */
export function contentDisposition(kind: "attachment" | "inline", name: string): string {
  const ascii =
    name
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\%]/g, "_") || "document";
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
