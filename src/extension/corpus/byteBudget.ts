/**
 * Bounds the bytes of files being read and analysed at once. Many small files in flight keep
 * the workers busy; many large ones would hold hundreds of megabytes (bytes, then decoded
 * text at two bytes a unit). A file larger than the whole budget still goes, alone.
 */
export class ByteBudget {
  private used = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly budget: number) {}

  /** Waits until `bytes` fit, takes them, and returns the function that gives them back. */
  async acquire(bytes: number): Promise<() => void> {
    while (this.used > 0 && this.used + bytes > this.budget) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.used += bytes;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= bytes;
      for (const wake of this.waiting.splice(0)) wake();
    };
  }
}
