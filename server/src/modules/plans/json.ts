/** A value as it travels as JSON: dates become ISO strings, undefined fields disappear. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T as T[K] extends undefined ? never : K]: Jsonified<T[K]> }
      : T;

/** Turns a service result into what the response schema describes (Date → ISO string). */
export function toJson<T>(value: T): Jsonified<T> {
  return JSON.parse(JSON.stringify(value)) as Jsonified<T>;
}
