import {readFileSync} from "node:fs";
import {join} from "node:path";
import {ensureResearch, type ResearchFile} from "./research-tables.js";
import {PROJECT_ROOT, readSettings} from "./settings.js";

/** Body of a thin Framework loader: makes (or reuses) the research snapshot and writes one of its files to stdout. */
export async function writeResearchFile(name: ResearchFile): Promise<void> {
  const dir = await ensureResearch(readSettings().research, {
    log: (m) => console.error(m),
    codeDir: join(PROJECT_ROOT, "data-loaders")
  });
  process.stdout.write(readFileSync(join(dir, name)));
}
