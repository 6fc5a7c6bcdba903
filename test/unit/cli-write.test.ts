/**
 * Outputs written as a careful save (issue 13 A): the replaced file's mode kept, a read-only file
 * refused unless --force, no folder left by a failed write, a killed run's temporary file removed
 * by the next run to the same output (and only when that run is surely gone).
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import path from "path";
import { runCli } from "../../src/cli/main";
import {
  STALE_TEMPORARY_MS,
  createFolders,
  isProcessAlive,
  removeStaleTemporaries,
  temporaryName,
  temporaryPid,
  writeFileKeepingMode,
} from "../../src/cli/write-file";
import { tempDir } from "../support/workbooks";

async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const modeOf = async (file: string): Promise<number> => (await fs.stat(file)).mode & 0o777;

/** The id of a process that has run and exited (so is surely not alive, barring reuse). */
async function deadPid(): Promise<number> {
  const child = execFile(process.execPath, ["-e", ""]);
  const pid = child.pid as number;
  await new Promise((resolve) => child.on("exit", resolve));
  return pid;
}

const study = { clienteles: ["A", "B"], needs: ["n"], pairs: [{ clientele: "A", need: "n" }] };

let dir: string;
let studyFile: string;
beforeEach(async () => {
  dir = await tempDir();
  studyFile = path.join(dir, "s.json");
  await fs.writeFile(studyFile, JSON.stringify(study));
});
afterEach(async () => {
  await fs.chmod(dir, 0o700).catch(() => undefined);
  await fs.rm(dir, { recursive: true, force: true });
});

describe("the mode of a replaced output", () => {
  it.each([
    ["build", "o.xlsx", "0600", 0o600],
    ["build", "o.xlsx", "0640", 0o640],
    ["read", "o.json", "0600", 0o600],
    ["order", "o.json", "0600", 0o600],
    ["image", "o.svg", "0604", 0o604],
  ])("%s keeps %s at %s", async (command, name, _shown, mode) => {
    const out = path.join(dir, name);
    const input = command === "read" ? path.join(dir, "in.xlsx") : studyFile;
    if (command === "read") expect((await cli("build", studyFile, "-o", input)).code).toBe(0);
    const args = [command, input, "-o", out];
    expect((await cli(...args)).code).toBe(0);
    await fs.chmod(out, mode);
    const before = (await fs.stat(out)).ino;
    expect((await cli(...args)).code).toBe(0);
    expect((await fs.stat(out)).ino).not.toBe(before); // replaced, not edited in place
    expect(await modeOf(out)).toBe(mode);
  });

  it("gives a new output the usual mode (0666 less the umask)", async () => {
    const out = path.join(dir, "new.xlsx");
    expect((await cli("build", studyFile, "-o", out)).code).toBe(0);
    const umask = process.umask();
    expect(await modeOf(out)).toBe(0o666 & ~umask);
  });
});

describe("a read-only output", () => {
  it("is refused, named, with what to do; --force replaces it and keeps it read-only", async () => {
    const out = path.join(dir, "o.xlsx");
    expect((await cli("build", studyFile, "-o", out)).code).toBe(0);
    await fs.chmod(out, 0o444);
    const before = await fs.readFile(out);
    const refused = await cli("build", studyFile, "-o", out, "--lang", "en");
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual([
      `error: ${out}: this file is read-only: it is not replaced; choose another output file, make it writable (chmod u+w), or add --force to replace it (it stays read-only)`,
    ]);
    expect(await fs.readFile(out)).toEqual(before);
    expect(await modeOf(out)).toBe(0o444);

    const forced = await cli("build", studyFile, "-o", out, "--force");
    expect(forced.code).toBe(0);
    expect(await modeOf(out)).toBe(0o444);
  });

  it("is refused by order without suggesting --force, which there only replaces segments", async () => {
    const out = path.join(dir, "o.json");
    expect((await cli("order", studyFile, "-o", out)).code).toBe(0);
    await fs.chmod(out, 0o444);
    const refused = await cli("order", studyFile, "-o", out, "--force");
    expect(refused.code).toBe(1);
    expect(refused.err.join("\n")).toMatch(
      /o\.json: (this file is read-only|ce fichier est en lecture seule)/
    );
    expect(refused.err.join("\n")).not.toMatch(/--force/);
  });

  it("is refused as a study too (read -o), in French", async () => {
    const workbook = path.join(dir, "w.xlsx");
    expect((await cli("build", studyFile, "-o", workbook)).code).toBe(0);
    const out = path.join(dir, "o.json");
    expect((await cli("read", workbook, "-o", out)).code).toBe(0);
    await fs.chmod(out, 0o400);
    const refused = await cli("read", workbook, "-o", out, "--lang", "fr");
    expect(refused.code).toBe(1);
    expect(refused.err[0]).toMatch(/o\.json: ce fichier est en lecture seule/);
  });
});

describe("folders made for an output", () => {
  it("are removed when the write fails (a name too long for the file system)", async () => {
    const out = path.join(dir, "new", "deeper", `${"x".repeat(300)}.xlsx`);
    const result = await cli("build", studyFile, "-o", out, "--lang", "en");
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/cannot write here \(ENAMETOOLONG\)/);
    expect(await fs.readdir(dir)).toEqual(["s.json"]);
  });

  it("are the only ones removed: a folder that existed stays", async () => {
    await fs.mkdir(path.join(dir, "existing"));
    const created = await createFolders(path.join(dir, "existing", "a", "b"));
    expect(created).toEqual([
      path.join(dir, "existing", "a"),
      path.join(dir, "existing", "a", "b"),
    ]);
    await expect(
      writeFileKeepingMode(path.join(dir, "existing", "c", "d", "x".repeat(300)), Buffer.from("x"))
    ).rejects.toMatchObject({ code: "ENAMETOOLONG" });
    expect((await fs.readdir(path.join(dir, "existing"))).sort()).toEqual(["a"]);
  });
});

describe("the temporary file of a killed run", () => {
  it("is recognised by its name: .NAME.PID.tmp for this output only", () => {
    expect(temporaryName("/x/o.xlsx", 42)).toBe(path.join("/x", ".o.xlsx.42.tmp"));
    expect(temporaryPid(".o.xlsx.42.tmp", "o.xlsx")).toBe(42);
    expect(temporaryPid(".o.xlsx.4a.tmp", "o.xlsx")).toBeUndefined();
    expect(temporaryPid(".o.xlsx..tmp", "o.xlsx")).toBeUndefined();
    expect(temporaryPid(".other.xlsx.42.tmp", "o.xlsx")).toBeUndefined();
    expect(temporaryPid(".o.xlsx.42.tmp.bak", "o.xlsx")).toBeUndefined();
    expect(isProcessAlive(process.pid)).toBe(true);
  });

  it("fits beside an output whose name is as long as the file system allows", async () => {
    const base = `${"é".repeat(120)}.xlsx`; // 245 bytes: the output fits, NAME.PID.tmp would not
    const temporary = path.basename(temporaryName(path.join(dir, base), 4194304));
    expect(Buffer.byteLength(temporary)).toBeLessThanOrEqual(255);
    expect(temporaryPid(temporary, base)).toBe(4194304);
    const out = path.join(dir, base);
    expect((await cli("build", studyFile, "-o", out)).code).toBe(0);
    expect((await fs.readdir(dir)).sort()).toEqual([base, "s.json"].sort());
  });

  it("is removed by the next run to the same output when its process is gone", async () => {
    const out = path.join(dir, "o.xlsx");
    const pid = await deadPid();
    expect(isProcessAlive(pid)).toBe(false);
    const debris = temporaryName(out, pid);
    await fs.writeFile(debris, "half a workbook");
    const otherOutput = temporaryName(path.join(dir, "other.xlsx"), pid);
    await fs.writeFile(otherOutput, "another output's");
    expect((await cli("build", studyFile, "-o", out)).code).toBe(0);
    expect((await fs.readdir(dir)).sort()).toEqual(
      [".other.xlsx." + pid + ".tmp", "o.xlsx", "s.json"].sort()
    );
  });

  it("is left while its process may still be writing, unless it is an hour old", async () => {
    const out = path.join(dir, "o.xlsx");
    // A live process other than this one: the test's parent (jest's) or init.
    const live = process.ppid > 1 ? process.ppid : 1;
    const running = temporaryName(out, live);
    await fs.writeFile(running, "being written");
    expect(await removeStaleTemporaries(out)).toEqual([]);
    expect(await fs.readFile(running, "utf8")).toBe("being written");

    const old = new Date(Date.now() - STALE_TEMPORARY_MS - 60000);
    await fs.utimes(running, old, old);
    expect(await removeStaleTemporaries(out)).toEqual([running]);
  });

  it("is never a folder that happens to have such a name", async () => {
    const out = path.join(dir, "o.xlsx");
    const folder = temporaryName(out, await deadPid());
    await fs.mkdir(folder);
    expect(await removeStaleTemporaries(out)).toEqual([]);
    expect((await fs.stat(folder)).isDirectory()).toBe(true);
  });
});

describe("the owner of a replaced output", () => {
  it("is kept (root rewriting another user's file gives it back to that user)", async () => {
    const out = path.join(dir, "o.xlsx");
    expect((await cli("build", studyFile, "-o", out)).code).toBe(0);
    const root = process.getuid?.() === 0;
    // Only root may give a file away; another user checks that the file stays theirs.
    const owner = root ? [1234, 5678] : [(await fs.stat(out)).uid, (await fs.stat(out)).gid];
    await fs.chown(out, owner[0], owner[1]);
    expect((await cli("build", studyFile, "-o", out)).code).toBe(0);
    const stat = await fs.stat(out);
    expect([stat.uid, stat.gid]).toEqual(owner);
  });
});
