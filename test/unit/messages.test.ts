/**
 * The catalogue of messages (src/messages/): its codes are derived from the message functions, no
 * problem is built anywhere else, and the layers hold (the pane's texts never import the pane's
 * logic). The type-level lines below are checked by test/unit/typecheck.test.ts (tsc over test/).
 */
import { readFileSync, readdirSync, statSync } from "fs";
import path from "path";
import * as messages from "../../src/messages";
import type { HostStep, ProblemCode } from "../../src/messages";

// A code that a message function makes is a ProblemCode; any other string is not.
const made: ProblemCode = "study-not-object";
// @ts-expect-error no message function makes this code
const unmade: ProblemCode = "no-such-code";
// The pane's failures and the host's messages name the same steps.
const steps: HostStep[] = ["read", "render", "selection", "navigate", "write", "copy", "export"];

const ROOT = path.join(__dirname, "..", "..", "src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("the catalogue of messages", () => {
  it("gives each problem its code, a severity and both languages", () => {
    const problem = messages.studyNotObject("study.json");
    expect(problem.code).toBe(made);
    expect(problem.severity).toBe("error");
    expect(problem.message.fr).toMatch(/objet JSON/);
    expect(problem.message.en).toMatch(/JSON object/);
    expect(unmade).toBe("no-such-code");
  });

  it("says which step failed in each language, for every host step", () => {
    const cause = { fr: "GeneralException", en: "GeneralException" };
    const texts = steps.map((step) => messages.excelFailed(step, cause).message);
    for (const text of texts) {
      expect(text.fr).toMatch(/^Excel a refusé /);
      expect(text.en).toMatch(/^Excel refused /);
    }
    expect(new Set(texts.map((text) => text.fr)).size).toBe(steps.length);
    expect(new Set(texts.map((text) => text.en)).size).toBe(steps.length);
  });

  it("is the only place a problem is built", () => {
    const outside = sources(ROOT)
      .filter((file) => !file.startsWith(path.join(ROOT, "messages") + path.sep))
      .filter((file) => /severity:\s*"(error|warning)"/.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(ROOT, file));
    expect(outside).toEqual([]);
  });

  it("keeps the layers: nothing in i18n imports the application, messages import no host", () => {
    const imports = (dir: string): string[] =>
      sources(path.join(ROOT, dir)).flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/from "([^"]+)"/g)].map(
          (match) => `${path.relative(ROOT, file)} → ${match[1]}`
        )
      );
    expect(imports("i18n").filter((line) => /\/app\//.test(line))).toEqual([]);
    expect(
      imports("messages").filter((line) => /\/(app|hosts|taskpane|cli|layout)\//.test(line))
    ).toEqual([]);
  });
});
