/**
 * Messages of ordering by need profile and of candidate segments.
 */
import { quoteEn, quoteFr } from "./problem";
import { error, warning } from "./shared";

// Ordering by need profile and candidate segments.

export function segmentsCountInvalid(k: number) {
  return error(
    "segments-count-invalid",
    undefined,
    `${quoteFr(String(k))} n'est pas un nombre de segments : mettez un nombre entier à partir de 1`,
    `${quoteEn(String(k))} is not a number of segments: use a whole number from 1`
  );
}

export function segmentsNoTick() {
  return error(
    "segments-no-tick",
    undefined,
    "aucune clientèle n'a de X : cochez d'abord qui ressent quoi",
    "no clientèle has any X yet: tick who feels what first"
  );
}

export function segmentsTooMany(k: number, available: number) {
  return available === 1
    ? error(
        "segments-too-many",
        undefined,
        `${k} segments demandés, mais une seule clientèle a au moins un X : choisissez 1 segment`,
        `${k} segments asked for, but only one clientèle has at least one X: choose 1 segment`
      )
    : error(
        "segments-too-many",
        undefined,
        `${k} segments demandés, mais seules ${available} clientèles ont au moins un X : choisissez au plus ${available} segments`,
        `${k} segments asked for, but only ${available} clientèles have at least one X: choose at most ${available} segments`
      );
}

export function segmentsWouldBeReplaced(file: string, names: readonly string[]) {
  return error(
    "segments-would-be-replaced",
    { file, field: "segments" },
    `l'étude contient déjà des segments (${names.map(quoteFr).join(", ")}) que --segments remplacerait : ajoutez --force pour les remplacer, ou retirez --segments pour seulement réordonner`,
    `the study already holds segments (${names.map(quoteEn).join(", ")}) that --segments would replace: add --force to replace them, or leave out --segments to reorder only`
  );
}

export function segmentsReplaced(file: string, names: readonly string[]) {
  return warning(
    "segments-replaced",
    { file, field: "segments" },
    `segments remplacés par les segments candidats, avec leurs cibles et l'ordre de conquête : ${names.map(quoteFr).join(", ")}`,
    `segments replaced by the candidate segments, with their targets and conquest order: ${names.map(quoteEn).join(", ")}`
  );
}

export function segmentsWouldBeReplacedInWorkbook(names: readonly string[]) {
  return error(
    "segments-would-be-replaced-in-workbook",
    undefined,
    `le classeur contient déjà des segments (${names.map(quoteFr).join(", ")}) que les segments candidats remplaceraient : confirmez pour les remplacer, ou réordonnez sans découper`,
    `the workbook already holds segments (${names.map(quoteEn).join(", ")}) that the candidate segments would replace: confirm to replace them, or reorder without cutting`
  );
}
