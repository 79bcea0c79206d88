import { runApp } from './lifecycle';

// Entry point of the main process (built to out/main/index.js). All logic lives in lifecycle.ts.
runApp().catch((err: unknown) => {
  console.error('Netwerkspiegel kon niet starten', err);
  process.exitCode = 1;
});
