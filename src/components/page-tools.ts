import {inMeetingMode, setMeetingMode} from "./meeting-mode.js";

/** Copies text to the clipboard, falling back to a selected text field where the Clipboard API is refused (plain http). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement("textarea");
    field.value = text;
    document.body.append(field);
    field.select();
    const ok = document.execCommand("copy");
    field.remove();
    return ok;
  }
}

/**
 * The page's sharing controls: copy the link to this exact view, meeting
 * mode on and off, and print. Opening a link with `present=1` (or a bare
 * `present`) starts in meeting mode; `present=0` or `present=false` does not.
 */
export function pageTools(): HTMLElement {
  const bar = document.createElement("div");
  bar.className = "workbench-tools";
  const button = (label: string, onclick: (b: HTMLButtonElement) => void, name: string) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.name = name;
    b.onclick = () => onclick(b);
    bar.append(b);
    return b;
  };
  button(
    "Copy link",
    async (b) => {
      const ok = await copyText(window.location.href);
      b.textContent = ok ? "Link copied" : "Copy failed: use the address bar";
      setTimeout(() => (b.textContent = "Copy link"), 2000);
    },
    "copy-link"
  );
  const present = button(
    inMeetingMode() ? "Leave meeting mode" : "Meeting mode",
    () => setMeetingMode(!inMeetingMode()),
    "present"
  );
  document.addEventListener(
    "meetingmode",
    (e) => (present.textContent = (e as CustomEvent).detail ? "Leave meeting mode" : "Meeting mode")
  );
  button("Print", () => window.print(), "print");
  if (presentRequested(window.location.search) && !inMeetingMode()) setMeetingMode(true);
  present.textContent = inMeetingMode() ? "Leave meeting mode" : "Meeting mode";
  return bar;
}

/** Whether a query asks for meeting mode: `present`, `present=1`, `present=true`; not `present=0`, `present=false`, `present=no`. */
export function presentRequested(search: string): boolean {
  const value = new URLSearchParams(search).get("present");
  return value !== null && !/^(0|false|no|off)$/i.test(value.trim());
}
