export default definePageConfig({ navigationBarTitleText: '举报线索' });
