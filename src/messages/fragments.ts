/**
 * Why a text cannot go into a cell as it is: fragments that the problems of the study file and
 * of the sheets carry.
 */
import { Bilingual, SCALES } from "../method/levels";
import type { Pair } from "../method/study";

// Why a text cannot go into a cell as it is: fragments that the problems below carry.

export function controlCharacterFault(codePoint: number, position: number): Bilingual {
  const hex = "U+" + codePoint.toString(16).toUpperCase().padStart(4, "0");
  return {
    fr: `contient un caractère de contrôle invisible (${hex}, position ${position}) : supprimez-le`,
    en: `contains an invisible control character (${hex}, position ${position}): remove it`,
  };
}

export function brokenUnicodeFault(position: number): Bilingual {
  return {
    fr: `contient un caractère Unicode incomplet (position ${position}) : retapez le texte`,
    en: `contains a broken Unicode character (position ${position}): retype the text`,
  };
}

export function emptyNameFault(): Bilingual {
  return { fr: "le nom est vide", en: "the name is empty" };
}

export function textTooLongFault(length: number, max: number): Bilingual {
  return {
    fr: `le texte a ${length} caractères, plus qu'une cellule Excel n'en peut contenir (${max}) : raccourcissez-le`,
    en: `the text has ${length} characters, more than an Excel cell can hold (${max}): shorten it`,
  };
}

export function nameTooLongFault(length: number, max: number): Bilingual {
  return {
    fr: `le nom a ${length} caractères ; raccourcissez-le à ${max} au plus`,
    en: `the name has ${length} characters; shorten it to ${max} at most`,
  };
}

/** " (it had perception 3, impact 2)": so that a dropped pair's ratings can be entered again. */
export function describeRatings(pair: Pair, language: "fr" | "en"): string {
  const parts: string[] = [];
  for (const criterion of ["perception", "impact", "competition"] as const) {
    const level = pair[criterion];
    if (level !== undefined)
      parts.push(`${SCALES[criterion].header[language].toLowerCase()} ${level}`);
  }
  if (parts.length === 0) return "";
  return language === "fr" ? ` (elle avait ${parts.join(", ")})` : ` (it had ${parts.join(", ")})`;
}
