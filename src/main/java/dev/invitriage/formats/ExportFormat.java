package dev.invitriage.formats;

/** The file formats {@code invitriage export} can write. */
public enum ExportFormat {
  CSV,
  JSON
}
