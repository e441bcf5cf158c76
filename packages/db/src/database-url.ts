/**
 * A DATABASE_URL fit for a log line or the start banner: a PostgreSQL URL's password is masked, since
 * whoever reads the console output need not be able to connect with it. Anything else is shown as is.
 */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
