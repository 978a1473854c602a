import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {extname, join, normalize} from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".arrow": "application/vnd.apache.arrow.file",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2"
};

/**
 * Serves a built site on 127.0.0.1 the way an ordinary static host does
 * (file, else file.html, else dir/index.html), optionally under a sub-path.
 */
export async function serveStatic(
  root: string,
  {base = "/"}: {base?: string} = {}
): Promise<{server: Server; url: string}> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    if (!path.startsWith(base)) return void response.writeHead(404).end("not found");
    const relative = normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, "");
    const candidates = [join(root, relative), join(root, `${relative}.html`), join(root, relative, "index.html")];
    const file = candidates.find((f) => existsSync(f) && statSync(f).isFile());
    if (!file) return void response.writeHead(404).end("not found");
    response.writeHead(200, {"content-type": TYPES[extname(file)] ?? "application/octet-stream"});
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("server has no port");
  return {server, url: `http://127.0.0.1:${address.port}${base}`};
}
