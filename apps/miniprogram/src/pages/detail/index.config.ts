export default definePageConfig({
  navigationBarTitleText: '失信信息详情',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
