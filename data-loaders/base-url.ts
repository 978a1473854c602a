/**
 * A configured provider base URL, checked: http or https with a host, and no
 * user name or password, which would be sent to every request's log line and
 * error message and from there into the published meta.json. Trailing
 * slashes are removed. Throws naming the setting, never echoing the secret.
 * - name: the setting, for the message (e.g. WORKBENCH_YAHOO_URL)
 */
export function checkBaseUrl(url: string, {name}: {name: string}): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`invalid ${name} "${url}": give an http:// or https:// address`);
  }
  if (parsed.username || parsed.password) {
    parsed.username = parsed.password = "";
    throw new Error(
      `${name} carries a user name or password (user:pass@…), which would end up in logs and the published site: ` +
        `remove it (${parsed.href.replace(/\/+$/, "")} without them); the providers need no login`
    );
  }
  if (!/^https?:$/.test(parsed.protocol) || !parsed.host)
    throw new Error(`invalid ${name} "${url}": give an http:// or https:// address`);
  return url.replace(/\/+$/, "");
}
