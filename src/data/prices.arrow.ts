// Long-format daily prices of the configured universe (docs/architecture.md); the work is in data-loaders/.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {readSettings} from "../../data-loaders/settings.js";
import {ensureSnapshot} from "../../data-loaders/snapshot.js";

const dir = await ensureSnapshot(readSettings(), {log: (m) => console.error(m)});
process.stdout.write(readFileSync(join(dir, "prices.arrow")));
