/**
 * Run as a child process by the cipher-migration measure: converts argv dbFile with argv
 * keyHex and prints one JSON line with the report and this process's peak RSS, so the
 * conversion's memory is measured alone, not on top of the bench's own.
 */
import { readFileSync } from 'node:fs';
import { convertToAegis } from '../../src/main/core/store/cipher-conversion';

const [dbFile, keyHex] = process.argv.slice(2) as [string, string];
const c0 = process.cpuUsage();
const t0 = performance.now();
const report = convertToAegis(dbFile, keyHex);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
// VmHWM is the resident peak the kernel saw; maxRSS where /proc is not there.
const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
const peakRssMb = Math.round((hwm ? Number(hwm) : process.resourceUsage().maxRSS) / 1024);
process.stdout.write(`${JSON.stringify({ converted: report.converted, seconds, cpuS: (cpu.user + cpu.system) / 1e6, peakRssMb, steps: report.steps, backup: report.backup })}\n`);
