/** Placeholder until the figures module lands. */
export async function figuresCommand(_opts: unknown): Promise<void> {
  throw new Error('not yet');
}
