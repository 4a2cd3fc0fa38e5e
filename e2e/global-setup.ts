// Before the e2e suite: the persona accounts exist on the test homeserver, and
// the demo age-assurance provider answers on its port (the built client asks
// it for attestations; tools/lib/ageIssuerService.ts). The returned function
// stops the provider after the suite.
import { startAgeIssuerService } from "../tools/lib/ageIssuerService.ts";
import {
  AGE_ISSUER_PORTS,
  facilitatorUserIds,
  prepareLocalDeployment,
  STUDY_SERVICE_PORTS,
} from "../tools/lib/deployment.ts";
import { startStudyService } from "../tools/lib/studyService.ts";
import { resolveHomeserver } from "../tools/lib/homeserver.ts";
import { seedPersonaAccounts } from "../tools/lib/seed.ts";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const homeserver = resolveHomeserver("test");
  await seedPersonaAccounts(homeserver);
  const deployment = await prepareLocalDeployment("test");
  const issuer = await startAgeIssuerService({
    issuer: deployment.issuer,
    issuerDir: deployment.issuerDir,
    homeserver,
    port: AGE_ISSUER_PORTS.test,
  });
  const study = await startStudyService({
    homeserver,
    deployment,
    facilitators: facilitatorUserIds(homeserver.serverName),
    port: STUDY_SERVICE_PORTS.test,
  });
  return async () => {
    await study.close();
    await issuer.close();
  };
}
