import {setQuery} from "./url-input.js";

const NEXT = new Set(["ArrowRight", "ArrowDown", "PageDown", " "]);
const PREVIOUS = new Set(["ArrowLeft", "ArrowUp", "PageUp"]);

/** The figures a presentation steps through, in page order. */
function slides(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>("figure.workbench-figure")];
}

/** Index of the last figure whose top has reached the top of the screen; −1 while the reader is above the first. */
function currentSlide(all: HTMLElement[]): number {
  let current = -1;
  all.forEach((s, i) => {
    if (s.getBoundingClientRect().top <= 1) current = i;
  });
  return current;
}

function onKey(event: KeyboardEvent): void {
  // Typing in an input must still work in meeting mode.
  const target = event.target as HTMLElement | null;
  if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
  const step = NEXT.has(event.key) ? 1 : PREVIOUS.has(event.key) ? -1 : event.key === "Escape" ? 0 : null;
  if (step === null) return;
  event.preventDefault();
  if (step === 0) return setMeetingMode(false);
  const all = slides();
  if (!all.length) return;
  const next = Math.max(0, Math.min(all.length - 1, currentSlide(all) + step));
  all.forEach((s, i) => s.classList.toggle("current-slide", i === next));
  all[next].scrollIntoView({block: "start"});
}

/**
 * Meeting mode: large type, no sidebar, one figure per screen with its
 * caption; arrow keys, PageUp/PageDown (what clickers send) and space move
 * between figures, Escape leaves. The inputs keep their state, and the
 * `present` URL parameter makes a link open in this mode.
 */
export function setMeetingMode(on: boolean): void {
  document.documentElement.classList.toggle("present", on);
  const query = new URLSearchParams(window.location.search);
  if (on) query.set("present", "1");
  else query.delete("present");
  setQuery(query);
  window.removeEventListener("keydown", onKey);
  if (on) window.addEventListener("keydown", onKey);
  document.dispatchEvent(new CustomEvent("meetingmode", {detail: on}));
}

export function inMeetingMode(): boolean {
  return document.documentElement.classList.contains("present");
}
