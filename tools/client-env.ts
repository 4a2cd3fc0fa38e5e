// Prints the client's build environment for a local deployment as shell
// `export` lines (public values only), making the deployment's keys the first
// time:  eval "$(node tools/client-env.ts test)"   (--json: one JSON object)
import { resolveHomeserver } from "./lib/homeserver.ts";
import { clientBuildEnvironment, prepareLocalDeployment } from "./lib/deployment.ts";

const instance = process.argv[2];
if (instance !== "demo" && instance !== "test" && instance !== "test-b") {
  console.error("usage: node tools/client-env.ts demo|test|test-b");
  process.exit(64);
}
const deployment = await prepareLocalDeployment(instance);
const env = clientBuildEnvironment(deployment, resolveHomeserver(instance));
if (process.argv.includes("--json")) {
  console.log(JSON.stringify(env));
} else {
  for (const [name, value] of Object.entries(env)) {
    console.log(`export ${name}='${value.replaceAll("'", "'\\''")}'`);
  }
}
