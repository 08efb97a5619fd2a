/**
 * Chromium loads its ICU data the first time a page builds an Intl object: 30–300 ms of the
 * main thread on a busy 2-core machine (a fresh page timing `new Intl.NumberFormat`). Plot
 * builds one when its module is evaluated (its default number format), and the table sorter an
 * Intl.Collator, both on the first chart's path. This entry of its own (index.html, `async`)
 * runs as soon as it arrives, while the page still waits for the main bundle and its
 * answers, so the load falls in time the main thread would otherwise spend idle. It has no
 * imports: nothing else waits for it, and it waits for nothing. Measured alone (bench/
 * firstChartAB.ts, 11 runs each at a load average of 9–14) the gain was within the noise:
 * median 1,896 ms against 1,974 without it. Measured again later (11 alternating runs, load
 * 2–4.5): without it the figure requests left 60 ms sooner (432 against 492 ms), but ICU was
 * then paid before the chart instead, and the first chart was the same (800 against 790 ms).
 */
new Intl.NumberFormat('en-US').format(0);
new Intl.Collator('nb', { sensitivity: 'base', numeric: true }).compare('a', 'b');
