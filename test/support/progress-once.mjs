// The runner's closing progress ("Chromium: … 40/40 test files | …", "Finished running tests in …"), printed once.
// When its output is not a terminal (a pipe: `npm test`, CI), web-test-runner prints the progress at most every 10 s,
// then when the run has finished and again when it stops: a run longer than 10 s got the closing lines twice. On a
// terminal the progress is redrawn in place, and an empty one would erase it, so there it is left alone.
export function progressOnce(reporter) {
  let printed = false;
  let redrawn = false;
  return {
    ...reporter,
    start(args) {
      redrawn = process.stdout.isTTY && !args.config.staticLogging;
      return reporter.start?.(args);
    },
    getTestProgress(args) {
      if (printed) return [];
      const lines = reporter.getTestProgress?.(args) ?? [];
      printed = !redrawn && lines.some((l) => String(l).includes('Finished running tests'));
      return lines;
    },
  };
}
