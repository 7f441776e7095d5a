export function App() {
  return <p>Warta</p>;
}
