// Worker-thread entry: aligns one part of a long document for align-parallel.ts and posts the beads back.

import { parentPort, workerData } from 'node:worker_threads';
import { align } from './align.ts';
import { loadAlignResources } from './load-resources.ts';

const { src, tgt } = workerData as { src: string[]; tgt: string[] };
parentPort!.postMessage(align(src, tgt, loadAlignResources()));
