// Starts the workbench: configuration, database, first admin and demo corpus, then the HTTP server.

import { readConfig, ConfigError } from './config.ts';
import { createApp } from './app.ts';
import { createI18n } from './http/i18n.ts';
import { openDatabase } from './db/open-database.ts';
import { defaultAligner, prepareWorkbench } from './services/workbench.ts';
import { configuredEngine } from './services/machine-translation.ts';

async function main(): Promise<void> {
  const config = readConfig();
  const db = openDatabase(config.dbFile);
  const report = await prepareWorkbench(db, config.adminPassword, defaultAligner);
  const app = createApp({
    db, i18n: await createI18n(), mt: configuredEngine(db, { url: config.mtUrl, apiKey: config.mtKey }), maxUpload: config.maxUpload,
  });
  const server = app.listen(config.port, () => {
    const url = `http://localhost:${config.port}`;
    console.log(`duiqi is serving ${url} (database ${config.dbFile})`);
    if (report.demoImported) console.log('Imported the demo corpus from corpus/.');
    if (report.generatedPassword) {
      console.log(`Log in as admin with the password ${report.generatedPassword} (shown only this once; set DUIQI_ADMIN_PASSWORD to choose it).`);
    } else if (report.adminCreated) {
      console.log('Log in as admin with the password from DUIQI_ADMIN_PASSWORD.');
    } else {
      console.log('Log in with your account (the first one is "admin").');
    }
  });
  server.on('error', (err: NodeJS.ErrnoException) => {
    console.error(err.code === 'EADDRINUSE' ? `Port ${config.port} is in use: set PORT to another port.` : `Cannot listen: ${err.message}`);
    process.exit(1);
  });
  const stop = () => server.close(() => { db.close(); process.exit(0); });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : `duiqi could not start: ${(err as Error).message}`);
  process.exit(1);
});
