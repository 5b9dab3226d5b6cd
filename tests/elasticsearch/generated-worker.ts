// Worker: generated reports [from, to) of a seed, parsed and segmented like ingestion does.
import { parentPort, workerData } from 'node:worker_threads';
import { indexedGenerated } from './generated.js';

const { seed, from, to } = workerData as { seed: number; from: number; to: number };
parentPort!.postMessage(indexedGenerated(seed, from, to));
