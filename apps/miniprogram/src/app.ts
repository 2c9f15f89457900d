import type { PropsWithChildren } from 'react';
import './app.css';

/** The root component: pages render inside it; nothing global to set up beyond styles. */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
