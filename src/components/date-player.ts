import {parseDay} from "../lib/dates.js";
import {inMeetingMode} from "./meeting-mode.js";

/** Options of datePlayer. */
interface DatePlayerOptions {
  /** The first date shown, YYYY-MM-DD (default: the last of the dates). */
  value?: string;
  label?: string;
  /** Milliseconds between two steps of Play. */
  delay?: number;
  /** Steps back Play starts from when the slider is already at the end. */
  rewind?: number;
  /** The element to show on the whole screen while Play runs in meeting mode. */
  stage?: () => Element | null;
}

/**
 * An as-of date that moves through time: a date box (any day), a slider
 * over the given closes and a Play button that steps the slider forward
 * until the last close or Pause. One input whose value is the date,
 * YYYY-MM-DD; each step is an input event, so the page redraws and the link
 * follows. In meeting mode Play first brings the stage to the screen and
 * keeps the controls at the foot of it.
 *
 * - value: the first date (default the last of `dates`)
 * - label: the label (default "As of")
 * - delay: ms between steps (default 700)
 * - rewind: steps back from the end where Play restarts (default 52)
 * - stage: the element meeting mode shows while playing (default none)
 */
export function datePlayer(
  dates: readonly string[],
  {value = dates.at(-1) ?? "", label = "As of", delay = 700, rewind = 52, stage}: DatePlayerOptions = {}
): HTMLFormElement & {value: string} {
  const form = document.createElement("form") as HTMLFormElement & {value: string};
  form.className = "date-player";
  form.onsubmit = (event) => event.preventDefault();
  const title = Object.assign(document.createElement("label"), {textContent: label});
  const box = Object.assign(document.createElement("input"), {
    type: "date",
    min: dates[0] ?? "",
    max: dates.at(-1) ?? ""
  });
  box.id = title.htmlFor = `date-player-${Math.random().toString(36).slice(2)}`;
  const slider = Object.assign(document.createElement("input"), {
    type: "range",
    min: "0",
    max: String(dates.length - 1),
    step: "1"
  });
  slider.setAttribute("aria-label", `${label}: step through the closes`);
  const play = Object.assign(document.createElement("button"), {type: "button", textContent: "Play", name: "play"});
  form.append(title, box, slider, play);

  let current = value;
  // The slider sits on the first close on or after the date: a day within a week is that week's point.
  const place = (date: string) => {
    let i = dates.findIndex((d) => d >= date);
    if (i < 0) i = dates.length - 1;
    slider.value = String(i);
    box.value = current = date;
  };
  Object.defineProperty(form, "value", {get: () => current, set: place});
  place(value);
  const changed = () => form.dispatchEvent(new Event("input", {bubbles: true}));

  slider.addEventListener("input", () => (box.value = current = dates[+slider.value]));
  box.addEventListener("input", (event) => {
    // A half-typed date is not a date yet: the page keeps its picture.
    if (Number.isNaN(parseDay(box.value))) return event.stopPropagation();
    place(box.value);
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
    play.textContent = "Play";
    if (!form.classList.contains("playing")) return;
    form.classList.remove("playing");
    // The controls go back into the page above the stage and would push it down: the picture stays where it was.
    stage?.()?.scrollIntoView({block: "start"});
  };
  const step = () => {
    // A page that re-ran this cell has a new player; this one stops.
    if (!form.isConnected || +slider.value >= dates.length - 1) return stop();
    place(dates[+slider.value + 1]);
    changed();
    timer = setTimeout(step, delay);
  };
  play.onclick = () => {
    if (timer !== undefined) return stop();
    if (+slider.value >= dates.length - 1) {
      place(dates[Math.max(0, dates.length - 1 - rewind)]);
      changed();
    }
    play.textContent = "Pause";
    if (inMeetingMode()) {
      form.classList.add("playing");
      stage?.()?.scrollIntoView({block: "start"});
    }
    timer = setTimeout(step, delay);
  };
  return form;
}
