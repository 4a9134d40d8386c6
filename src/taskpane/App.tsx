/**
 * The whole pane for a given gateway and settings store (tests render this). In production the
 * frame paints first and the panels follow in a second chunk (Workspace.tsx).
 */
import { Frame } from "./Frame";
import { Panels, type PanelsProps } from "./Panels";

export function App(props: PanelsProps): JSX.Element {
  return (
    <Frame inOffice={props.gateway.inOffice} locale={props.locale}>
      <Panels {...props} />
    </Frame>
  );
}
