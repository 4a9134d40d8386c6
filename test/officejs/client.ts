/**
 * Microsoft's Excel client library, from `@microsoft/office-js` (Microsoft's own Office.js files),
 * loaded into a jsdom window and pointed at an in-process host instead of Excel.
 *
 * The library is the one Office serves to add-ins: `excel-web-16.00.debug.js` is what Excel on the
 * web loads, `excel-win32-16.01.debug.js` what Excel on Windows loads. It builds the real proxies,
 * queues the real actions, serialises the real request JSON on `context.sync()` and raises its own
 * errors (`PropertyNotLoaded`, `InvalidObjectPath`, a context used after its `Excel.run`). Two
 * hooks of the library route its requests here (they are how Office itself talks to a remote
 * workbook): a session object whose `_resolveRequestUrlAndHeaderInfo()` gives a URL, passed as
 * `Excel.run({ session }, …)`, and `OfficeExtension.HttpUtility.setCustomSendRequestFunc`, which
 * receives each request and returns `{ statusCode, headers, body }`.
 */
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import type { ExcelServer } from "./server";

export type ClientFlavour = "web" | "win32";

const FILES: Readonly<Record<ClientFlavour, string>> = {
  web: "excel-web-16.00.debug.js",
  win32: "excel-win32-16.01.debug.js",
};

interface SendRequest {
  readonly url: string;
  readonly body: unknown;
}

interface ClientWindow {
  readonly Excel: typeof Excel;
  readonly OfficeExtension: {
    readonly HttpUtility: {
      setCustomSendRequestFunc(
        f: (r: SendRequest) => Promise<{ statusCode: number; headers: object; body: string }>
      ): void;
    };
  };
}

export interface ClientLibrary {
  readonly flavour: ClientFlavour;
  readonly Excel: typeof Excel;
  /** A session for `Excel.run({ session, … })` whose requests go to `server`. */
  session(server: ExcelServer): object;
}

const loaded = new Map<ClientFlavour, ClientLibrary>();

function load(flavour: ClientFlavour): ClientLibrary {
  const file = require.resolve(`@microsoft/office-js/dist/${FILES[flavour]}`);
  const dom = new JSDOM("<!doctype html><html><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost/",
  });
  dom.window.eval(readFileSync(file, "utf8"));
  const window = dom.window as unknown as ClientWindow;
  const servers = new Map<string, ExcelServer>();
  window.OfficeExtension.HttpUtility.setCustomSendRequestFunc(async (request) => {
    const url = new URL(request.url);
    const server = servers.get(url.pathname.split("/")[1] ?? "");
    if (!server) return { statusCode: 404, headers: {}, body: "" };
    const flags = Number(url.searchParams.get("flags") ?? "0");
    // The library hands over the body as an object; on the wire it is this JSON text.
    const text = typeof request.body === "string" ? request.body : JSON.stringify(request.body);
    return { statusCode: 200, headers: {}, body: server.handle(text, flags) };
  });
  let next = 0;
  return {
    flavour,
    Excel: window.Excel,
    session(server) {
      next += 1;
      const key = `workbook${next}`;
      servers.set(key, server);
      return {
        _resolveRequestUrlAndHeaderInfo: () =>
          Promise.resolve({ url: `https://excel.test/${key}/`, headers: {} }),
      };
    },
  };
}

/** The client library of one platform, loaded once per test file. */
export function clientLibrary(flavour: ClientFlavour = "web"): ClientLibrary {
  const hit = loaded.get(flavour) ?? load(flavour);
  loaded.set(flavour, hit);
  return hit;
}
