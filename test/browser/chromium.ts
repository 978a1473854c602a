import {existsSync} from "node:fs";
import {chromium, type Browser} from "playwright-core";

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable"
];

/** Path of a Chromium or Chrome on this machine, or null (tests then skip and say how to install one). */
export function findChromium(): string | null {
  return CANDIDATES.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export const INSTALL_HINT =
  "no Chromium found: install Debian's (sudo apt-get install -y chromium) or set CHROMIUM_PATH; browser tests skipped";

/** Launches headless Chromium with the flags this closed network needs (docs/architecture.md); never downloads a browser. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      "--disable-dev-shm-usage"
    ]
  });
}
