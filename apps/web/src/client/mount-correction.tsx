import { createRoot } from 'react-dom/client';
import { CorrectionForm } from '../islands/correction/CorrectionForm.tsx';

const container = document.getElementById('correction-app');
if (container) createRoot(container).render(<CorrectionForm initialSearch={window.location.search} />);
