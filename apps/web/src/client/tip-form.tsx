import { createRoot } from 'react-dom/client';
import { TipForm } from '../islands/tip/TipForm.tsx';

const container = document.getElementById('tip-app');
if (container) createRoot(container).render(<TipForm initialSearch={window.location.search} />);
