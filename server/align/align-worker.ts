// Worker-thread entry: align's passes over one part of a long document for align-parallel.ts, which segments it, anchors it and learns between them.

import { parentPort } from 'node:worker_threads';
import { firstPass, type FirstPass } from './align.ts';
import type { PartRequest } from './align-parallel.ts';
import { lexicalScorer } from './lexical-scorer.ts';

const port = parentPort!;
let pass: FirstPass | undefined;
port.on('message', (request: PartRequest) => {
  if (request.kind === 'first') {
    pass = firstPass(request.doc, request.guide, {}, lexicalScorer(request.doc, request.guide.stats));
    port.postMessage(pass.path);
  } else {
    port.postMessage(pass!.secondPass(request.learned, request.characters));
  }
});
