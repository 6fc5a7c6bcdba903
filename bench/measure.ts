/**
 * Preloaded into each child process of `npm run bench` (node --require): when the process exits,
 * writes its peak resident memory and CPU time to the file named by SM_BENCH_REPORT. The parent
 * times the whole process; nothing here runs in the measured code.
 */
import { writeFileSync } from "fs";

const report = process.env.SM_BENCH_REPORT;
if (report) {
  process.on("exit", (code) => {
    const usage = process.resourceUsage();
    writeFileSync(
      report,
      JSON.stringify({
        code,
        maxRssKiB: usage.maxRSS,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      })
    );
  });
}
