// One ticker's prices for the preview (`npm start`), by the name meta.json gives it; the build copies the same files
// itself (data-loaders/price-files.ts, docs/architecture.md).
import {readFileSync} from "node:fs";
import {parseArgs} from "node:util";
import {findPriceFile} from "../../../data-loaders/price-files.js";
import {readSettings} from "../../../data-loaders/settings.js";

const {file} = parseArgs({options: {file: {type: "string"}}}).values;
const path = findPriceFile(readSettings().cacheDir, `${file}.arrow`);
if (!path) throw new Error(`no price file ${file}.arrow in the snapshots: run npm run data -- prepare`);
process.stdout.write(readFileSync(path));
