/**
 * Strict TypeScript over src/, test/ and bench/ (the project's tsconfig), as part of the suite: the
 * type-level checks of the tests (e.g. that an unknown code is not a ProblemCode) are proved here.
 */
import { execFileSync } from "child_process";
import path from "path";

it("type-checks the whole project with tsc --noEmit", () => {
  const root = path.join(__dirname, "..", "..");
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  let output = "";
  try {
    execFileSync(process.execPath, [tsc, "--noEmit", "-p", root], { cwd: root, encoding: "utf8" });
  } catch (failure) {
    output = String((failure as { stdout?: string }).stdout ?? failure);
  }
  expect(output).toBe("");
}, 240_000);
