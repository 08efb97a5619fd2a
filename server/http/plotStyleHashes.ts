/**
 * Observable Plot puts a small fixed `<style>` element into every chart and legend (its
 * default class name is `plot-d6a7b5` in 0.6.17). A Content-Security-Policy of `style-src
 * 'self'` blocks inline style elements, so these exact texts are allowed by their SHA-256
 * hashes, nothing else. tests/server/securityHeaders.test.ts checks them against Plot's
 * source, so a Plot upgrade that changes them fails loudly instead of unstyling charts.
 */
import { createHash } from 'node:crypto';

export const plotClassName = 'plot-d6a7b5';

/** Templates as in Plot's source, with `{c}` for the class name. */
export const plotStyleTemplates = {
  plot: `:where(.{c}) {
  --plot-background: white;
  display: block;
  height: auto;
  height: intrinsic;
  max-width: 100%;
}
:where(.{c} text),
:where(.{c} tspan) {
  white-space: pre;
}`,
  ramp: `:where(.{c}-ramp) {
  display: block;
  height: auto;
  height: intrinsic;
  max-width: 100%;
  overflow: visible;
}
:where(.{c}-ramp text) {
  white-space: pre;
}`,
  swatches: `:where(.{c}-swatches) {
  font-family: system-ui, sans-serif;
  font-size: 10px;
  margin-bottom: 0.5em;
}
:where(.{c}-swatch > svg) {
  margin-right: 0.5em;
  overflow: visible;
}
{extra}`,
  swatchesColumns: `:where(.{c}-swatches-columns .{c}-swatch) {
  display: flex;
  align-items: center;
  break-inside: avoid;
  padding-bottom: 1px;
}
:where(.{c}-swatches-columns .{c}-swatch::before) {
  flex-shrink: 0;
}
:where(.{c}-swatches-columns .{c}-swatch-label) {
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
}`,
  swatchesWrap: `:where(.{c}-swatches-wrap) {
  display: flex;
  align-items: center;
  min-height: 33px;
  flex-wrap: wrap;
}
:where(.{c}-swatches-wrap .{c}-swatch) {
  display: inline-flex;
  align-items: center;
  margin-right: 1em;
}`,
} as const;

/** The style texts Plot writes with the default class name. */
export function plotStyleTexts(c = plotClassName): string[] {
  const t = (template: string) => template.replaceAll('{c}', c);
  return [
    t(plotStyleTemplates.plot),
    t(plotStyleTemplates.ramp),
    t(plotStyleTemplates.swatches).replace('{extra}', t(plotStyleTemplates.swatchesColumns)),
    t(plotStyleTemplates.swatches).replace('{extra}', t(plotStyleTemplates.swatchesWrap)),
  ];
}

/** CSP sources: `'sha256-…'` for each text. */
export const plotStyleHashes: readonly string[] = plotStyleTexts().map(
  (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`,
);
