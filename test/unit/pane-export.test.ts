/**
 * The pane's deliverables (actions.ts): the client workbook written in the pane, opened in Excel
 * where ExcelApi 1.8 is there or offered as a download; Excel's own picture of the matrix where 1.7
 * is (Range.getImage); the note on where a PDF comes from. Node environment: ExcelJS loads here.
 */
import JSZip from "jszip";
import { buildPlan } from "../../src/layout";
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { withNavigation } from "../../src/hosts/excel/navigation";
import { createMemoryHost } from "../../src/hosts/preview/memory-host";
import { PaneHost } from "../../src/hosts/host";
import { ExportedFile, XLSX_MIME } from "../../src/app/later";
import { paneTexts } from "../../src/i18n/pane";
import {
  PaneContext,
  exportClientWorkbook,
  exportRangeImage,
  matrixPictureRange,
} from "../../src/taskpane/actions";
import { FakeExcel } from "../support/fake-excel";
import { segmentedStudy } from "../support/export-fixtures";

const segmented = segmentedStudy();
/** For the recording fake, which does not evaluate the segments sheet's lookups. */
const unsegmented = segmentedStudy({ segments: [], targets: [], conquest: [] });
const plain = (text: string | undefined): string => (text ?? "").replace(/\u00a0/g, " ");

function contextOf(host: PaneHost): PaneContext {
  return { host, language: "fr", texts: paneTexts("fr") };
}

async function sheetsOf(bytes: Uint8Array | string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes, { base64: typeof bytes === "string" });
  return (await zip.file("xl/workbook.xml")!.async("string"))
    .match(/<sheet [^>]*name="[^"]*"/g)!
    .join();
}

describe("the client workbook from the pane", () => {
  it("is offered as a download where the host cannot open a workbook (the preview)", async () => {
    const saved: ExportedFile[] = [];
    const host = createMemoryHost({ initialPlan: buildPlan(segmented) });
    const result = await exportClientWorkbook(contextOf(host), (file) => saved.push(file));
    expect(saved).toHaveLength(1);
    expect(saved[0].mimeType).toBe(XLSX_MIME);
    expect(saved[0].fileName).toBe("Etude-client-co-SOMME-A1-A3-client.xlsx");
    expect(await sheetsOf(saved[0].data as Uint8Array)).toMatch(
      /Matrice.*Légende.*Segments.*Check-list.*Ciblage/
    );
    expect(result.notices.map((n) => [n.intent, plain(n.text)])).toEqual([
      [
        "success",
        "Classeur client enregistré : Etude-client-co-SOMME-A1-A3-client.xlsx (Matrice, Légende, Segments, Check-list, Ciblage) ; couleurs fixées dans les cellules, sans formules ni listes.",
      ],
      [
        "info",
        "Pour un PDF : dans le classeur client, Fichier › Exporter › Créer un document PDF (une page en paysage par feuille).",
      ],
    ]);
  });

  it("opens as a new workbook in Excel (ExcelApi 1.8), the file never downloaded", async () => {
    const excel = new FakeExcel();
    const opened: string[] = [];
    const host = withNavigation(createExcelHost({ run: excel.run, isSetSupported: () => true }), {
      run: excel.run,
      isSetSupported: () => true,
      createWorkbook: async (base64) => {
        opened.push(base64);
      },
    });
    await host.render(buildPlan(unsegmented), await host.readWorkbook());
    const saved: ExportedFile[] = [];
    const result = await exportClientWorkbook(contextOf(host), (file) => saved.push(file));
    expect(saved).toEqual([]);
    expect(opened).toHaveLength(1);
    expect(await sheetsOf(opened[0])).toMatch(/Matrice.*Légende/);
    expect(plain(result.notices[0].text)).toMatch(
      /^Classeur client ouvert dans une nouvelle fenêtre Excel \(Matrice, Légende\)/
    );
  });

  it("follows what Excel supports: no opening before 1.8, no picture before 1.7", () => {
    const excel = new FakeExcel();
    const at = (version: string) =>
      withNavigation(createExcelHost({ run: excel.run, isSetSupported: () => true }), {
        run: excel.run,
        isSetSupported: (_set, asked) => Number(asked) <= Number(version),
        createWorkbook: async () => undefined,
      });
    expect([at("1.8").openWorkbook, at("1.8").rangeImage].map(Boolean)).toEqual([true, true]);
    expect([at("1.7").openWorkbook, at("1.7").rangeImage].map(Boolean)).toEqual([false, true]);
    expect([at("1.6").openWorkbook, at("1.6").rangeImage].map(Boolean)).toEqual([false, false]);
  });
});

describe("Excel's picture of the matrix", () => {
  it("covers the group labels, the headers, the scores and the colour samples", async () => {
    expect(matrixPictureRange(segmented)).toBe("A3:J11");
    const excel = new FakeExcel();
    const host = withNavigation(createExcelHost({ run: excel.run, isSetSupported: () => true }), {
      run: excel.run,
      isSetSupported: () => true,
    });
    await host.render(buildPlan(unsegmented), await host.readWorkbook());
    const saved: ExportedFile[] = [];
    const result = await exportRangeImage(contextOf(host), (file) => saved.push(file));
    expect(saved[0].mimeType).toBe("image/png");
    expect(saved[0].fileName).toBe("Etude-client-co-SOMME-A1-A3-excel.png");
    expect(Buffer.from(saved[0].data as Uint8Array).toString()).toBe("PNG of Matrice!A3:J11");
    expect(plain(result.notices[0].text)).toBe(
      "Image de la matrice, telle qu'Excel l'affiche, enregistrée : Etude-client-co-SOMME-A1-A3-excel.png."
    );
  });

  it("is not offered outside Excel", async () => {
    const host = createMemoryHost({ initialPlan: buildPlan(segmented) });
    expect(host.rangeImage).toBeUndefined();
    const result = await exportRangeImage(contextOf(host), () => undefined);
    expect(result.notices[0].intent).toBe("info");
  });
});
