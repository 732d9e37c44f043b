/**
 * The offender classifier: decides whether an invitation's note is LinkedIn's default text, empty,
 * generic (nothing said) or personal. {@link dev.invitriage.classify.Classifier} is the entry
 * point; {@code Canonical} normalises a note once (with {@code CharacterFacts} and {@code
 * Decompositions} for characters beyond ASCII), {@code PhraseTable} holds the known default texts,
 * {@code NoiseGrammar} knows where greetings, pleasantries, requests, sign-offs and signatures may
 * stand, {@code Noise} holds their words in {@code WordSet}s and {@code WordSequences} that look a
 * note's tokens up by their characters ({@code WordIndex}), and {@code PersonName} the sender's
 * and recipient's names. What each language knows is data, read by {@code Languages} from one
 * file per language.
 *
 * <p>Pure functions, no I/O after start-up. May import {@code dev.invitriage.domain} and the JDK
 * only.
 */
package dev.invitriage.classify;
