// What every page template needs from the request: translation, user, CSRF token, language.

export interface ViewContext {
  t: (key: string, options?: Record<string, unknown>) => string;
  lang: string;
  csrfToken: string;
  user: { name: string; role: string } | null;
  path: string;
}
