// Annual Fama/French factors (Mkt-RF, SMB, HML, RF as fractions; French's January-December table, dated 31 December).
import {writeResearchFile} from "../../data-loaders/research-loader.js";

await writeResearchFile("factors-annual.arrow");
