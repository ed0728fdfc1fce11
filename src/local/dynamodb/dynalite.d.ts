// Types for dynalite 4 (it ships none): only what the local DynamoDB service uses.
declare module 'dynalite' {
  import type { Server } from 'node:http';

  type DynaliteOptions = {
    path?: string;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    maxItemSizeKb?: number;
    verbose?: boolean;
    debug?: boolean;
  };

  export default function dynalite(options?: DynaliteOptions): Server;
}
