/**
 * Seeded generation of request values from a JSON schema (as found in the OpenAPI document): valid
 * values, boundary values (valid but at the edges) and malformed ones (missing fields, wrong types,
 * huge strings, odd unicode, negative numbers). Deterministic for a seed, so a finding can be replayed.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  $ref?: string;
  [key: string]: unknown;
};

export type Mode = "valid" | "boundary" | "malformed";

/** mulberry32: small, fast, good enough for test-case generation. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16)).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  }
}

/** Ids the generator may use for uuid fields: real ones of this municipality, other tenant, none. */
export interface IdPools {
  own: string[];
  foreign: string[];
}

const ODD_STRINGS = [
  "",
  " ",
  "\u0000",
  "nul\u0000byte",
  "\ud800",
  "😀👨‍👩‍👧‍👦",
  "Ĳsselmeer ß ü é ø",
  "<script>alert(1)</script>",
  "'; drop table team; --",
  "../../etc/passwd",
  "%00",
  "\u202e",
  "null",
  "-1",
  "1e309",
  "0x10",
  "{}",
  "\t\r\n",
];

const SAMPLE_CHARS = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-éëïöü";

export class ValueGenerator {
  constructor(
    readonly random: Random,
    readonly ids: IdPools,
  ) {}

  generate(schema: JsonSchema, mode: Mode, name = ""): unknown {
    if (mode === "malformed") return this.malformed(schema, name);
    return this.wellFormed(schema, mode === "boundary", name);
  }

  private wellFormed(schema: JsonSchema, edge: boolean, name: string): unknown {
    const r = this.random;
    if (schema.const !== undefined) return schema.const;
    if (schema.enum) return r.pick(schema.enum);
    const variants = schema.anyOf ?? schema.oneOf;
    if (variants && variants.length > 0) return this.wellFormed(r.pick(variants), edge, name);
    if (schema.allOf?.[0]) return this.wellFormed(schema.allOf[0], edge, name);
    switch (typeOf(schema)) {
      case "object":
        return this.object(schema, edge);
      case "array": {
        const min = schema.minItems ?? 0;
        const max = Math.min(schema.maxItems ?? 5, edge ? 500 : 5);
        const n = edge ? r.pick([min, max]) : r.int(min, Math.max(min, Math.min(max, 3)));
        const items = Array.from({ length: n }, () => this.wellFormed(schema.items ?? {}, edge, name));
        return schema.uniqueItems ? [...new Map(items.map((i) => [JSON.stringify(i), i])).values()] : items;
      }
      case "integer":
      case "number": {
        const integer = typeOf(schema) === "integer";
        const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1) + (integer ? 1 : 0.5);
        const max = schema.maximum ?? (schema.exclusiveMaximum ?? 1000) - (integer ? 1 : 0.5);
        if (edge) return r.pick([min, max]);
        return integer ? r.int(Math.ceil(min), Math.floor(max)) : min + r.next() * (max - min);
      }
      case "boolean":
        return r.chance(0.5);
      case "null":
        return null;
      default:
        return this.string(schema, edge, name);
    }
  }

  private object(schema: JsonSchema, edge: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const required = new Set(schema.required ?? []);
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      if (required.has(key) || this.random.chance(edge ? 0.9 : 0.6))
        out[key] = this.wellFormed(property, edge, key);
    }
    return out;
  }

  private string(schema: JsonSchema, edge: boolean, name: string): string {
    const r = this.random;
    if (schema.format === "uuid" || /id$/i.test(name)) return this.id();
    if (schema.format === "date-time")
      return new Date(Date.UTC(2026, r.int(0, 11), r.int(1, 28))).toISOString();
    if (schema.format === "date") return `2026-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
    if (schema.format === "email") return `fuzz${r.int(1, 1e6)}@example.nl`;
    if (schema.pattern) {
      const sample = fromPattern(schema.pattern, r);
      if (sample !== undefined) return sample;
    }
    const min = schema.minLength ?? 0;
    const max = Math.min(schema.maxLength ?? 40, edge ? 5000 : 40);
    const length = edge ? r.pick([min, max]) : r.int(Math.max(min, 1), Math.max(min, Math.min(max, 24)));
    const alphabet = edge ? "ëĲ😀ab" : SAMPLE_CHARS;
    let s = "";
    // Count code points, as the schema does (an emoji is one character in JSON Schema).
    while ([...s].length < length) s += r.pick([...alphabet]);
    if (/name|username/i.test(name) && !edge) s = `fuzz-${r.int(1, 1e9)}-${s}`.slice(0, Math.max(max, 1));
    if (/username/i.test(name))
      s = s
        .toLowerCase()
        .replace(/[^a-z0-9._@-]/g, "x")
        .padEnd(3, "x");
    return s;
  }

  /** An id: mostly one that exists here, sometimes another municipality's, sometimes unknown. */
  id(): string {
    const r = this.random;
    const roll = r.next();
    if (roll < 0.6 && this.ids.own.length > 0) return r.pick(this.ids.own);
    if (roll < 0.85 && this.ids.foreign.length > 0) return r.pick(this.ids.foreign);
    return r.uuid();
  }

  private malformed(schema: JsonSchema, name: string): unknown {
    const r = this.random;
    const type = typeOf(schema);
    if (type === "object" && schema.properties && r.chance(0.7)) {
      const base = this.object(schema, false);
      const keys = Object.keys(schema.properties);
      const key = r.pick(keys);
      switch (r.int(0, 3)) {
        case 0:
          delete base[key];
          break;
        case 1:
          base[key] = this.wrongValue(schema.properties[key] ?? {}, key);
          break;
        case 2:
          base[`unknown${r.int(1, 99)}`] = this.wrongValue({}, "");
          break;
        default:
          for (const k of keys) if (r.chance(0.5)) base[k] = this.wrongValue(schema.properties[k] ?? {}, k);
      }
      return base;
    }
    return this.wrongValue(schema, name);
  }

  private wrongValue(schema: JsonSchema, name: string): unknown {
    const r = this.random;
    const type = typeOf(schema);
    const options: (() => unknown)[] = [
      () => null,
      () => r.pick(ODD_STRINGS),
      () => "x".repeat(r.pick([256, 5001, 100_000])),
      () => -r.int(1, 2 ** 31),
      () => r.pick([0, -0.5, 1e308, -1e308, 2 ** 53 + 1, 3.5]),
      () => r.pick([true, false]),
      () => [],
      () => ({}),
      () => r.uuid(),
      () => (this.ids.foreign.length > 0 ? r.pick(this.ids.foreign) : r.uuid()),
      () => [r.pick(ODD_STRINGS), null, 1],
      () => ({ nested: { deeper: [r.pick(ODD_STRINGS)] } }),
    ];
    if (type === "string")
      options.push(() => `${this.wellFormed(schema, false, name)}${r.pick(ODD_STRINGS)}`);
    if (type === "array") options.push(() => Array.from({ length: 600 }, () => "WK034403"));
    return r.pick(options)();
  }
}

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== "null") ?? "null";
  if (schema.type) return schema.type;
  if (schema.properties) return "object";
  return undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Samples simple anchored patterns of alternatives, literals, classes and {n} counts; else undefined. */
export function fromPattern(pattern: string, r: Random): string | undefined {
  const body = pattern.replace(/^\^/, "").replace(/\$$/, "");
  const alternatives = splitTop(body.replace(/^\((.*)\)$/, "$1"));
  const chosen = r.pick(alternatives);
  let out = "";
  const token = /\[([^\]]+)\](?:\{(\d+)(?:,(\d+))?\}|([+*?]))?|([A-Za-z0-9_-])/g;
  let consumed = 0;
  for (const m of chosen.matchAll(token)) {
    if (m.index !== consumed) return undefined;
    consumed = m.index + m[0].length;
    if (m[5]) {
      out += m[5];
      continue;
    }
    const chars = expandClass(m[1] ?? "");
    if (chars.length === 0) return undefined;
    const min = m[2] ? Number(m[2]) : m[4] === "*" || m[4] === "?" ? 0 : 1;
    const max = m[3] ? Math.min(Number(m[3]), min + 20) : m[2] ? min : m[4] ? min + 8 : 1;
    const n = r.int(min, max);
    for (let i = 0; i < n; i++) out += r.pick(chars);
  }
  return consumed === chosen.length ? out : undefined;
}

function splitTop(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const c of s) {
    if (c === "(" || c === "[") depth++;
    if (c === ")" || c === "]") depth--;
    if (c === "|" && depth === 0) {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts;
}

function expandClass(spec: string): string[] {
  const chars: string[] = [];
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i] ?? "";
    const to = spec[i + 2];
    if (spec[i + 1] === "-" && to) {
      for (let code = c.charCodeAt(0); code <= to.charCodeAt(0); code++)
        chars.push(String.fromCharCode(code));
      i += 2;
    } else if (c !== "\\") chars.push(c);
  }
  return chars;
}
