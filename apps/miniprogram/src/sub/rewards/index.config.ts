export default definePageConfig({
  navigationBarTitleText: '悬赏公告',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
