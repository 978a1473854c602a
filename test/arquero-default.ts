// arquero's browser bundle as Node sees it: pages import "arquero/dist/arquero.js" (its default entry drags node:fs
// into the browser), a UMD file whose default export only a bundler gives; the unit tests map it to the package.
import * as aq from "arquero";
export default aq;
