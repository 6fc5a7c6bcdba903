/**
 * @jest-environment jsdom
 *
 * The threshold beside *Intégrer les réponses*: a whole number of per cent from 1 to 100, handed to
 * the integration as a share; anything else is said under the field and the button does nothing.
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ResponsesAction, thresholdOfPercent } from "../../src/taskpane/ResponsesAction";

describe("thresholdOfPercent", () => {
  it.each([
    ["50", 0.5],
    [" 70 ", 0.7],
    ["1", 0.01],
    ["100", 1],
  ])("reads %p as %p", (typed, share) => expect(thresholdOfPercent(typed)).toBe(share));

  it.each(["", "0", "101", "50.5", "-5", "1e2", "abc", "0050"])("refuses %p", (typed) =>
    expect(thresholdOfPercent(typed)).toBeUndefined()
  );
});

describe("ResponsesAction", () => {
  function shown(run: (threshold: number) => void) {
    render(
      <FluentProvider theme={webLightTheme}>
        <ResponsesAction language="fr" enabled run={run} />
      </FluentProvider>
    );
    return {
      field: screen.getByLabelText(/Cocher à partir de/),
      button: screen.getByRole("button", { name: "Intégrer les réponses" }),
    };
  }

  it("integrates with 50 % by default and with the threshold typed", () => {
    const run = jest.fn();
    const { field, button } = shown(run);
    fireEvent.click(button);
    fireEvent.change(field, { target: { value: "75" } });
    fireEvent.click(button);
    expect(run.mock.calls).toEqual([[0.5], [0.75]]);
  });

  it("says what to type and does not integrate with a threshold out of range", () => {
    const run = jest.fn();
    const { field, button } = shown(run);
    fireEvent.change(field, { target: { value: "150" } });
    expect(screen.getByText("Un nombre entier de 1 à 100.")).toBeTruthy();
    fireEvent.click(button);
    expect(run).not.toHaveBeenCalled();
  });
});
