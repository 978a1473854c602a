// Monthly macro at month ends: fed funds, 10y yield, INDPRO; the work is in data-loaders/research*.ts.
import {writeResearchFile} from "../../data-loaders/research-loader.js";

await writeResearchFile("macro.arrow");
