// Monthly small and big BE/ME (5x5 quintiles, 2x3 halves), their ratios, size-sorted returns; the work is in data-loaders/research*.ts.
import {writeResearchFile} from "../../data-loaders/research-loader.js";

await writeResearchFile("valuation.arrow");
