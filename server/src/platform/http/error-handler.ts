import type { FastifyError, FastifyInstance } from "fastify";
import { AppError, fromDatabaseError, RetryLaterError } from "./errors.ts";

/** Every error leaves as `{ error, message, details? }`; a 500 only for what we truly did not foresee. */
export function registerErrorHandling(app: FastifyInstance, options: { spaFallback: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.statusCode === 503) reply.header("retry-after", "5");
      if (error instanceof RetryLaterError) reply.header("retry-after", String(error.retryAfterSeconds));
      return reply
        .code(error.statusCode)
        .send({ error: error.code, message: error.message, details: error.details });
    }
    if (error.validation) {
      const unknown = error.validation
        .filter((v) => v.keyword === "additionalProperties")
        .map((v) => `${v.instancePath ? `${v.instancePath.slice(1)}.` : ""}${v.params?.additionalProperty}`);
      return reply.code(400).send({
        error: unknown.length > 0 ? "unknownField" : "invalidRequest",
        message:
          unknown.length > 0
            ? `De invoer bevat een veld dat hier niet hoort: ${unknown.join(", ")}. Er is niets opgeslagen.`
            : "De invoer is niet volledig of niet geldig.",
        details: error.validation.map((v) => ({
          field: v.params?.additionalProperty ?? (v.instancePath || v.params?.missingProperty),
          problem: v.message,
        })),
      });
    }
    const mapped = fromDatabaseError(error);
    if (mapped) {
      if (mapped.statusCode === 503) reply.header("retry-after", "5");
      else request.log.info({ err: error }, "database refused request");
      return reply
        .code(mapped.statusCode)
        .send({ error: mapped.code, message: mapped.message, details: mapped.details });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .code(error.statusCode)
        .send({ error: error.code ?? "badRequest", message: dutchFor(error) });
    }
    request.log.error({ err: error }, "unexpected error");
    return reply
      .code(500)
      .send({ error: "internal", message: "Er ging iets mis aan onze kant. Probeer het later opnieuw." });
  });

  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: unknown non-API GETs get its index.html.
    const api = request.url.startsWith("/api") || request.url.startsWith("/health");
    if (options.spaFallback && request.method === "GET" && !api)
      return reply.type("text/html").sendFile("index.html");
    return reply
      .code(404)
      .send({ error: "notFound", message: `Onbekend adres: ${request.method} ${request.url.split("?")[0]}` });
  });
}

function dutchFor(error: FastifyError): string {
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return "Stuur de gegevens als JSON.";
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return "De gegevens zijn te groot.";
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return "Er zijn geen gegevens meegestuurd.";
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return "De gegevens zijn geen geldige JSON.";
    default:
      return "Dit verzoek is ongeldig.";
  }
}
