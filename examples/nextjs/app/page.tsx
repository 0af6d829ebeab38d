// A server component: it renders the client component that holds the sign-in button and its state.
import { SignInBox } from './sign-in-box';

export default function Home() {
  return (
    <main>
      <h1>Next.js</h1>
      <SignInBox />
    </main>
  );
}
