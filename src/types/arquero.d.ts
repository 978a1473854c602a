// arquero's browser bundle (its default entry drags node:fs into the page): the same API as the package, as a default export.
declare module "arquero/dist/arquero.js" {
  import * as aq from "arquero";
  export default aq;
}
