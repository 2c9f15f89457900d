/**
 * Stand-in for `@tarojs/taro` in component tests (aliased in vitest.config.ts): no WeChat runtime
 * here. `Taro.request` answers through a handler each test sets, recording what was asked, so a
 * test checks the real API client's requests and shows the page real API answers.
 */
import { useEffect } from 'react';

export interface RecordedRequest {
  url: string;
  method: string;
  header: Record<string, string>;
  data: unknown;
}
type Answer = { statusCode: number; data: string; header?: Record<string, string> };
type Handler = (req: RecordedRequest) => Answer | Promise<Answer>;
export interface RecordedUpload {
  url: string;
  filePath: string;
  name: string;
}
/** An upload's answer; `progress` is reported (percent) before it; a throw is a failed connection. */
type UploadHandler = (
  req: RecordedUpload,
) => (Answer & { progress?: number[] }) | Promise<Answer & { progress?: number[] }>;

export const requests: RecordedRequest[] = [];
export const uploads: RecordedUpload[] = [];
let handler: Handler = () => ({ statusCode: 500, data: '' });
let uploadHandler: UploadHandler = () => ({ statusCode: 500, data: '' });
let chosenMedia: { tempFilePath: string; size: number }[] = [];
let modalConfirms = true;
let subscribeAnswer: Record<string, string> = {};
const storage = new Map<string, unknown>();
let routerParams: Record<string, string> = {};
let fontSizeSetting = 16;
const navigations: string[] = [];

export const taroMock = {
  reset() {
    requests.length = 0;
    uploads.length = 0;
    navigations.length = 0;
    uploadHandler = () => ({ statusCode: 500, data: '' });
    chosenMedia = [];
    modalConfirms = true;
    subscribeAnswer = {};
    storage.clear();
    routerParams = {};
    fontSizeSetting = 16;
    handler = () => ({ statusCode: 500, data: '' });
  },
  answer(h: Handler) {
    handler = h;
  },
  answerUploads(h: UploadHandler) {
    uploadHandler = h;
  },
  /** what the next `chooseMedia` picks */
  chooseMedia(files: { tempFilePath: string; size: number }[]) {
    chosenMedia = files;
  },
  /** whether the person confirms the next `showModal` */
  confirmModals(yes: boolean) {
    modalConfirms = yes;
  },
  answerSubscribe(answer: Record<string, string>) {
    subscribeAnswer = answer;
  },
  setRouterParams(params: Record<string, string>) {
    routerParams = params;
  },
  /** The system font size WeChat reports (px; 17 is iOS standard). */
  setFontSize(px: number) {
    fontSizeSetting = px;
  },
  navigations,
  storage,
};

const Taro = {
  async request(opts: { url: string; method?: string; header?: Record<string, string>; data?: unknown }) {
    const req = { url: opts.url, method: opts.method ?? 'GET', header: opts.header ?? {}, data: opts.data };
    requests.push(req);
    const answer = await handler(req);
    return { statusCode: answer.statusCode, data: answer.data, header: answer.header ?? {} };
  },
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => {
    storage.set(key, value);
  },
  removeStorageSync: (key: string) => {
    storage.delete(key);
  },
  getAppBaseInfo: () => ({ fontSizeSetting }),
  getSystemInfoSync: () => ({ fontSizeSetting }),
  getLaunchOptionsSync: () => ({ scene: 1001 }),
  async navigateTo(opts: { url: string }) {
    navigations.push(opts.url);
  },
  async reLaunch(opts: { url: string }) {
    navigations.push(opts.url);
  },
  async setClipboardData() {},
  uploadFile(opts: {
    url: string;
    filePath: string;
    name: string;
    success: (r: { statusCode: number; data: string }) => void;
    fail: (e: { errMsg: string }) => void;
  }) {
    const req = { url: opts.url, filePath: opts.filePath, name: opts.name };
    uploads.push(req);
    const listeners: ((p: { progress: number }) => void)[] = [];
    queueMicrotask(async () => {
      try {
        const answer = await uploadHandler(req);
        for (const progress of answer.progress ?? []) for (const l of listeners) l({ progress });
        opts.success({ statusCode: answer.statusCode, data: answer.data });
      } catch {
        opts.fail({ errMsg: 'uploadFile:fail' });
      }
    });
    return { onProgressUpdate: (l: (p: { progress: number }) => void) => listeners.push(l), abort() {} };
  },
  async chooseMedia() {
    return { tempFiles: chosenMedia };
  },
  async showModal() {
    return { confirm: modalConfirms, cancel: !modalConfirms };
  },
  async login() {
    return { code: 'mock-login-code' };
  },
  async requestSubscribeMessage() {
    return { errMsg: 'requestSubscribeMessage:ok', ...subscribeAnswer };
  },
  async showToast() {},
};

export default Taro;
export const useShareAppMessage = () => {};
export const useShareTimeline = () => {};
/** Runs once after mount, like the page showing for the first time. */
export const useDidShow = (fn: () => void) => {
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per mount, as the page shows once
  useEffect(() => fn(), []);
};
export const useRouter = () => ({ params: routerParams });
