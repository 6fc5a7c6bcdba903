/**
 * A private PostgreSQL for the tests that run the printed RFM SQL: initdb in a temporary folder
 * owned by the postgres user, listening on a Unix socket there only (no TCP port), stopped after.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { promisify } from "util";

const run = promisify(execFile);

export interface Postgres {
  /** Runs SQL through psql; returns its unaligned output (| between fields, one line per row). */
  query: (sql: string) => Promise<string>;
  stop: () => Promise<void>;
}

async function binDir(): Promise<string> {
  const base = "/usr/lib/postgresql";
  const versions = (await fs.readdir(base)).sort((a, b) => Number(b) - Number(a));
  return path.join(base, versions[0], "bin");
}

export async function startPostgres(): Promise<Postgres> {
  const bin = await binDir();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "sm-pg-"));
  const asRoot = process.getuid?.() === 0;
  const asPostgres = (command: string, args: string[]) =>
    asRoot
      ? run("runuser", ["-u", "postgres", "--", command, ...args], { timeout: 60000 })
      : run(command, args, { timeout: 60000 });
  if (asRoot) await run("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  await asPostgres(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres"]);
  await asPostgres(path.join(bin, "pg_ctl"), [
    "-D",
    data,
    "-o",
    `-k ${dir} -c listen_addresses=''`,
    "-w",
    "-l",
    path.join(dir, "log"),
    "start",
  ]);
  return {
    query: async (sql) => {
      const file = path.join(dir, `q${Date.now()}${Math.random().toString(36).slice(2)}.sql`);
      await fs.writeFile(file, sql);
      if (asRoot) await run("chown", ["postgres", file]);
      const { stdout } = await run(
        "psql",
        ["-h", dir, "-U", "postgres", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-f", file],
        { timeout: 60000, maxBuffer: 64 * 1024 * 1024 }
      );
      return stdout;
    },
    stop: async () => {
      await asPostgres(path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
