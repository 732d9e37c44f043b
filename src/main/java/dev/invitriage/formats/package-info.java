/**
 * File formats: {@link dev.invitriage.formats.LinkedInExportReader} reads LinkedIn data exports
 * (zip, folder or single CSV) and invitriage's own exports back; {@link
 * dev.invitriage.formats.ClientCsvReader} reads client lists; {@link
 * dev.invitriage.formats.ExportWriter} writes the CSV and JSON exports.
 *
 * <p>May import {@code dev.invitriage.domain}, FastCSV, Jackson and the JDK. Every
 * problem leaves this package as one {@link dev.invitriage.domain.InvitriageException} whose
 * message is a single line naming file, line and field; library messages never get through.
 */
package dev.invitriage.formats;
