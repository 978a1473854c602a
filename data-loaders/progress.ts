import type {ProgressEvent} from "./types.js";

const WIDTH = 20;
const STEPS: Record<ProgressEvent["phase"], number> = {start: 0.3, retry: 0.5, done: 1, error: 1};

/**
 * A progress bar per ticker on a terminal (redrawn in place), or one line per
 * event when the output is a log file or CI, where redrawing would garble it.
 */
export function progressBoard(tickers: readonly string[], stream: NodeJS.WriteStream) {
  const state = new Map(tickers.map((t) => [t, {fraction: 0, label: "waiting"}]));
  const tty = stream.isTTY === true;
  let drawn = 0;
  const draw = () => {
    if (drawn) stream.write(`\x1b[${drawn}A`);
    for (const [ticker, {fraction, label}] of state) {
      const filled = Math.round(fraction * WIDTH);
      stream.write(`\x1b[2K${ticker.padEnd(7)}[${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${label}\n`);
    }
    drawn = state.size;
  };
  return {
    update(event: ProgressEvent) {
      const label =
        event.phase === "retry"
          ? `retrying: ${event.message ?? ""}`
          : event.phase === "error"
            ? `failed: ${event.message ?? ""}`
            : event.phase === "done"
              ? "done"
              : "fetching";
      state.set(event.ticker, {fraction: STEPS[event.phase], label});
      if (tty) draw();
      else stream.write(`${event.ticker}: ${label}\n`);
    },
    log(message: string) {
      if (tty && drawn) {
        stream.write(`\x1b[${drawn}A\x1b[J`);
        drawn = 0;
      }
      stream.write(`${message}\n`);
      if (tty) draw();
    },
    finish() {
      if (tty) draw();
    }
  };
}
