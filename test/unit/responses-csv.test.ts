/** The CSV reader of response files: RFC 4180, French Excel's `;`, a byte order mark, bounded. */
import { detectSeparator, parseCsv } from "../../src/analysis/csv";

describe("parseCsv", () => {
  it("reads quoted fields with separators, doubled quotes and line breaks inside", () => {
    const text = 'a,"b, c","say ""hi"""\r\n"two\r\nlines",,x\n';
    expect(parseCsv(text, 100)).toEqual({
      rows: [
        ["a", "b, c", 'say "hi"'],
        ["two\r\nlines", "", "x"],
      ],
      separator: ",",
    });
  });

  it("takes `;` as French Excel writes it, and skips the byte order mark", () => {
    expect(parseCsv("\uFEFFrépondant;clientèle\r\n1;Cafés, bars", 100)).toEqual({
      rows: [
        ["répondant", "clientèle"],
        ["1", "Cafés, bars"],
      ],
      separator: ";",
    });
    expect(detectSeparator('"a;b;c",d\n')).toBe(",");
    expect(detectSeparator("a\tb\tc,d\n")).toBe("\t");
  });

  it("keeps empty lines and a trailing separator as Excel shows them, and a final line break ends nothing", () => {
    expect(parseCsv("a;b\n\nc;\n", 100)).toEqual({
      rows: [["a", "b"], [""], ["c", ""]],
      separator: ";",
    });
    expect(parseCsv("", 100)).toEqual({ rows: [], separator: "," });
  });

  it("refuses a quote left open, or text glued after a closing quote, naming the line", () => {
    expect(parseCsv('a,b\nc,"open\n\nstill', 100)).toEqual({ failure: "open-quote", line: 2 });
    expect(parseCsv('a,b\n\n"x"y,z', 100)).toEqual({ failure: "text-after-quote", line: 3 });
  });

  it("stops at the cap on cells, in time proportional to the text", () => {
    expect(parseCsv("a,b,c\nd,e,f\n", 5)).toEqual({ failure: "too-many-cells", limit: 5 });
    // A hostile shape for a backtracking parser: quotes and separators by the hundred thousand.
    const hostile = '"'.repeat(200001) + ",".repeat(100000);
    expect(parseCsv(hostile, 1000000)).toEqual({ failure: "open-quote", line: 1 });
  });
});
