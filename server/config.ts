// Reads and checks the environment; an invalid value stops start-up with one clear line.

export interface Config {
  port: number;
  dbFile: string;
  adminPassword: string | undefined;
  /** A LibreTranslate-compatible server; without one the offline gloss engine drafts. */
  mtUrl: string | undefined;
  mtKey: string | undefined;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535, not "${portText}".`);
  }
  const dbFile = env.DUIQI_DB ?? 'data/duiqi.sqlite';
  if (!dbFile.trim()) throw new ConfigError('DUIQI_DB must name a file, not be empty.');
  const adminPassword = env.DUIQI_ADMIN_PASSWORD;
  if (adminPassword !== undefined && adminPassword.length < 8) {
    throw new ConfigError('DUIQI_ADMIN_PASSWORD must have at least 8 characters.');
  }
  const mtUrl = env.DUIQI_MT_URL || undefined;
  if (mtUrl && !/^https?:\/\/[^\s]+$/.test(mtUrl)) throw new ConfigError(`DUIQI_MT_URL must be an http(s) URL, not "${mtUrl}".`);
  return { port, dbFile, adminPassword, mtUrl, mtKey: env.DUIQI_MT_KEY || undefined };
}
