export default definePageConfig({
  navigationBarTitleText: '公告与指南',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
