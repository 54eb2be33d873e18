export function Door() {
  return <h1>Door</h1>;
}
