// Monthly Fama/French factors since 1926 (fractions); the work is in data-loaders/research*.ts.
import {writeResearchFile} from "../../data-loaders/research-loader.js";

await writeResearchFile("factors-monthly.arrow");
