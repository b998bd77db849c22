// A bare Chrome DevTools Protocol client over --remote-debugging-pipe, for
// timing pages as a reader's browser runs them: no domain is enabled but
// Runtime and Target, so no network events are reported back per request
// (a test driver's instrumentation costs each request time of its own).
import { spawn } from 'node:child_process';

export async function launch(executablePath, args = []) {
  const child = spawn(executablePath, [...args, '--remote-debugging-pipe', 'about:blank'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const out = child.stdio[3];
  const input = child.stdio[4];
  let id = 0;
  const pending = new Map();
  let buffer = '';
  input.setEncoding('utf8');
  input.on('data', (chunk) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      const done = message.id !== undefined && pending.get(message.id);
      if (!done) continue;
      pending.delete(message.id);
      if (message.error) done.reject(new Error(`${message.error.message}`));
      else done.resolve(message.result);
    }
  });
  const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
    const i = ++id;
    pending.set(i, { resolve, reject });
    out.write(`${JSON.stringify({ id: i, method, params, sessionId })}\0`);
  });
  return {
    send,
    /** A page in a fresh browser context (empty cache), at `url`. */
    async newPage(url) {
      const { browserContextId } = await send('Target.createBrowserContext');
      const { targetId } = await send('Target.createTarget', { url, browserContextId });
      const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
      const evaluate = async (expression) => {
        const r = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
        if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
        return r.result.value;
      };
      // Wait for the page to load.
      for (let k = 0; k < 200 && (await evaluate('document.readyState')) !== 'complete'; k++) await new Promise((r) => setTimeout(r, 10));
      return { evaluate, close: () => send('Target.disposeBrowserContext', { browserContextId }) };
    },
    close() {
      child.kill();
    },
  };
}
