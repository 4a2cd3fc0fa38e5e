// Before the e2e suite: the persona accounts exist on the test homeserver, and
// the demo age-assurance provider and the discovery gatekeeper answer on their
// ports (the built client asks them for attestations and for "Find people";
// tools/lib/ageIssuerService.ts, tools/lib/discoveryService.ts). The returned
// function stops them after the suite.
import { startAgeIssuerService } from "../tools/lib/ageIssuerService.ts";
import { startDiscoveryService } from "../tools/lib/discoveryService.ts";
import {
  AGE_ISSUER_PORTS,
  DISCOVERY_SERVICE_PORTS,
  facilitatorUserIds,
  moderationUserIds,
  prepareLocalDeployment,
  STUDY_SERVICE_PORTS,
} from "../tools/lib/deployment.ts";
import { startStudyService, studyStorageDir } from "../tools/lib/studyService.ts";
import { resolveHomeserver } from "../tools/lib/homeserver.ts";
import { seedPersonaAccounts } from "../tools/lib/seed.ts";
import { startReportIntake } from "../tools/lib/reportIntakeService.ts";
import { OUTCOME_RETENTION_MS, REPORT_INTAKE_PORTS } from "../tools/lib/reportingDeployment.ts";
import { E2E_INSTANCE } from "./support/e2eInstance.ts";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const homeserver = resolveHomeserver(E2E_INSTANCE);
  await seedPersonaAccounts(homeserver);
  const deployment = await prepareLocalDeployment(E2E_INSTANCE);
  const issuer = await startAgeIssuerService({
    issuer: deployment.issuer,
    issuerDir: deployment.issuerDir,
    homeserver,
    port: AGE_ISSUER_PORTS[E2E_INSTANCE],
  });
  const discovery = await startDiscoveryService({
    homeserver,
    trustedIssuers: [{ keyId: deployment.issuer.keyId, publicKey: deployment.issuer.publicKey }],
    port: DISCOVERY_SERVICE_PORTS[E2E_INSTANCE],
  });
  const study = await startStudyService({
    homeserver,
    deployment,
    facilitators: facilitatorUserIds(homeserver.serverName),
    port: STUDY_SERVICE_PORTS[E2E_INSTANCE],
    storageDir: studyStorageDir(E2E_INSTANCE),
  });
  // Reports that withhold the reporter reach the moderation room through it.
  const intake = await startReportIntake({
    homeserver,
    password: deployment.reporting.intakePassword,
    moderators: moderationUserIds(homeserver.serverName),
    port: REPORT_INTAKE_PORTS[E2E_INSTANCE],
    outcomeRetentionMs: OUTCOME_RETENTION_MS,
  });
  return async () => {
    await intake.close();
    await study.close();
    await discovery.close();
    await issuer.close();
  };
}
