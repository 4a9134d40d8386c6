/**
 * custom-functions-metadata-plugin appends `CustomFunctions.associate(...)` calls to functions.ts
 * unguarded. Outside Excel (a plain browser, tests) that global is missing; a no-op stand-in keeps
 * the shared page alive there. Inside Excel the real runtime object is left untouched.
 */
interface AssociateOnly {
  associate(id: string, fn: unknown): void;
}

const g = globalThis as unknown as { CustomFunctions?: AssociateOnly };
if (typeof g.CustomFunctions === "undefined") {
  g.CustomFunctions = { associate: () => undefined };
}

export {};
