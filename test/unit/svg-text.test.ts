import { ELLIPSIS, elide, escapeXml, graphemes, textWidth, wrap } from "../../src/hosts/svg/text";

describe("escapeXml", () => {
  it("escapes the five XML specials and keeps everything else as typed", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a> =+-@ 👩‍💻 é`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt; =+-@ 👩‍💻 é"
    );
  });

  it("writes tabs and line breaks as references, and replaces what XML 1.0 forbids", () => {
    expect(escapeXml("a\tb\nc\rd")).toBe("a&#9;b&#10;c&#13;d");
    expect(escapeXml("a\u0001b\uFFFEc\uD800d")).toBe("a\uFFFDb\uFFFDc\uFFFDd");
  });
});

describe("elide and wrap", () => {
  it("keeps a text that fits, and cuts one that does not at a whole character, with an ellipsis", () => {
    expect(elide("Innover", 500, 20)).toEqual({ shown: "Innover", elided: false });
    const long = "👩‍💻".repeat(30);
    const { shown, elided } = elide(long, 200, 20);
    expect(elided).toBe(true);
    expect(shown.endsWith(ELLIPSIS)).toBe(true);
    const kept = graphemes(shown.slice(0, -1));
    expect(kept.every((part) => part === "👩‍💻")).toBe(true);
    expect(textWidth(shown, 20)).toBeLessThanOrEqual(200);
  });

  it("wraps at spaces, and says when the lines are not the text exactly", () => {
    expect(wrap("Hautes écoles", 300, 16, 3)).toEqual({ lines: ["Hautes écoles"], complete: true });
    const two = wrap("Structures de conseil et accompagnement", 150, 16, 3);
    expect(two.complete).toBe(true);
    expect(two.lines.join(" ")).toBe("Structures de conseil et accompagnement");
    expect(two.lines.length).toBeGreaterThan(1);
    const cut = wrap("un deux trois quatre cinq six sept huit neuf dix", 60, 16, 2);
    expect(cut.lines).toHaveLength(2);
    expect(cut.lines[1].endsWith(ELLIPSIS)).toBe(true);
    expect(cut.complete).toBe(false);
    expect(wrap("deux  espaces", 300, 16, 3).complete).toBe(false);
  });
});
