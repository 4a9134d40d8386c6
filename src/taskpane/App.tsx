/**
 * The whole pane for a given gateway and settings store, as tests render it: the gateway given
 * whole (its code already here) and the first screen taken as painted, so the later panels load
 * at once. In production Boot.tsx draws the frame and Workspace.tsx defers the gateway's code.
 */
import { useMemo } from "react";
import { Frame } from "./Frame";
import type { DeferredGateway } from "./gateway/facts";
import type { Gateway } from "./gateway/gateway";
import { Panels, type PanelsProps } from "./Panels";

const loaded = <G extends Gateway>(gateway: G): DeferredGateway<G> => ({
  ...gateway,
  load: () => Promise.resolve(gateway),
});

export function App({
  gateway,
  painted = true,
  ...props
}: Omit<PanelsProps, "gateway" | "painted"> & {
  readonly gateway: Gateway;
  readonly painted?: boolean;
}): JSX.Element {
  return (
    <Frame inOffice={gateway.inOffice} locale={props.locale}>
      <Panels {...props} gateway={useMemo(() => loaded(gateway), [gateway])} painted={painted} />
    </Frame>
  );
}
