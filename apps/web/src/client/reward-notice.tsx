import { createRoot } from 'react-dom/client';
import { RewardNoticeView } from '../islands/reward/RewardNoticeView.tsx';

const container = document.getElementById('reward-notice-app');
if (container) createRoot(container).render(<RewardNoticeView initialSearch={window.location.search} />);
