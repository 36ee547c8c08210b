// The package ships no types; this is the documented call signature (README of html-encoding-sniffer 6).
declare module 'html-encoding-sniffer' {
  interface SnifferOptions {
    xml?: boolean;
    transportLayerEncodingLabel?: string;
    defaultEncoding?: string;
  }
  function htmlEncodingSniffer(bytes: Uint8Array, options?: SnifferOptions): string;
  export default htmlEncodingSniffer;
}
