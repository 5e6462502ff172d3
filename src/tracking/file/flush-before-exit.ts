/**
 * A safety net for scripts that simply end: when the event loop runs dry, Node
 * emits 'beforeExit', and a flush started there keeps the process alive until
 * the pending lines are written. Without it, a short script that never calls
 * close() would lose its last partial batch (timers are unref'ed, rightly, so
 * they cannot keep the process alive). One process listener serves every open
 * backend, rather than one listener each.
 */
const open = new Set<{ flush(): Promise<void> }>();

function onBeforeExit(): void {
  for (const backend of open) backend.flush().catch(() => {}); // errors are counted by the backend
}

export function flushBeforeExit(backend: { flush(): Promise<void> }): () => void {
  if (open.size === 0) process.on('beforeExit', onBeforeExit);
  open.add(backend);
  return () => {
    open.delete(backend);
    if (open.size === 0) process.off('beforeExit', onBeforeExit);
  };
}
