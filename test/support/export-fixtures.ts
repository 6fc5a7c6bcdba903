/** Studies for the client export's tests: hostile names, segments side by side, targets. */
import { Study } from "../../src/method/study";
import { study } from "./workbooks";

/** Names every export must keep exactly: formula starts, markup, quotes, emoji, 200 characters. */
export const HOSTILE_NAMES = [
  "=SOMME(A1:A3)",
  "+33 6 12 34",
  "-moins & plus",
  "@home <b>gras</b>",
  `Les "guillemets" d'Anne`,
  "'apostrophe en tête",
  "vélo 🚲 fusée 🚀",
  ("Une clientèle au nom très long, " + "vraiment très long ".repeat(12)).slice(0, 200),
];

export const LONG_NAME = HOSTILE_NAMES[7];

/**
 * Eight clientèles (the hostile names) × four needs; two segments side by side (the first three
 * clientèles, then the next two), offerings and targets. Scores: 100 (4 × 4) once, 6 (1 × 1) once.
 */
export function segmentedStudy(extra: Partial<Record<string, unknown>> = {}): Study {
  const c = HOSTILE_NAMES;
  const needs = ["Innover <vite>", "=Payer+moins", "Besoin « cité » 😀", "Se former"];
  return study({
    title: `Étude « client » & co — "${c[0]}"`,
    language: "fr",
    clienteles: c.map((name, i) => (i === 1 ? { name, type: "bénéficiaire direct" } : name)),
    needs: needs.map((name, i) => (i === 0 ? { name, type: "problème" } : name)),
    pairs: [
      { clientele: c[0], need: needs[0], perception: 4, impact: 4 },
      { clientele: c[1], need: needs[0], perception: 3, impact: 3 },
      { clientele: c[2], need: needs[1], perception: 2, impact: 3 },
      { clientele: c[3], need: needs[2], perception: 1, impact: 1 },
      { clientele: c[4], need: needs[2], perception: 3, impact: 2 },
      { clientele: c[5], need: needs[3], perception: 2, impact: 2 },
      { clientele: c[6], need: needs[3], perception: 4, impact: 3 },
      { clientele: c[7], need: needs[1], perception: 3, impact: 4 },
      { clientele: c[7], need: needs[3] },
    ],
    offerings: ["Atelier <1>", "=Abonnement"],
    segments: [
      {
        name: "Pressés & « connectés »",
        type: "marché de niche",
        clienteles: [c[0], c[1], c[2]],
        needs: [needs[0], needs[1]],
        offerings: ["Atelier <1>"],
        channels: ["=Instagram"],
        size: 1200,
        frequency: 2,
        basket: 35,
        checklist: ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
      },
      {
        name: "@Prudents",
        clienteles: [c[3], c[4]],
        needs: [needs[2]],
        checklist: ["en cours", "à faire", "à analyser"],
      },
    ],
    targets: [{ segment: "Pressés & « connectés »", offering: "Atelier <1>" }],
    conquest: ["Pressés & « connectés »", "@Prudents"],
    ...extra,
  });
}
