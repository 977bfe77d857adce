/**
 * The timeline page: a strict CSP with a fresh nonce per render, our own stylesheet and
 * script only, and no data in the markup (the data arrives as a message).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function timelineHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'timeline.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'timeline.css'));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Corpus Timeline</title>
</head>
<body>
<main id="app" aria-label="Corpus timeline"></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
