// Worker-thread entry: align's steps over one part of a long document for align-parallel.ts, which segments it and learns between them.

import { parentPort } from 'node:worker_threads';
import { findAnchors, type Anchored, type FirstPass } from './align.ts';
import type { PartRequest } from './align-parallel.ts';

const port = parentPort!;
let anchored: Anchored | undefined;
let pass: FirstPass | undefined;
port.on('message', (request: PartRequest) => {
  if (request.kind === 'anchors') {
    anchored = findAnchors(request.doc, request.stats);
    port.postMessage(anchored.anchors);
  } else if (request.kind === 'first') {
    pass = anchored!.firstPass(request.lengths);
    port.postMessage(pass.path);
  } else {
    port.postMessage(pass!.secondPass(request.learned));
  }
});
