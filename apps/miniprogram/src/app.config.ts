/**
 * Pages of the mini-program. The main package holds what most people open (search, and the
 * detail page that shared links land on); rarely used pages live in the `sub` subpackage so the
 * first download stays small (WECHAT-NOTES.md).
 */
export default defineAppConfig({
  pages: ['pages/search/index', 'pages/detail/index'],
  subPackages: [
    {
      root: 'sub',
      pages: [
        'notices/index',
        'notice/index',
        'privacy/index',
        'tip/index',
        'my-tips/index',
        'rewards/index',
      ],
    },
  ],
  window: {
    navigationBarTitleText: '失信曝光台',
    navigationBarBackgroundColor: '#9f1d20',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f4f0',
  },
  // chooseLocation picks one place the tipster names; no background or continuous location
  requiredPrivateInfos: ['chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于在举报时标注您看到被执行人的地点' },
  },
});
