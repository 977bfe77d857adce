import * as vscode from 'vscode';

/** The "Corpus Lens" output channel: errors with enough context to report them. */
let channel: vscode.LogOutputChannel | undefined;

export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Corpus Lens', { log: true });
  return channel;
}
