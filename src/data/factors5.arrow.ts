// Daily Fama/French five factors (Mkt-RF, SMB, HML, RMW, CMA, RF as fractions, the five-factor file's own SMB and HML).
import {writeResearchFile} from "../../data-loaders/research-loader.js";

await writeResearchFile("factors5-daily.arrow");
