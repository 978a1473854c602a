// htl ships no types: the tagged template the components use, returning the element it builds.
declare module "htl" {
  export function html(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement;
}
