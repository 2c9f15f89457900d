/**
 * The WeChat server API for the mini-program (login, access token, content security,
 * subscription messages, poster codes). Off without WECHAT_APPID and WECHAT_SECRET.
 * Used by the API's `features/wechat` (login, moderation of mini-program tips, status messages,
 * poster codes).
 */
export * from './client.ts';
export * from './config.ts';
export * from './errors.ts';
