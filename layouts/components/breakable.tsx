// Long addresses that wrap cleanly on a narrow screen or with large text.
/**
 * An email address or web address that may wrap where a reader expects it to (after @ and
 * /, before dots), never in the middle of a word; <wbr> adds no characters to copy or read.
 */
export function Breakable({ text }: { text: string }): JSX.Element {
  const parts = text.split(/(?<=[@/])|(?=\.)/);
  return (
    <>
      {parts.map((part, i) => (
        <>
          {i > 0 && { html: "<wbr>" }}
          {part}
        </>
      ))}
    </>
  );
}
