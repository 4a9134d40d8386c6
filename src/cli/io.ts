/** Where the command line writes: injected, so tests capture it. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Raw text to the terminal (a redrawn progress bar); absent when not on a terminal. */
  readonly progress?: (text: string) => void;
}
