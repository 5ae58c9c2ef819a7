// Preloaded into every measured process (`node -r memprobe.js …`) so the benchmark can read its V8 heap and CPU
// time without the program's cooperation: on SIGUSR2 it collects garbage when it can and writes
// process.memoryUsage() and process.cpuUsage() to BENCH_MEMPROBE_FILE; at exit it writes the CPU time to
// BENCH_CPU_FILE. CPU time is what stays meaningful when other work competes for the machine.

import * as fs from 'node:fs';

const probeFile = process.env.BENCH_MEMPROBE_FILE;
if (probeFile) {
  process.on('SIGUSR2', () => {
    global.gc?.();
    fs.writeFileSync(probeFile, JSON.stringify({ ...process.memoryUsage(), cpu: process.cpuUsage() }));
  });
}

const cpuFile = process.env.BENCH_CPU_FILE;
if (cpuFile) process.on('exit', () => fs.writeFileSync(cpuFile, JSON.stringify(process.cpuUsage())));
