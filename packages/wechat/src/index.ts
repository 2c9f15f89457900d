/**
 * The WeChat server API for the mini-program (login, access token, content security,
 * subscription messages, poster codes). Off without WECHAT_APPID and WECHAT_SECRET.
 * UNFINISHED: not yet wired into the API (mini-program login route, moderation of tips from the
 * mini-program, status-change messages, poster codes on 悬赏 posters).
 */
export * from './client.ts';
export * from './config.ts';
export * from './errors.ts';
