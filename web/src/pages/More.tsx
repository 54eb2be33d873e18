export function More() {
  return <h1>More</h1>;
}
