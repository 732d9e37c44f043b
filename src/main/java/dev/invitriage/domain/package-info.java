/**
 * The invitation inbox's vocabulary: value records ({@link dev.invitriage.domain.Invitation},
 * {@link dev.invitriage.domain.Client}, {@link dev.invitriage.domain.InboxEntry}), the verdict and
 * decision enums, and the one exception type every layer throws.
 *
 * <p>May import the JDK only.
 */
package dev.invitriage.domain;
