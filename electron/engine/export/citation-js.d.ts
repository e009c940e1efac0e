// citation-js ships no type declarations; these cover the part Quarry uses.
declare module '@citation-js/core' {
  export interface CslName {
    family?: string;
    given?: string;
    literal?: string;
  }
  export type CslItem = Record<string, unknown> & { id: string; type: string };
  export interface FormatOptions {
    format?: 'text' | 'html' | 'object' | 'string';
    template?: string;
    lang?: string;
    entry?: string | string[];
    spec?: string;
    type?: string;
  }
  export class Cite {
    constructor(data?: unknown);
    data: CslItem[];
    format(style: string, options?: FormatOptions): string;
  }
  export const plugins: {
    config: {
      get(
        name: string,
      ): Record<string, { add(name: string, value: unknown): void }> & Record<string, unknown>;
    };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-bibtex';
declare module '*.csl?raw' {
  const text: string;
  export default text;
}
