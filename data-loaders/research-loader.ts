import {readFileSync} from "node:fs";
import {join} from "node:path";
import {readSettings} from "./settings.js";
import {readResearchSettings} from "./research.js";
import {ensureResearch, type ResearchFile} from "./research-tables.js";
import {PROJECT_ROOT} from "./settings.js";

/** Body of a thin Framework loader: makes (or reuses) the research snapshot and writes one of its files to stdout. */
export async function writeResearchFile(name: ResearchFile): Promise<void> {
  const settings = readResearchSettings(process.env, {cacheDir: readSettings().cacheDir});
  const dir = await ensureResearch(settings, {
    log: (m) => console.error(m),
    codeDir: join(PROJECT_ROOT, "data-loaders")
  });
  process.stdout.write(readFileSync(join(dir, name)));
}
