import type {Scoreboard} from "../lib/scoreboard.js";

/**
 * What close a scoreboard's figures are to, in words: the as-of close, the
 * close before a non-trading day, or the last close when the date asked for
 * is after the data; then the funds whose own last close differs (scored to
 * the common close, or not ranked). Text only: dates and tickers never
 * reach the DOM as markup.
 *
 * - asOf: the date the reader asked for, YYYY-MM-DD
 */
export function asOfNote(board: Pick<Scoreboard, "close" | "clamped" | "offDay">, {asOf}: {asOf: string}): HTMLElement {
  const el = document.createElement("div");
  el.className = "asof";
  if (!board.close) return el;
  const p = document.createElement("p");
  p.className = "asof-note";
  const strong = (text: string) => Object.assign(document.createElement("strong"), {textContent: text});
  const later = board.offDay.filter((f) => f.ranked);
  const earlier = board.offDay.filter((f) => !f.ranked);
  if (board.clamped)
    p.append(strong(asOf), " is after the last close in the data: figures use the close of ", strong(board.close), ".");
  else if (later.length)
    p.append(
      "As of ",
      strong(asOf),
      ": figures use the close of ",
      strong(board.close),
      ", the last close the funds share."
    );
  else if (board.close !== asOf)
    p.append(strong(asOf), " is not a trading day in the data: figures use the close of ", strong(board.close), ".");
  else p.append("As of the close of ", strong(board.close), ".");
  el.append(p);
  if (later.length || earlier.length) {
    const note = document.createElement("p");
    note.className = "note off-day";
    note.setAttribute("role", "status");
    const list = (fs: typeof later) => fs.map((f) => `${f.ticker} (last close ${f.lastClose})`).join(", ");
    note.textContent = [
      earlier.length
        ? `Not ranked: ${list(earlier)}: ${earlier.length === 1 ? "its data end" : "their data end"} before ${board.close}, the close the other funds share, so ${earlier.length === 1 ? "its figures" : "theirs"} would not compare like for like.`
        : "",
      later.length
        ? `${list(later)} ${later.length === 1 ? "has" : "have"} closes after ${board.close}: scored to ${board.close} like the others.`
        : ""
    ]
      .filter(Boolean)
      .join(" ");
    el.append(note);
  }
  return el;
}
