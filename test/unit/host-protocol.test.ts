import { describe, expect, it } from 'vitest';
import { dialogMethodsOf, hostServices, type FromCore, type Port, type ToCore } from '../../src/main/core/host/protocol';
import type { CoreDialogs } from '../../src/main/core/types';

/** A port that records what the core side posts. */
function recordingPort(): Port<ToCore, FromCore> & { sent: FromCore[] } {
  const sent: FromCore[] = [];
  return { sent, postMessage: (m) => void sent.push(m), on: () => undefined };
}

describe('the host protocol: what a worker core may ask its host', () => {
  const withoutPrinter: CoreDialogs = {
    chooseImportFiles: () => Promise.resolve([]),
    chooseSavePath: () => Promise.resolve(null),
    chooseOpenFile: () => Promise.resolve(null),
  };

  it('names only the dialog methods the host has', () => {
    expect(dialogMethodsOf(withoutPrinter)).toEqual(['chooseImportFiles', 'chooseSavePath', 'chooseOpenFile']);
    expect(dialogMethodsOf({ ...withoutPrinter, chooseFolder: () => Promise.resolve(null), printToPdf: () => Promise.resolve(new Uint8Array()) })).toEqual([
      'chooseImportFiles',
      'chooseSavePath',
      'chooseOpenFile',
      'chooseFolder',
      'printToPdf',
    ]);
  });

  it('offers the core no printer when the host has none, so PDF is reported unavailable rather than failing in the host', async () => {
    const port = recordingPort();
    const { dialogs } = hostServices(port, 'test', dialogMethodsOf(withoutPrinter));
    expect(dialogs.printToPdf).toBeUndefined();
    expect(dialogs.chooseFolder).toBeUndefined();
    void dialogs.chooseSavePath('a.html');
    expect(port.sent).toEqual([{ t: 'ask', id: 1, service: 'dialogs', method: 'chooseSavePath', args: ['a.html'] }]);
    // Without a list (older callers), every method is offered.
    expect(typeof hostServices(recordingPort(), 'test').dialogs.printToPdf).toBe('function');
  });
});
