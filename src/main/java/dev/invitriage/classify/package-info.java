/**
 * The offender classifier: decides whether an invitation's note is LinkedIn's default text, empty,
 * or personal. {@link dev.invitriage.classify.Classifier} is the entry point; {@code Canonical}
 * normalises a note once, {@code PhraseTable} holds the known default texts (loaded from {@code
 * default-phrases.tsv}) and {@code Noise} knows greetings, pleasantries, sign-offs and the words of
 * signatures.
 *
 * <p>Pure functions, no I/O after start-up. May import {@code dev.invitriage.domain} and the JDK
 * only.
 */
package dev.invitriage.classify;
