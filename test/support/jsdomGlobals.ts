/**
 * jest's jsdom environment lacks TextEncoder and TextDecoder, which the jsdom library (loaded by
 * test/officejs/client.ts for Microsoft's client library) needs at import, and structuredClone,
 * which the workbook model's snapshots use. Import this first in a jsdom test that also drives the
 * modelled Excel.
 */
import { TextDecoder, TextEncoder } from "node:util";
import { deserialize, serialize } from "node:v8";

Object.assign(globalThis, { TextEncoder, TextDecoder });
if (typeof globalThis.structuredClone !== "function")
  Object.assign(globalThis, {
    structuredClone: <T>(value: T): T => deserialize(serialize(value)) as T,
  });
