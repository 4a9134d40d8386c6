// Types of deploy.js (CommonJS, for webpack.config.js) for the tests that import it.
export interface Deployment {
  /** https URL ending in exactly one "/". */
  readonly base: string;
  /** False when no base was given (the development URLs, https://localhost:3000/). */
  readonly custom: boolean;
  readonly supportUrl: string;
  readonly officeJs: "cdn" | "self";
}
export const DEV_BASE: string;
export const OFFICE_JS_CDN: string;
export const OFFICE_JS_DIR: string;
export const OFFICE_JS_FILES: readonly string[];
export class DeployError extends Error {}
export function normaliseBase(raw: string, what?: string): string;
export function resolveDeployment(
  env?: Readonly<Record<string, unknown>>,
  processEnv?: Readonly<Record<string, string | undefined>>
): Deployment;
export function rewriteManifest(xml: string, deployment: Deployment): string;
