import {homedir} from "node:os";
import {basename, isAbsolute, relative, sep} from "node:path";
import {PROJECT_ROOT} from "./settings.js";

/**
 * `value` with this machine's folder paths replaced, in every string inside
 * it, by what a reader of the published site may see: a folder inside the
 * project by its path relative to the project, any other by its name alone,
 * and the home folder as "~". Metadata written for the site goes through
 * this, since it ends up in dist/.
 * - dirs: the folders messages may name (data, cache and research folders)
 * - root: the project folder, PROJECT_ROOT
 */
export function publicPaths<T>(
  value: T,
  {dirs = [], root = PROJECT_ROOT}: {dirs?: (string | null)[]; root?: string} = {}
): T {
  const display = (dir: string) => {
    const inside = relative(root, dir);
    return inside === "" ? "." : !inside.startsWith("..") && !isAbsolute(inside) ? inside : basename(dir);
  };
  const pairs: [string, string][] = [
    ...dirs.filter((d): d is string => !!d && isAbsolute(d)).map((d): [string, string] => [d, display(d)]),
    [root + sep, ""],
    [root, "."],
    [homedir(), "~"]
  ];
  // Longest first, so that a folder inside another is named by its own display.
  pairs.sort((a, b) => b[0].length - a[0].length);
  const clean = (text: string) => pairs.reduce((t, [from, to]) => (from.length > 1 ? t.split(from).join(to) : t), text);
  const walk = (v: unknown): unknown =>
    typeof v === "string"
      ? clean(v)
      : Array.isArray(v)
        ? v.map(walk)
        : v !== null && typeof v === "object"
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
          : v;
  return walk(value) as T;
}
