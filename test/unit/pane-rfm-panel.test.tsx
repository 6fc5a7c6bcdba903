/**
 * @jest-environment jsdom
 *
 * The pane's Clients RFM panel over the preview's memory host: the selection's columns guessed
 * and shown in dropdowns for the consultant to confirm, a wrong choice said before anything is
 * read, then the RFM sheets written and the pane saying so.
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { buildPlan } from "../../src/layout";
import { createMemoryHost, MemoryHost } from "../../src/hosts/preview/memory-host";
import { App } from "../../src/taskpane/App";
import { rfmPaneTexts } from "../../src/i18n/pane-rfm";
import { warnedStudy } from "../support/advice-studies";

const texts = rfmPaneTexts("fr");
// jsdom has no structuredClone; Node's is the same algorithm.
globalThis.structuredClone ??= (value) => JSON.parse(JSON.stringify(value));

/** A study, and a sheet of the consultant's holding transactions, selected. */
async function hostWithSales(): Promise<{ host: MemoryHost; sales: string }> {
  const study = warnedStudy("fr");
  const host = createMemoryHost({ initialPlan: buildPlan(study) });
  const first = (await host.readWorkbook()).sheets[0].name;
  const sales = host.workbook.keepCopy(first, "Ventes");
  const held = host.workbook.getState().sheets.find((s) => s.name === sales)!;
  held.values.forEach((line, r) =>
    line.forEach((value, c) => {
      if (value !== null) host.workbook.edit(sales, r + 1, c + 1, "");
    })
  );
  const rows = [
    ["Montant TTC", "Date d'achat", "Code client", "Magasin"],
    [10, "2025-01-02", "A", "Lyon"],
    [12, "2025-01-03", "B", "Lyon"],
    [30, "2025-02-03", "B", "Paris"],
  ];
  rows.forEach((line, r) =>
    line.forEach((value, c) => host.workbook.edit(sales, r + 1, c + 1, value))
  );
  await host.selectRange({ sheet: sales, cell: "A1:D4" });
  return { host, sales };
}

const select = (label: string) => screen.getByLabelText(label) as HTMLSelectElement;

it("guesses the columns, lets the consultant confirm them, and writes the RFM sheets", async () => {
  const { host, sales } = await hostWithSales();
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} language="fr" preview={false} />
    </FluentProvider>
  );
  const read = await screen.findByRole("button", { name: texts.readSelection });
  await waitFor(() => expect(read.outerHTML).not.toContain("disabled"));
  await act(async () => fireEvent.click(read));
  await screen.findByText(texts.table(`'${sales}'!A1:D4`, 3).replace(/ /g, " "), {
    normalizer: (text) => text.replace(/[\u00a0\u202f]/g, " "),
  });
  expect(select("Identifiant client").value).toBe("Code client");
  expect(select("Date").value).toBe("Date d'achat");
  expect(select("Montant").value).toBe("Montant TTC");
  expect([...select("Montant").options].map((o) => o.value)).toEqual([
    "",
    "Montant TTC",
    "Date d'achat",
    "Code client",
    "Magasin",
  ]);

  // The same column twice: said, nothing written.
  fireEvent.change(select("Montant"), { target: { value: "Code client" } });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: texts.run })));
  await screen.findByText(texts.sameColumn);
  expect(host.workbook.getState().sheets.map((s) => s.name)).not.toContain("Clients RFM");

  fireEvent.change(select("Montant"), { target: { value: "Montant TTC" } });
  fireEvent.change(screen.getByLabelText(/Date d'analyse/), { target: { value: "2025-03-01" } });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: texts.run })));
  await screen.findByText(/2 clients notés sur 3 lignes lues, date d'analyse 2025-03-01/, {
    normalizer: (text) => text.replace(/[\u00a0\u202f]/g, " "),
  });
  expect(host.workbook.getState().sheets.map((s) => s.name)).toEqual(
    expect.arrayContaining([sales, "Clients RFM", "Synthèse RFM"])
  );
  // Done: the panel is back to its first button.
  expect(screen.getByRole("button", { name: texts.readSelection })).toBeTruthy();
});

it("offers the clientèle as a fourth dropdown, empty at first, and quantifies with it", async () => {
  const { host } = await hostWithSales();
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} language="fr" preview={false} />
    </FluentProvider>
  );
  const read = await screen.findByRole("button", { name: texts.readSelection });
  await waitFor(() => expect(read.outerHTML).not.toContain("disabled"));
  await act(async () => fireEvent.click(read));
  const clientele = await screen.findByLabelText(texts.clienteleLabel);
  expect((clientele as HTMLSelectElement).value).toBe("");
  fireEvent.change(clientele, { target: { value: "Magasin" } });
  fireEvent.change(screen.getByLabelText(/Date d'analyse/), { target: { value: "2025-03-01" } });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: texts.run })));
  // Lyon and Paris are not clientèles of the study: said, with their buying customers.
  await screen.findByText(/la clientèle « Lyon » des données n'est pas une clientèle de l'étude/, {
    normalizer: (text) => text.replace(/[\u00a0\u202f]/g, " "),
  });
  expect(host.workbook.getState().sheets.map((s) => s.name)).toContain("Clients RFM");
});
