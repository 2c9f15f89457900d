/// <reference types="astro/client" />

declare namespace App {
  // biome-ignore lint/suspicious/noEmptyInterface: filled by the server per request (server/page-locals.ts)
  interface Locals {
    portal?: import('../server/page-locals.ts').PageLocals;
  }
}
