// All-in-one: web and workers in one process with embedded defaults. What `npm start` runs.
import { banner } from "./banner.ts";
import { runService } from "./run.ts";

await runService({ web: true, worker: true }, (service, config) => {
  process.stderr.write(banner(service, config));
});
