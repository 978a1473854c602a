// @observablehq/inputs ships no types; the few functions our components call, typed loosely.
declare module "@observablehq/inputs" {
  type Input = HTMLElement & {value: any};
  export function range(extent: [number, number], options?: Record<string, unknown>): Input;
  export function radio(data: Iterable<unknown>, options?: Record<string, unknown>): Input;
  export function checkbox(data: Iterable<unknown>, options?: Record<string, unknown>): Input;
  export function number(extent?: [number, number] | Record<string, unknown>, options?: Record<string, unknown>): Input;
  export function select(data: Iterable<unknown>, options?: Record<string, unknown>): Input;
  export function text(options?: Record<string, unknown>): Input;
  export function button(content?: unknown, options?: Record<string, unknown>): Input;
  export function toggle(options?: Record<string, unknown>): Input;
}
