/**
 * A JSON-safe value: what serializers produce, so splits and state can cross worker threads
 * (`structuredClone`) and processes (`JSON.stringify`) unchanged.
 */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };
