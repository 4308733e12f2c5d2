/**
 * Run as a child process: converts the store at argv dbFile with argv keyHex, printing each
 * step on its own line as it ends. With a third argument, the process SIGKILLs itself
 * right after that step, the way a crash or a killed app would stop it there.
 */
import { convertToAegis } from '../../src/main/core/store/cipher-conversion';

const [dbFile, keyHex, killAfter] = process.argv.slice(2) as [string, string, string | undefined];
convertToAegis(dbFile, keyHex, {
  onStep: (step) => {
    process.stdout.write(`${step}\n`);
    if (step === killAfter) process.kill(process.pid, 'SIGKILL');
  },
});
process.stdout.write('finished\n');
