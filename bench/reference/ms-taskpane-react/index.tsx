/**
 * STAND-IN, not Microsoft's code: a small task pane written for bench/bundle.bench.ts that pulls
 * in the same React, react-dom and Fluent UI v9 modules as the `yo office` React task-pane
 * template (GitHub OfficeDev/Office-Addin-TaskPane-React, Fluent v9 generation), so that its
 * production bundle weighs what that template's task pane code weighs. Nothing was copied.
 *
 * Template files read (through a code index, not a clone; the index holds some history, not
 * necessarily the newest commit):
 *   src/taskpane/index.tsx                 @ 27735fd782aa8add8f9a9605404caf307973245b
 *   src/taskpane/components/App.tsx        @ b25019f24324ca54e5e7adcf3a8f095c7085ed4c
 *   src/taskpane/components/HeroList.tsx   @ b25019f24324ca54e5e7adcf3a8f095c7085ed4c
 *   src/taskpane/components/TextInsertion.tsx @ 3f7f6f0f0ba8928528a0f4be6e50914b5902cbeb
 *   src/taskpane/components/Header.tsx     @ 515c0a2f941253a8ea247c64f53e2c80e374dabd (pre-v9,
 *     no Fluent import); its Fluent v9 form read in the sibling template
 *     OfficeDev/Office-Addin-TaskPane-React-JS src/taskpane/components/Header.jsx
 *     @ 2c9cb75f8aa8f934f4f8b941464db9735634d388
 *   src/taskpane/taskpane.ts               @ 649c17926ddba072f588d2ec813cc8534c388b8f (host
 *     dispatch to Office.js only, no UI imports)
 *   package.json                           @ b25019f24324ca54e5e7adcf3a8f095c7085ed4c
 *     (react ^18.2, @fluentui/react-components ^9.30.4, @fluentui/react-icons ^2.0.214)
 *   webpack.config.js                      @ 814974e42a7d0870bedf7aaa89724cd4588595b5
 *
 * Imports matched (the union over those files):
 *   react                       React, useState (JSX through react/jsx-runtime here)
 *   react-dom/client            createRoot
 *   @fluentui/react-components  FluentProvider, webLightTheme, makeStyles, tokens, Image,
 *                               Button, Field, Textarea
 *   @fluentui/react-icons       Ribbon24Regular, LockOpen24Regular, DesignIdeas24Regular
 * Rendered alike: a provider with the light theme around a branded header with a logo image, a
 * three-item list with those icons, a large labelled text area, a note in a Field, and a large
 * primary button that writes the text into Excel after Office.onReady.
 *
 * Not reproduced: the template's extra webpack entries `polyfill` (core-js/stable,
 * regenerator-runtime) and `vendor` (whole packages), and its hot-reload hook. The bench builds
 * this entry exactly as it builds ours (see bench/bundle.bench.ts).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { ReferencePane } from "./ReferencePane";

const host = document.getElementById("container");

Office.onReady(() => {
  if (!host) return;
  createRoot(host).render(
    <FluentProvider theme={webLightTheme}>
      <ReferencePane heading="Sample add-in" />
    </FluentProvider>
  );
});
