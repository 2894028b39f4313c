// Preloaded into Electronegativity by lint-security.mjs. Offline, its download of updated
// translations fails, and got (its HTTP client) throws from timers after the download has
// been given up ("getaddrinfo ENOTFOUND", then "The `onCancel` handler was attached after the
// promise settled" from a retry), ending the process at a moment of chance: now and then in
// the middle of writing its report, which then reads as findings gone missing. Those errors
// are the missing network's, not the scan's: they are said and the scan goes on.
const fromGot = (error) => /[/\\]node_modules[/\\](got|p-cancelable)[/\\]/.test(String(error && error.stack));
process.on('uncaughtException', (error) => {
  if (fromGot(error)) {
    console.error(`electronegativity: a download failed (${error.message}); the scan goes on`);
    return;
  }
  console.error(error);
  process.exit(70);
});
