/**
 * The offender classifier: decides whether an invitation's note is LinkedIn's default text, empty,
 * or personal. {@link dev.invitriage.classify.Classifier} is the entry point; {@code Canonical}
 * normalises a note once (with {@code CharacterFacts} and {@code Decompositions} for characters
 * beyond ASCII), {@code PhraseTable} holds the known default texts (loaded from {@code
 * default-phrases.tsv}) and {@code Noise} knows greetings, pleasantries, sign-offs and the words of
 * signatures, in {@code WordSet}s and {@code WordSequences} that look a note's tokens up by their
 * characters ({@code WordIndex}).
 *
 * <p>Pure functions, no I/O after start-up. May import {@code dev.invitriage.domain} and the JDK
 * only.
 */
package dev.invitriage.classify;
