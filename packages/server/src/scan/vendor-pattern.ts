// Cookie names as a vendor's `cookies` give them; URLs are matched by @torii/schema/host-pattern, as the gate does.

/** Whether a vendor's cookie `name` (a trailing `*` = a prefix, as `_ga_*`) covers the cookie `cookieName`. */
export function cookieNameMatches(name: string, cookieName: string): boolean {
  return name.endsWith('*') ? cookieName.startsWith(name.slice(0, -1)) : cookieName === name
}
