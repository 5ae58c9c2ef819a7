/// <reference types="mocha" />
// The first real-editor check: the extension is present, activates, and its language client gets ready.
import { activateExtension } from './helpers';

suite('Activation', () => {
  test('the extension activates and its language client becomes ready', async () => {
    await activateExtension({ strict: true });
  });
});
