import { build } from 'electron-builder';
import { downloadFailureMessage, isDownloadFailure, planSigning } from './dist-support';

/*
 * `npm run dist` (after `electron-vite build`): the installers for this system with
 * electron-builder (configuration: electron-builder.ts), into dist/. Signs only when the
 * certificate is in the environment (see planSigning). A failure to download Electron or
 * electron-builder's tools ends with an explanation instead of a stack trace.
 */
async function main(): Promise<void> {
  const plan = planSigning(process.env, process.platform);
  for (const name of plan.unset) delete process.env[name];
  Object.assign(process.env, plan.set);
  for (const note of plan.notes) console.log(`• ${note}`);
  const artifacts = await build({ publish: 'never', config: plan.config });
  console.log(`\nGebouwd:\n${artifacts.map((file) => `  ${file}`).join('\n')}`);
}

main().catch((err: unknown) => {
  console.error(isDownloadFailure(err) ? `\n${downloadFailureMessage(err)}` : err);
  // electron-builder's temp-file cleanup ends the process with process.exit(0) once the work is
  // done; like electron-builder's own command line, keep the failure in the exit code.
  process.exitCode = 1;
  process.on('exit', () => {
    process.exitCode = 1;
  });
});
