/**
 * Saves a file the pane made, the way a browser saves a link with `download`: where Office's
 * webview allows it (Gateway.canDownload). The browser saves without telling the page, so the
 * caller says where the file went.
 */
export function saveFile(data: Blob, name: string): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}
