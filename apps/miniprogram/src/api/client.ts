import { createApiClient } from '@portal/contract/client';
import { taroFetch } from './taro-fetch.ts';

declare const API_BASE: string;

/** The one API client of the mini-program: the contract's typed client over `Taro.request`. */
export const api = createApiClient({ baseUrl: API_BASE, fetch: taroFetch });

/** Absolute URL of an API path (share images need a full URL in the mini-program). */
export function apiUrl(path: string): string {
  if (API_BASE) return `${API_BASE}${path}`;
  if (typeof location !== 'undefined') return `${location.origin}${path}`;
  return path;
}
