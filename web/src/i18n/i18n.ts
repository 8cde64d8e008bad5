import { useSyncExternalStore } from "react";
import { type Catalogue, type MessageKey, nl } from "./nl.ts";

export type Language = "nl" | "en";
export type { MessageKey };

/** Dutch is always there; the English catalogue is its own chunk, loaded when someone switches. */
const catalogues: Record<Language, Catalogue | null> = { nl, en: null };

export async function loadLanguage(language: Language): Promise<void> {
  if (catalogues[language]) return;
  catalogues[language] = (await import("./en.ts")).en;
}
const storageKey = "wijkwerk.language";
const listeners = new Set<() => void>();

function initialLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === "en" ? "en" : "nl";
  } catch {
    return "nl";
  }
}

let current: Language = initialLanguage();

/** Translates a key; `{name}` placeholders are filled from params. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = (catalogues[current] ?? nl)[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    return value === undefined ? match : String(value);
  });
}

/** For codes coming from the server (roles, actions): the label when the catalogue has one. */
export function tOptional(key: string, params?: Record<string, string | number>): string | undefined {
  return isMessageKey(key) ? t(key, params) : undefined;
}

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(nl, key);
}

export function getLanguage(): Language {
  return current;
}

export async function setLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  current = language;
  document.documentElement.lang = language;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Re-renders the caller when the language changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, getLanguage);
}
