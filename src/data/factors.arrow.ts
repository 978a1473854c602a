// Daily Fama/French factors (Mkt-RF, SMB, HML, RF as fractions); the work is in data-loaders/research*.ts.
import {writeResearchFile} from "../../data-loaders/research-loader.js";

await writeResearchFile("factors-daily.arrow");
