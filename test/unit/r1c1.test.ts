import { toR1C1 } from "../../src/layout/r1c1";

describe("toR1C1", () => {
  it.each([
    ["C6", 6, 3, "RC"],
    ["C$5", 6, 3, "R5C"],
    ["$A6", 6, 3, "RC1"],
    ["$B$9", 6, 3, "R9C2"],
    ["D8", 6, 3, "R[2]C[1]"],
    ["A1", 6, 3, "R[-5]C[-2]"],
    ["'Qui ressent quoi'!C6", 6, 3, "'Qui ressent quoi'!RC"],
    ["Matrix!$C$6:$O$18", 6, 3, "Matrix!R6C3:R18C15"],
    ["'A1''s'!B2", 2, 2, "'A1''s'!RC"],
  ])("%s at row %i, column %i is %s", (a1, row, col, r1c1) => {
    expect(toR1C1(a1, row, col)).toBe(r1c1);
  });

  it("leaves text, names and functions alone", () => {
    expect(
      toR1C1(
        'IF(UPPER(TRIM(C6))<>"X C6","",LOG10(SM_Weight1)*ROUND(E6,0)+SM_RatingClienteles)',
        6,
        3
      )
    ).toBe('IF(UPPER(TRIM(RC))<>"X C6","",LOG10(SM_Weight1)*ROUND(RC[2],0)+SM_RatingClienteles)');
  });
});
