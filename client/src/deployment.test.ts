import { describe, expect, it } from "vitest";
import { readDeploymentConfig } from "./deployment.ts";

describe("readDeploymentConfig: study mode", () => {
  it("is off unless the deployment says VITE_STUDY_MODE=1", () => {
    expect(readDeploymentConfig({}).studyMode).toBe(false);
    expect(readDeploymentConfig({ VITE_STUDY_MODE: "" }).studyMode).toBe(false);
    expect(readDeploymentConfig({ VITE_STUDY_MODE: "0" })).toMatchObject({
      studyMode: false,
      problems: [],
    });
    expect(readDeploymentConfig({ VITE_STUDY_MODE: " 1 " })).toMatchObject({
      studyMode: true,
      problems: [],
    });
  });

  it("treats any other value as off, and says so", () => {
    for (const value of ["true", "yes", "on", "2"]) {
      const config = readDeploymentConfig({ VITE_STUDY_MODE: value });
      expect(config.studyMode).toBe(false);
      expect(config.problems).toEqual([
        "VITE_STUDY_MODE is neither 1 nor 0; study assignments are ignored",
      ]);
    }
  });
});
