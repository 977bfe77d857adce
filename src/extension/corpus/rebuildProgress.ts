/**
 * How a rebuild shows its progress: a count that the status bar reads at once, and a
 * notification with Cancel once the rebuild has run for a moment. Deciding by time, not by
 * the number of files, means a rebuild of 150 large files gets its notification too, and a
 * warm start of 10,000 files that takes half a second never flashes one.
 */
import * as vscode from 'vscode';

/** A rebuild still running after this long opens its notification. */
const NOTIFY_AFTER_MS = 1000;
/** The count is passed on at most this often (each status bar or notification update is a message to the workbench). */
const REPORT_EVERY_MS = 200;

export class RebuildProgress implements vscode.Disposable {
  /** Cancelled by the notification's Cancel button. */
  private readonly cancellation = new vscode.CancellationTokenSource();
  private done = 0;
  /** The count the notification last showed, for its increments. */
  private shown = 0;
  private lastReport = 0;
  private notification: vscode.Progress<{ message?: string; increment?: number }> | undefined;
  private closeNotification: (() => void) | undefined;
  private readonly timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  /**
   * @param total the files the rebuild goes through
   * @param notify whether a long rebuild opens a notification (background rebuilds after a catalog change do not)
   * @param onReport called whenever the count is passed on
   */
  constructor(
    readonly total: number,
    notify: boolean,
    private readonly onReport: () => void,
  ) {
    if (notify) this.timer = setTimeout(() => this.openNotification(), NOTIFY_AFTER_MS);
  }

  get token(): vscode.CancellationToken {
    return this.cancellation.token;
  }

  /** Files done so far. */
  get count(): number {
    return this.done;
  }

  /** Records that `done` files are done; passes it on if the last report is old enough. */
  advance(done: number): void {
    this.done = done;
    const now = Date.now();
    if (now - this.lastReport < REPORT_EVERY_MS) return;
    this.lastReport = now;
    this.showInNotification();
    this.onReport();
  }

  private openNotification(): void {
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Corpus Lens: indexing', cancellable: true }, (progress, token) => {
      if (this.disposed) return Promise.resolve();
      token.onCancellationRequested(() => this.cancellation.cancel());
      this.notification = progress;
      this.showInNotification();
      return new Promise<void>((resolve) => (this.closeNotification = resolve));
    });
  }

  private showInNotification(): void {
    if (!this.notification || this.total === 0) return;
    this.notification.report({ message: `${this.done.toLocaleString()} / ${this.total.toLocaleString()} documents`, increment: (100 * (this.done - this.shown)) / this.total });
    this.shown = this.done;
  }

  /** Closes the notification, if it opened. */
  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.closeNotification?.();
    this.cancellation.dispose();
  }
}
