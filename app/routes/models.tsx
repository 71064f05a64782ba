/** Placeholder until its issue lands. */
export function Component() {
  return (
    <section className="page">
      <h1>Coming soon</h1>
    </section>
  );
}
