export default definePageConfig({
  navigationBarTitleText: '失信被执行人查询',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
