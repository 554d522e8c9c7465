/** The errors of a lexicon form that belong to no one field, shown above the fields (nothing when there are none). */
export function FormErrors({ messages }: { messages: readonly string[] }) {
  if (!messages.length) return null;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-form-error="">
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}
