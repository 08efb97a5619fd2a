/** How many bytes of each file have been sent, given the bytes of the batch sent so far (the files go one after the other). */
export function sentPerFile(sizes: readonly number[], loaded: number): number[] {
  let start = 0;
  return sizes.map((size) => {
    const sent = Math.min(size, Math.max(0, loaded - start));
    start += size;
    return sent;
  });
}
