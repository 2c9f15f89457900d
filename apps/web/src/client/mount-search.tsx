import { createRoot } from 'react-dom/client';
import { SearchApp } from '../islands/search/SearchApp.tsx';

// The build-time HTML is a placeholder with the same layout; the live app replaces it.
const container = document.getElementById('search-app');
if (container) createRoot(container).render(<SearchApp initialSearch={window.location.search} />);
