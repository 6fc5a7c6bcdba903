/**
 * The three groups of clientèles that the method's worked example gives (issue 5): what ordering
 * and cutting the example into 3 must find.
 */
export const EXAMPLE_GROUPS: readonly (readonly string[])[] = [
  ["Concours et prix", "Bailleurs de fonds", "Grandes entreprises"],
  [
    "Structures de conseil et accompagnement",
    "Accompagnateurs",
    "i-Coaches",
    "Faîtières ESS/ES",
    "Hautes écoles",
  ],
  [
    "Entrepreneurs durables",
    "Micro-entrepreneurs",
    "Intrapreneurs",
    "Etudiants",
    "Acteurs durables",
  ],
];
