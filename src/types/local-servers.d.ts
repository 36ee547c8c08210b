// Minimal typings for the two local servers, which ship none.
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';
  interface S3rverOptions { address?: string; port?: number; silent?: boolean; directory?: string; resetOnClose?: boolean }
  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}

declare module 'dynalite' {
  import type { Server } from 'node:http';
  interface DynaliteOptions { path?: string; createTableMs?: number; deleteTableMs?: number; updateTableMs?: number; maxItemSizeKb?: number }
  export default function dynalite(options?: DynaliteOptions): Server;
}
