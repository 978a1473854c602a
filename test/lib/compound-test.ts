import {describe, it, expect} from "vitest";
import {compoundIndex} from "../../src/lib/compound.js";

describe("compoundIndex(returns)", () => {
  it("is the running product of 1 + r, so a ratio of two values is the compounded return between them", () => {
    const out = compoundIndex([0.1, -0.5, 0.2]);
    expect(out[0]).toBeCloseTo(1.1, 14);
    expect(out[1]).toBeCloseTo(0.55, 14);
    expect(out[2]).toBeCloseTo(0.66, 14);
    expect(out[2] / out[0] - 1).toBeCloseTo(0.5 * 1.2 - 1, 14);
  });
  it("is NaN on a NaN return and resumes from the last level", () => {
    const out = compoundIndex([NaN, 0.1, NaN, 0.1]);
    expect(out[0]).toBeNaN();
    expect(out[2]).toBeNaN();
    expect(out[3]).toBeCloseTo(1.21, 14);
  });
  it("is empty for no returns", () => {
    expect(compoundIndex([]).length).toBe(0);
  });
});
