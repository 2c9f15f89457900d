import { createRoot } from 'react-dom/client';
import { RewardList } from '../islands/reward/RewardList.tsx';

const container = document.getElementById('reward-list-app');
if (container) createRoot(container).render(<RewardList />);
