/**
 * The readers' worst case on hostile files (issue 13 A), printed by `npm run bench`: each file is
 * made here from a workbook the command line built, then `read` runs on it in its own process,
 * measured as the bench measures builds (wall time, peak resident memory), with its first line.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import path from "path";
import { performance } from "perf_hooks";
import ExcelJS from "exceljs";
import { STATE_NAMESPACE } from "../src/layout/state";
import { editPart, entriesOf, rawZip, redefineName } from "../test/support/hostile";

interface Hostile {
  label: string;
  make(file: string, built: string): Promise<void>;
}

const SMALL_STUDY = {
  title: "Vélos",
  clienteles: ["Commuters", "Students"],
  needs: ["Fix a flat", "Cheap parts"],
  pairs: [
    { clientele: "Commuters", need: "Fix a flat", perception: 4, impact: 3 },
    { clientele: "Students", need: "Cheap parts", perception: 2, impact: 1 },
  ],
};

async function replaceEntry(
  file: string,
  built: string,
  name: string,
  data: Buffer,
  declaredSize?: number
): Promise<void> {
  const entries = await entriesOf(built);
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  entry.data = data;
  entry.declaredSize = declaredSize;
  await fs.writeFile(file, rawZip(entries));
}

const copyThen =
  (edit: (file: string) => Promise<void>) =>
  async (file: string, built: string): Promise<void> => {
    await fs.copyFile(built, file);
    await edit(file);
  };

const HOSTILE: Hostile[] = [
  {
    label: "state part of 400 000 '<!--'",
    make: (file, built) =>
      replaceEntry(
        file,
        built,
        "customXml/item1.xml",
        Buffer.from(
          `<state xmlns="${STATE_NAMESPACE}" layoutVersion="1">${"<!--".repeat(400000)}</state>`
        )
      ),
  },
  {
    label: "SM_Ticks redefined to 10^12 rows",
    make: copyThen((f) => redefineName(f, "SM_Ticks", "'Who feels what'!$C$6:$D$1000000000000")),
  },
  {
    label: "SM_Targets redefined to B5:XFD1048576",
    make: copyThen((f) => redefineName(f, "SM_Targets", "Targeting!$B$5:$XFD$1048576")),
  },
  {
    label: "SM_SegmentClienteles to 10^11 rows",
    make: copyThen((f) =>
      redefineName(f, "SM_SegmentClienteles", "Segments!$B$19:$D$100000000000")
    ),
  },
  {
    label: "stray cells at XFD1048576 (3 sheets)",
    make: copyThen(async (f) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(f);
      for (const name of ["Segments", "Targeting", "Checklist"]) {
        const sheet = workbook.getWorksheet(name);
        if (sheet) sheet.getCell("XFD1048576").value = "stray";
      }
      await workbook.xlsx.writeFile(f);
    }),
  },
  {
    label: "an X at ZZZZ6",
    make: copyThen((f) =>
      editPart(f, "xl/worksheets/sheet1.xml", (xml) =>
        xml.replace(/<c r="D6"[^>]*\/>/, '<c r="ZZZZ6" t="inlineStr"><is><t>X</t></is></c>')
      )
    ),
  },
  {
    label: "zip declaring 4 GB",
    make: async (file, built) => {
      const entries = await entriesOf(built);
      entries.push({ name: "xl/media/bomb.bin", data: Buffer.alloc(1000), declaredSize: 4e9 });
      await fs.writeFile(file, rawZip(entries));
    },
  },
  {
    label: "500 entries named by 64 KiB of ESC",
    make: async (file, built) => {
      // The longest name a zip holds, many times (32 MiB of names, all read if the names were
      // not refused at the first).
      const entries = await entriesOf(built);
      const name = "\u001b".repeat(65535);
      for (let i = 0; i < 500; i++) entries.push({ name, data: Buffer.alloc(0), method: 0 });
      await fs.writeFile(file, rawZip(entries));
    },
  },
  {
    label: "sheet inflating to 50 MiB, declaring 2 KiB",
    make: async (file, built) => {
      const entries = await entriesOf(built);
      const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml");
      if (!sheet) throw new Error("no sheet1");
      sheet.data = Buffer.concat([sheet.data, Buffer.alloc(50 * 1024 * 1024)]);
      sheet.declaredSize = 2048;
      await fs.writeFile(file, rawZip(entries));
    },
  },
  {
    label: "1 000 000 ratings rows, two numbers each",
    make: (file, built) =>
      replaceEntry(
        file,
        built,
        "xl/worksheets/sheet2.xml",
        Buffer.from(
          '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
            "<row><c/><c/><c><v>3</v></c><c><v>2</v></c></row>".repeat(1000000) +
            "</sheetData></worksheet>"
        )
      ),
  },
  {
    label: "a 120 MiB comment in the ticks sheet",
    make: async (file, built) => {
      const entries = await entriesOf(built);
      const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml");
      if (!sheet) throw new Error("no sheet1");
      const xml = sheet.data.toString("utf8");
      const at = xml.indexOf("<sheetData>");
      sheet.data = Buffer.from(
        xml.slice(0, at) + "<!--" + "x".repeat(120 * 1024 * 1024) + "-->" + xml.slice(at)
      );
      await fs.writeFile(file, rawZip(entries));
    },
  },
];

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** `read` of each hostile file, each in its own process; the worst time and memory at the end. */
export async function benchHostile(cli: string, measure: string, scratch: string): Promise<void> {
  console.log(
    "\n== hostile files: `read` of each, in its own process (wall time, peak RSS, first line)"
  );
  const study = path.join(scratch, "hostile-study.json");
  await fs.writeFile(study, JSON.stringify(SMALL_STUDY));
  const built = path.join(scratch, "hostile-built.xlsx");
  await run([cli, "build", study, "-o", built, "--force", "--lang", "en"], measure, scratch);
  let worst = { wallMs: 0, rssKiB: 0, wallLabel: "", rssLabel: "" };
  for (const hostile of HOSTILE) {
    const file = path.join(scratch, "hostile.xlsx");
    await hostile.make(file, built);
    const size = (await fs.stat(file)).size;
    const result = await run([cli, "read", file, "--lang", "en"], measure, scratch);
    const said = result.stderr.split("\n")[0].replace(file, "FILE").slice(0, 90);
    console.log(
      [
        hostile.label.padEnd(44),
        `${(size / 1024).toFixed(0).padStart(6)} KiB`,
        seconds(result.wallMs).padStart(8),
        `${(result.maxRssKiB / 1024).toFixed(0).padStart(5)} MiB`,
        `exit ${result.code}`,
        said || "(read)",
      ].join("  ")
    );
    if (result.wallMs > worst.wallMs)
      worst = { ...worst, wallMs: result.wallMs, wallLabel: hostile.label };
    if (result.maxRssKiB > worst.rssKiB)
      worst = { ...worst, rssKiB: result.maxRssKiB, rssLabel: hostile.label };
  }
  console.log(
    `worst case: ${seconds(worst.wallMs)} (${worst.wallLabel}); ${(worst.rssKiB / 1024).toFixed(0)} MiB peak (${worst.rssLabel})`
  );
}

async function run(
  args: string[],
  measure: string,
  scratch: string
): Promise<{ code: number; wallMs: number; maxRssKiB: number; stderr: string }> {
  const report = path.join(scratch, `hostile-report-${process.hrtime.bigint()}.json`);
  const start = performance.now();
  const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve) =>
    execFile(
      process.execPath,
      ["--require", measure, ...args],
      { env: { ...process.env, SM_BENCH_REPORT: report }, timeout: 120000, maxBuffer: 64 << 20 },
      (error, _stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stderr })
    )
  );
  const wallMs = performance.now() - start;
  const figures = JSON.parse(await fs.readFile(report, "utf8").catch(() => "{}")) as {
    maxRssKiB?: number;
  };
  return { code, wallMs, maxRssKiB: figures.maxRssKiB ?? NaN, stderr };
}
