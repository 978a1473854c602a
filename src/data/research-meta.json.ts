// Provenance of the research series (French, FRED): source, vintage, dates, warnings; the work is in data-loaders/research*.ts.
import {writeResearchFile} from "../../data-loaders/research-loader.js";

await writeResearchFile("research-meta.json");
