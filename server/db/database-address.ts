// A database address is a PostgreSQL URL (postgres://…) or the path of a SQLite file.

export const isPostgresUrl = (address: string): boolean => /^postgres(?:ql)?:\/\//i.test(address);

/** The address as a log line may show it: a URL without its password. */
export function shownAddress(address: string): string {
  if (!isPostgresUrl(address)) return address;
  try {
    const url = new URL(address);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'a PostgreSQL database';
  }
}
