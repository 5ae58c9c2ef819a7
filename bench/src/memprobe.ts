// Preloaded into the language server (`node -r memprobe.js`) so the benchmark can read its V8 heap without the
// server's cooperation: on SIGUSR2 it collects garbage when it can and writes process.memoryUsage() to a file.

import * as fs from 'node:fs';

const target = process.env.BENCH_MEMPROBE_FILE;
if (target) {
  process.on('SIGUSR2', () => {
    global.gc?.();
    fs.writeFileSync(target, JSON.stringify(process.memoryUsage()));
  });
}
