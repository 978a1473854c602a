import {describe, it, expect} from "vitest";
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {relativeStrength, logRelativeStrength} from "../../src/lib/relative-strength.js";
import {alignOnCommonDates} from "../../src/lib/align.js";
import {totalReturnIndex} from "../../src/lib/total-return.js";
import {parseDay, indexOnOrBefore} from "../../src/lib/dates.js";
import {indexWithGaps} from "./kernel-fixtures.js";

describe("relativeStrength(small, large, {start})", () => {
  it("is 1 at the base and (small growth) / (large growth) after it", () => {
    const out = relativeStrength([10, 11, 12.1], [100, 105, 110.25]);
    expect(out[0]).toBe(1);
    expect(out[1]).toBeCloseTo(1.1 / 1.05, 14);
    expect(out[2]).toBeCloseTo(1.21 / 1.1025, 14);
  });
  it("rebases at the first position ≥ start where both are valid, NaN before it and at gaps", () => {
    const out = relativeStrength([1, 2, NaN, 4, 8, NaN, 16], [1, 1, 2, 2, 2, 2, 4], {start: 1});
    expect(Array.from(out)).toEqual([NaN, 1, NaN, 1, 2, NaN, 2]);
  });
  it("is above 1 when small caps gained more, below 1 when they lagged", () => {
    expect(relativeStrength([1, 1.2], [1, 1.1])[1]).toBeGreaterThan(1);
    expect(relativeStrength([1, 1.0], [1, 1.1])[1]).toBeLessThan(1);
  });
  it("logRelativeStrength is log(relativeStrength): 0 at the base, symmetric for doubling and halving", () => {
    const out = logRelativeStrength([1, 2, 0.5], [1, 1, 1]);
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo(-out[2], 14);
    const small = indexWithGaps(30, {seed: 41});
    const large = indexWithGaps(30, {seed: 42});
    const rs = relativeStrength(small, large, {start: 3});
    logRelativeStrength(small, large, {start: 3}).forEach((v, i) => {
      if (Number.isNaN(rs[i])) expect(v).toBeNaN();
      else expect(v).toBeCloseTo(Math.log(rs[i]), 14);
    });
  });
  it("is all NaN when no common valid value exists at/after start, or start ≥ n; empty for empty input", () => {
    expect(Array.from(relativeStrength([1, NaN], [NaN, 1]))).toEqual([NaN, NaN]);
    expect(Array.from(relativeStrength([1, 2], [1, 2], {start: 5}))).toEqual([NaN, NaN]);
    expect(relativeStrength([], []).length).toBe(0);
  });
  it("rejects a bad start and mismatched lengths", () => {
    expect(() => relativeStrength([1], [1], {start: -1})).toThrow("invalid start: -1");
    expect(() => relativeStrength([1], [1], {start: 0.5})).toThrow("invalid start: 0.5");
    expect(() => relativeStrength([1, 2], [1])).toThrow("length mismatch: 2 vs 1");
  });
});

const dir = path.resolve(import.meta.dirname, "../../../shared/data");
if (!existsSync(dir))
  console.warn(`relative-strength-test: ${dir} is absent, skipping the IJR vs IVV checks on real data`);

// A tiny parse of the Date and AdjClose columns of the shared price CSVs.
function readAdjClose(ticker: string) {
  const [header, ...lines] = readFileSync(path.join(dir, "prices", `${ticker}.csv`), "utf8")
    .trim()
    .split("\n");
  const columns = header.split(",");
  const [d, a] = [columns.indexOf("Date"), columns.indexOf("AdjClose")];
  const rows = lines.map((line) => line.split(","));
  return {date: Float64Array.from(rows, (r) => parseDay(r[d])), adjClose: Float64Array.from(rows, (r) => +r[a])};
}

describe.skipIf(!existsSync(dir))("relativeStrength on real data: IJR vs IVV", () => {
  const ijr = readAdjClose("IJR");
  const ivv = readAdjClose("IVV");
  const {date, values} = alignOnCommonDates([
    {date: ijr.date, values: [ijr.adjClose]},
    {date: ivv.date, values: [ivv.adjClose]}
  ]);
  const small = totalReturnIndex(values[0][0], {adjClose: values[0][0]});
  const large = totalReturnIndex(values[1][0], {adjClose: values[1][0]});
  const at = (day: string) => indexOnOrBefore(date, parseDay(day));

  it("on 2026-02-03 rebased at 2025-12-31 equals (1 + IJR ytd) / (1 + IVV ytd) from AdjClose", () => {
    const base = at("2025-12-31");
    const day = at("2026-02-03");
    expect(date[base]).toBe(parseDay("2025-12-31"));
    expect(date[day]).toBe(parseDay("2026-02-03"));
    const rowOf = (s: {date: Float64Array}, t: string) => s.date.indexOf(parseDay(t));
    const ijrYtd = ijr.adjClose[rowOf(ijr, "2026-02-03")] / ijr.adjClose[rowOf(ijr, "2025-12-31")] - 1;
    const ivvYtd = ivv.adjClose[rowOf(ivv, "2026-02-03")] / ivv.adjClose[rowOf(ivv, "2025-12-31")] - 1;
    const rs = relativeStrength(small, large, {start: base});
    expect(rs[base]).toBe(1);
    expect(rs[day]).toBeCloseTo((1 + ijrYtd) / (1 + ivvYtd), 12);
    // Sanity: IJR 119.99 → 128.04 (+6.7%), IVV 683.12 → 690.73 (+1.1%): small caps about 5.5% ahead.
    expect(rs[day]).toBeGreaterThan(1.03);
    expect(rs[day]).toBeLessThan(1.08);
  });
  it("stays within a plausible range since 2005 (IJR and IVV never diverge tenfold)", () => {
    const rs = relativeStrength(small, large);
    const finite = Array.from(rs).filter(Number.isFinite);
    expect(finite.length).toBeGreaterThan(5000);
    expect(Math.min(...finite)).toBeGreaterThan(0.3);
    expect(Math.max(...finite)).toBeLessThan(3);
  });
});
