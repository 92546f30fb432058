// Preloaded into a benchmarked command (`node --import ./bench/maxrss.mjs …`): prints the peak
// resident memory of the whole process (main thread and worker threads) when it exits.
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(2, `\nBENCH maxrss_kb=${process.resourceUsage().maxRSS}\n`));
