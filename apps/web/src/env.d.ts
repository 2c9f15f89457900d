/// <reference types="astro/client" />

declare namespace App {
  /** filled by the portal server per request (server/page-locals.ts) */
  interface Locals {
    portal?: import('../server/page-locals.ts').PageLocals;
  }
}
