export function Organiser() {
  return <h1>Organiser</h1>;
}
