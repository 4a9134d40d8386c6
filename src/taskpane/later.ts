/**
 * The panels below the first screen, a chunk of their own (webpackChunkName "panels"): loaded once
 * that screen has been painted, so that the first paint carries only what a clerk sees first.
 */
export { CriteriaPanel } from "./components/CriteriaPanel";
export { ExampleChooser } from "./components/ExampleChooser";
export { FindingsList } from "./components/FindingsList";
export { MemoryPanel } from "./components/MemoryPanel";
export { SettingsEditor } from "./components/SettingsEditor";
export { StatusList } from "./components/StatusList";
