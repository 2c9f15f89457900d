import { createRoot } from 'react-dom/client';
import { TipLookup } from '../islands/tip/TipLookup.tsx';

const container = document.getElementById('tip-lookup-app');
if (container) createRoot(container).render(<TipLookup />);
