// Start-up recipe shared by the server and the CLI: open the database, make sure the admin and demo exist.

import type { Store } from '../db/store.ts';
import { accounts } from './accounts.ts';
import { documents } from './documents.ts';
import { importDemoCorpus } from './import-document.ts';
import { glossary } from './glossary.ts';
import type { Aligner } from '../domain/assemble-pairs.ts';
import { align } from '../align/align.ts';
import { loadAlignResources } from '../align/load-resources.ts';

export function defaultAligner(): Aligner {
  const resources = loadAlignResources();
  return (src, tgt) => align(src, tgt, resources);
}

export interface StartupReport {
  adminCreated: boolean;
  generatedPassword?: string;
  demoImported: boolean;
}

/** On an empty database: the admin account (password given or generated) and the demo document. */
export async function prepareWorkbench(store: Store, adminPassword: string | undefined, aligner: () => Aligner): Promise<StartupReport> {
  const admin = await accounts(store).ensureAdmin(adminPassword);
  const demoImported = (await documents(store).count()) === 0;
  if (demoImported) {
    await importDemoCorpus({ store, align: aligner() });
    await glossary(store).seedDemo();
  }
  return { adminCreated: admin.created, ...(admin.password ? { generatedPassword: admin.password } : {}), demoImported };
}
