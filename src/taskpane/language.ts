/** Which language the pane speaks: French first, English for everyone else. */
import { Language } from "../method/levels";

/** "fr-FR", "fr-CA", "fr" → French; any other tag, or none, → English. */
export function languageOfTag(tag: string | null | undefined): Language {
  return tag && /^fr(-|_|$)/i.test(tag.trim()) ? "fr" : "en";
}

/**
 * Outside Office there is no display language: `?lang=fr|en` decides (handy for tests and demos),
 * else the browser's language.
 */
export function previewLanguage(search: string, navigatorLanguage: string | undefined): Language {
  const asked = new URLSearchParams(search).get("lang")?.trim().toLowerCase();
  if (asked === "fr" || asked === "en") return asked;
  return languageOfTag(navigatorLanguage);
}
