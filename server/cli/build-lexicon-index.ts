// Run by npm's postinstall: packs CC-CEDICT into the aligner's dictionary index, so that `duiqi align` starts without parsing it.

import { buildLexiconIndex, lexiconIndexFile } from '../align/load-resources.ts';

buildLexiconIndex();
console.log(`duiqi: dictionary index written to ${lexiconIndexFile()}`);
