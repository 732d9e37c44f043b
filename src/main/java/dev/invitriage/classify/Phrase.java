package dev.invitriage.classify;

/**
 * One known default text in canonical tokens; {@link PhraseTable#WILDCARD} tokens stand for a
 * short run of name-like words such as a group's name.
 *
 * @param label how reasons name it, e.g. {@code en, classic} or {@code user phrase 2}
 * @param namedLead the original began with a name placeholder ("{@code <name>} has indicated"),
 *     so a bare name may precede it without a comma
 * @param number its place in the phrase table (0, 1, 2, ...), to index per-phrase arrays
 */
record Phrase(String label, String[] tokens, boolean namedLead, int number) {}
